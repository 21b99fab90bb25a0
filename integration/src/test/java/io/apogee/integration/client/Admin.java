package io.apogee.integration.client;

import io.apogee.client.impl.MQClientAPIImpl;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.CreateTopicRequestHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.protocol.RemotingCommand;

/** The few admin calls the scenarios need, sent raw. */
final class Admin implements AutoCloseable {
    private final MQClientAPIImpl api;

    Admin(String namesrvAddr) {
        api = new MQClientAPIImpl(new NettyClientConfig(), new io.apogee.client.ClientConfig(), null, null);
        api.updateNameServerAddressList(namesrvAddr);
        api.start();
    }

    /** UPDATE_AND_CREATE_TOPIC on the broker; the broker registers it to the name server before answering. */
    void createTopic(String brokerAddr, String topic, int queues) throws Exception {
        CreateTopicRequestHeader h = new CreateTopicRequestHeader();
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setReadQueueNums(queues);
        h.setWriteQueueNums(queues);
        h.setPerm(6);
        h.setTopicFilterType("SINGLE_TAG");
        h.setTopicSysFlag(0);
        h.setOrder(false);
        RemotingCommand response = api.invokeSync(brokerAddr,
            RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, h), 10_000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("create topic " + topic + ": " + response.getCode() + " " + response.getRemark());
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            try {
                api.getTopicRouteInfoFromNameServer(topic, 3000, false);
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The group's offset committed on the broker for one queue, or -1 when none is (or the broker does not answer). */
    long committedOffset(String brokerAddr, String group, String topic, int queueId) {
        io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader h =
            new io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        try {
            return api.queryConsumerOffset(brokerAddr, h, 3000);
        } catch (Exception e) {
            return -1;
        }
    }

    MQClientAPIImpl api() {
        return api;
    }

    @Override
    public void close() {
        api.shutdown();
    }
}
