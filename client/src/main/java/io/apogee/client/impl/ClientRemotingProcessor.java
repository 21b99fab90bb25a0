package io.apogee.client.impl;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import io.apogee.client.impl.consumer.DefaultMQPushConsumerImpl;
import io.apogee.client.impl.consumer.MQConsumerInner;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.client.impl.producer.MQProducerInner;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.common.protocol.body.ConsumerRunningInfo;
import io.apogee.common.protocol.body.GetConsumerStatusBody;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.ResetOffsetBody;
import io.apogee.common.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the requests brokers send to clients (protocol.md §3.5). */
public class ClientRemotingProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(ClientRemotingProcessor.class);
    private final MQClientInstance mqClientFactory;

    public ClientRemotingProcessor(MQClientInstance mqClientFactory) {
        this.mqClientFactory = mqClientFactory;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        Map<String, String> ext = request.getExtFields() == null ? new HashMap<>() : request.getExtFields();
        switch (request.getCode()) {
            case RequestCode.CHECK_TRANSACTION_STATE:
                return checkTransactionState(ctx, request);
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED:
                log.info("receive broker's notification[{}], the consumer group: {} changed, rebalance immediately",
                    RemotingHelper.parseChannelRemoteAddr(ctx.channel()), ext.get("consumerGroup"));
                mqClientFactory.rebalanceImmediately();
                return null;
            case RequestCode.RESET_CONSUMER_CLIENT_OFFSET:
                return resetOffset(request, ext);
            case RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT:
                return getConsumeStatus(ext);
            case RequestCode.GET_CONSUMER_RUNNING_INFO:
                return getConsumerRunningInfo(ext);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY:
                return consumeMessageDirectly(request, ext);
            default:
                return null;
        }
    }

    private RemotingCommand checkTransactionState(ChannelHandlerContext ctx, RemotingCommand request) throws RemotingCommandException {
        CheckTransactionStateRequestHeader header = request.decodeCommandCustomHeader(CheckTransactionStateRequestHeader.class);
        if (request.getBody() == null) {
            return null;
        }
        MessageExt msg = MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        if (msg == null) {
            log.warn("checkTransactionState, decode message failed");
            return null;
        }
        String transactionId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (transactionId != null && !transactionId.isEmpty()) {
            msg.setTransactionId(transactionId);
        }
        String group = msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        MQProducerInner producer = group == null ? null : mqClientFactory.selectProducer(group);
        if (producer == null) {
            log.debug("checkTransactionState, pick producer by group[{}] failed", group);
            return null;
        }
        String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        producer.checkTransactionState(addr, msg, header.getTranStateTableOffset(), header.getCommitLogOffset(),
            header.getMsgId(), header.getTransactionId(), header.getOffsetMsgId());
        return null;
    }

    private RemotingCommand resetOffset(RemotingCommand request, Map<String, String> ext) {
        Map<MessageQueue, Long> offsetTable = new HashMap<>();
        if (request.getBody() != null) {
            ResetOffsetBody body = ResetOffsetBody.decode(request.getBody(), ResetOffsetBody.class);
            if (body != null && body.getOffsetTable() != null) {
                offsetTable = body.getOffsetTable();
            }
        }
        log.info("invoke reset offset operation from broker. group={}, topic={}", ext.get("group"), ext.get("topic"));
        mqClientFactory.resetOffset(ext.get("topic"), ext.get("group"), offsetTable);
        return null;
    }

    private RemotingCommand getConsumeStatus(Map<String, String> ext) {
        GetConsumerStatusBody body = new GetConsumerStatusBody();
        body.setMessageQueueTable(new HashMap<>(mqClientFactory.getConsumerStatus(ext.get("topic"), ext.get("group"))));
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body.encode());
        return response;
    }

    private RemotingCommand getConsumerRunningInfo(Map<String, String> ext) {
        MQConsumerInner consumer = mqClientFactory.selectConsumer(ext.get("consumerGroup"));
        if (consumer == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + ext.get("consumerGroup") + "> not exist in this consumer");
        }
        ConsumerRunningInfo info = consumer.consumerRunningInfo();
        info.getProperties().put(ConsumerRunningInfo.PROP_CLIENT_VERSION, "V4_9_7");
        if (Boolean.parseBoolean(ext.get("jstackEnable"))) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                sb.append(e.getKey()).append('\n');
                for (StackTraceElement el : e.getValue()) {
                    sb.append("\tat ").append(el).append('\n');
                }
                sb.append('\n');
            }
            info.setJstack(sb.toString());
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(info.encode());
        return response;
    }

    private RemotingCommand consumeMessageDirectly(RemotingCommand request, Map<String, String> ext) {
        MQConsumerInner consumer = mqClientFactory.selectConsumer(ext.get("consumerGroup"));
        MessageExt msg = request.getBody() == null ? null : MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        if (!(consumer instanceof DefaultMQPushConsumerImpl push) || msg == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + ext.get("consumerGroup") + "> not exist in this consumer");
        }
        ConsumeMessageDirectlyResult result = push.consumeMessageDirectly(msg, ext.get("brokerName"));
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(result.encode());
        return response;
    }
}
