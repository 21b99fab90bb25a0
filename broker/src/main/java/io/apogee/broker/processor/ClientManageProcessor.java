package io.apogee.broker.processor;

import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.client.ProducerManager;
import io.apogee.broker.filter.ConsumerFilterManager;
import io.apogee.broker.subscription.SubscriptionGroupManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.BrokerConfig;
import io.apogee.common.MixAll;
import io.apogee.common.constant.PermName;
import io.apogee.common.filter.ExpressionType;
import io.apogee.common.filter.expression.SqlParseException;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.CheckClientRequestBody;
import io.apogee.common.protocol.header.UnregisterClientRequestHeader;
import io.apogee.common.protocol.heartbeat.ConsumerData;
import io.apogee.common.protocol.heartbeat.HeartbeatData;
import io.apogee.common.protocol.heartbeat.ProducerData;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HEART_BEAT, UNREGISTER_CLIENT and CHECK_CLIENT_CONFIG. */
public class ClientManageProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final BrokerConfig brokerConfig;
    private final ConsumerManager consumerManager;
    private final ProducerManager producerManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final TopicConfigManager topicConfigManager;
    private final ConsumerFilterManager consumerFilterManager;

    public ClientManageProcessor(BrokerConfig brokerConfig, ConsumerManager consumerManager, ProducerManager producerManager,
                                 SubscriptionGroupManager subscriptionGroupManager, TopicConfigManager topicConfigManager,
                                 ConsumerFilterManager consumerFilterManager) {
        this.brokerConfig = brokerConfig;
        this.consumerManager = consumerManager;
        this.producerManager = producerManager;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.topicConfigManager = topicConfigManager;
        this.consumerFilterManager = consumerFilterManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.HEART_BEAT:
                return heartBeat(ctx, request);
            case RequestCode.UNREGISTER_CLIENT:
                return unregisterClient(ctx, request);
            case RequestCode.CHECK_CLIENT_CONFIG:
                return checkClientConfig(request);
            default:
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, null);
        }
    }

    private RemotingCommand heartBeat(ChannelHandlerContext ctx, RemotingCommand request) {
        HeartbeatData data = RemotingSerializable.decode(request.getBody(), HeartbeatData.class);
        if (data == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "heartbeat body is missing");
        }
        ClientChannelInfo info = new ClientChannelInfo(ctx.channel(), data.getClientID(), request.getLanguage(), request.getVersion());
        for (ConsumerData c : data.getConsumerDataSet()) {
            SubscriptionGroupConfig sgc = subscriptionGroupManager.findSubscriptionGroupConfig(c.getGroupName());
            boolean notify = true;
            if (sgc != null) {
                notify = sgc.isNotifyConsumerIdsChangedEnable();
                if (sgc.getRetryQueueNums() > 0) {
                    topicConfigManager.createTopicInSendMessageBackMethod(
                        MixAll.getRetryTopic(c.getGroupName()), sgc.getRetryQueueNums(),
                        PermName.PERM_WRITE | PermName.PERM_READ, c.isUnitMode() ? 1 : 0);
                }
            }
            boolean changed = consumerManager.registerConsumer(c.getGroupName(), info,
                c.getConsumeType(), c.getMessageModel(), c.getConsumeFromWhere(), c.getSubscriptionDataSet(),
                notify && brokerConfig.isNotifyConsumerIdsChangedEnable());
            if (changed) {
                log.info("registerConsumer info changed {} {}", c.getGroupName(), data.getClientID());
            }
            if (brokerConfig.isEnablePropertyFilter()) {
                for (SubscriptionData sd : c.getSubscriptionDataSet()) {
                    consumerFilterManager.register(sd.getTopic(), c.getGroupName(), sd.getSubString(),
                        sd.getExpressionType(), sd.getSubVersion());
                }
            }
        }
        for (ProducerData p : data.getProducerDataSet()) {
            producerManager.registerProducer(p.getGroupName(), info);
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        return response;
    }

    private RemotingCommand unregisterClient(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        UnregisterClientRequestHeader h = request.decodeCommandCustomHeader(UnregisterClientRequestHeader.class);
        ClientChannelInfo info = new ClientChannelInfo(ctx.channel(), h.getClientID(), request.getLanguage(), request.getVersion());
        if (h.getProducerGroup() != null) {
            producerManager.unregisterProducer(h.getProducerGroup(), info);
        }
        if (h.getConsumerGroup() != null) {
            SubscriptionGroupConfig sgc = subscriptionGroupManager.findSubscriptionGroupConfig(h.getConsumerGroup());
            boolean notify = sgc == null || sgc.isNotifyConsumerIdsChangedEnable();
            consumerManager.unregisterConsumer(h.getConsumerGroup(), info,
                notify && brokerConfig.isNotifyConsumerIdsChangedEnable());
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand checkClientConfig(RemotingCommand request) {
        CheckClientRequestBody body = RemotingSerializable.decode(request.getBody(), CheckClientRequestBody.class);
        if (body != null && body.getSubscriptionData() != null
            && !ExpressionType.isTagType(body.getSubscriptionData().getExpressionType())) {
            if (!brokerConfig.isEnablePropertyFilter()) {
                return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                    "The broker does not support consumer to filter message by " + body.getSubscriptionData().getExpressionType());
            }
            try {
                consumerFilterManager.compile(body.getSubscriptionData().getSubString());
            } catch (SqlParseException e) {
                return RemotingCommand.createResponseCommand(ResponseCode.SUBSCRIPTION_PARSE_FAILED, e.getMessage());
            }
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }
}
