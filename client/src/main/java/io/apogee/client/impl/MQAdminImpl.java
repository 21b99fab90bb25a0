package io.apogee.client.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.route.TopicRouteData;

/** Queue-level queries every consumer kind needs: queues of a topic, min/max offsets, offset by time. */
public class MQAdminImpl {
    private final MQClientInstance mQClientFactory;

    public MQAdminImpl(MQClientInstance mQClientFactory) {
        this.mQClientFactory = mQClientFactory;
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        try {
            TopicRouteData route = mQClientFactory.getMQClientAPIImpl().getTopicRouteInfoFromNameServer(topic,
                mQClientFactory.getClientConfig().getMqClientApiTimeout(), true);
            Set<MessageQueue> mqs = MQClientInstance.topicRouteData2TopicSubscribeInfo(topic, route);
            if (mqs.isEmpty()) {
                throw new MQClientException("Can not find Message Queue for this topic, " + topic + " Namesrv return empty", null);
            }
            return mqs;
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic, e);
        }
    }

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        try {
            TopicRouteData route = mQClientFactory.getMQClientAPIImpl().getTopicRouteInfoFromNameServer(topic,
                mQClientFactory.getClientConfig().getMqClientApiTimeout(), true);
            return new ArrayList<>(MQClientInstance.topicRouteData2TopicPublishInfo(topic, route).getMessageQueueList());
        } catch (Exception e) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic, e);
        }
    }

    private String brokerAddr(MessageQueue mq) throws MQClientException {
        FindBrokerResult r = mQClientFactory.findBrokerAddressInAdmin(mq.getBrokerName());
        if (r == null) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(mq.getTopic());
            r = mQClientFactory.findBrokerAddressInAdmin(mq.getBrokerName());
        }
        if (r == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        return r.getBrokerAddr();
    }

    private long timeout() {
        return mQClientFactory.getClientConfig().getMqClientApiTimeout();
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return mQClientFactory.getMQClientAPIImpl().getMaxOffset(addr, mq.getTopic(), mq.getQueueId(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return mQClientFactory.getMQClientAPIImpl().getMinOffset(addr, mq.getTopic(), mq.getQueueId(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return mQClientFactory.getMQClientAPIImpl().searchOffset(addr, mq.getTopic(), mq.getQueueId(), timestamp, timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }
}
