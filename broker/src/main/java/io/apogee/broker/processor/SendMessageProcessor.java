package io.apogee.broker.processor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.apogee.broker.BrokerController;
import io.apogee.broker.SendQueueClock;
import io.apogee.common.BrokerConfig;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.constant.PermName;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.apogee.common.protocol.header.SendMessageRequestHeader;
import io.apogee.common.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.common.protocol.header.SendMessageResponseHeader;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.common.topic.TopicValidator;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.PutMessageResult;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2, SEND_BATCH_MESSAGE and CONSUMER_SEND_MSG_BACK: checks (topic name, permission,
 * queue id, auto-creation from TBW102), retry/DLQ routing, then one store append and the RocketMQ response codes.
 */
public class SendMessageProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final int DLQ_NUMS_PER_GROUP = 1;
    /** Request version from which the client's maxReconsumeTimes header is honoured (V3_4_9). */
    private static final int VERSION_3_4_9 = 121;

    private final BrokerController brokerController;

    public SendMessageProcessor(BrokerController brokerController) {
        this.brokerController = brokerController;
    }

    @Override
    public boolean rejectRequest() {
        return brokerController.getMessageStore().isOSPageCacheBusy();
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        RemotingCommand busy = SendQueueClock.checkWaitTime(brokerController.getBrokerConfig());
        if (busy != null) {
            return busy;
        }
        if (request.getCode() == RequestCode.CONSUMER_SEND_MSG_BACK) {
            return consumerSendMsgBack(ctx, request);
        }
        SendMessageRequestHeader header = parseRequestHeader(request);
        if (header.isBatch() || request.getCode() == RequestCode.SEND_BATCH_MESSAGE) {
            return sendBatchMessage(ctx, request, header);
        }
        return sendMessage(ctx, request, header);
    }

    /** Answers the request once the store completed the put (processRequest has returned by then). */
    private static void answerWhenStored(ChannelHandlerContext ctx, RemotingCommand request,
                                         CompletableFuture<PutMessageResult> put,
                                         Function<PutMessageResult, RemotingCommand> toResponse) {
        put.whenComplete((result, error) -> {
            RemotingCommand response = error != null
                ? RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "store putMessage failed: " + error)
                : toResponse.apply(result);
            if (response != null && !request.isOnewayRPC()) {
                ctx.writeAndFlush(response.asResponseTo(request));
            }
        });
    }

    static SendMessageRequestHeader parseRequestHeader(RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE_V2:
            case RequestCode.SEND_BATCH_MESSAGE:
            case RequestCode.SEND_REPLY_MESSAGE_V2:
                return SendMessageRequestHeaderV2.toV1(request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
            default:
                return request.decodeCommandCustomHeader(SendMessageRequestHeader.class);
        }
    }

    private RemotingCommand newResponse() {
        RemotingCommand response = RemotingCommand.createResponseCommand(SendMessageResponseHeader.class);
        BrokerConfig bc = brokerController.getBrokerConfig();
        response.addExtField(MessageConst.PROPERTY_MSG_REGION, bc.getRegionId());
        response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, String.valueOf(bc.isTraceOn()));
        return response;
    }

    /** Common checks; returns the topic config, or null with the response filled with the error. */
    private TopicConfig msgCheck(ChannelHandlerContext ctx, SendMessageRequestHeader header, RemotingCommand response) {
        BrokerConfig bc = brokerController.getBrokerConfig();
        if (!PermName.isWriteable(bc.getBrokerPermission()) && brokerController.getTopicConfigManager().isOrderTopic(header.getTopic())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the broker[" + bc.getBrokerIP1() + "] sending message is forbidden");
            return null;
        }
        String invalid = TopicValidator.validateTopic(header.getTopic());
        if (invalid != null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark(invalid);
            return null;
        }
        if (TopicValidator.isNotAllowedSendTopic(header.getTopic())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("Sending message to topic[" + header.getTopic() + "] is forbidden.");
            return null;
        }
        TopicConfig topicConfig = brokerController.getTopicConfigManager().selectTopicConfig(header.getTopic());
        if (topicConfig == null) {
            int topicSysFlag = header.isUnitMode() ? 1 : 0;
            if (header.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                topicSysFlag = header.isUnitMode() ? 1 : 0;
            }
            String remote = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            topicConfig = brokerController.getTopicConfigManager().createTopicInSendMessageMethod(header.getTopic(),
                header.getDefaultTopic(), remote, header.getDefaultTopicQueueNums(), topicSysFlag);
            if (topicConfig == null && header.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                topicConfig = brokerController.getTopicConfigManager().createTopicInSendMessageBackMethod(header.getTopic(),
                    1, PermName.PERM_WRITE | PermName.PERM_READ, topicSysFlag);
            }
            if (topicConfig == null) {
                response.setCode(ResponseCode.TOPIC_NOT_EXIST);
                response.setRemark("topic[" + header.getTopic() + "] not exist, apply first please!"
                    + " See http://rocketmq.apache.org/docs/faq/ for further details.");
                return null;
            }
        }
        int queueId = header.getQueueId();
        int idValid = Math.max(topicConfig.getWriteQueueNums(), topicConfig.getReadQueueNums());
        if (queueId >= idValid) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark(String.format("request queueId[%d] is illegal, %s Producer: %s", queueId, topicConfig,
                RemotingHelper.parseChannelRemoteAddr(ctx.channel())));
            return null;
        }
        return topicConfig;
    }

    private RemotingCommand sendMessage(ChannelHandlerContext ctx, RemotingCommand request, SendMessageRequestHeader header) {
        RemotingCommand response = newResponse();
        SendMessageResponseHeader responseHeader = (SendMessageResponseHeader) response.readCustomHeader();
        TopicConfig topicConfig = msgCheck(ctx, header, response);
        if (topicConfig == null) {
            return response;
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        int maxSize = brokerController.getMessageStoreConfig().getMaxMessageSize();
        if (body.length > maxSize) {
            return illegal(response, maxSize);
        }
        int queueId = header.getQueueId();
        if (queueId < 0) {
            queueId = randomQueue(topicConfig.getWriteQueueNums());
        }
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(header.getTopic());
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setFlag(header.getFlag());
        Map<String, String> props = MessageDecoder.string2messageProperties(header.getProperties());
        MessageAccessor.setProperties(msg, props);
        msg.setBornTimestamp(header.getBornTimestamp());
        msg.setBornHost(ctx.channel().remoteAddress());
        msg.setStoreHost(brokerController.getStoreHost());
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        msg.setSysFlag(header.getSysFlag());
        if (!handleRetryAndDLQ(header, response, request, msg, topicConfig)) {
            return response;
        }
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CLUSTER, brokerController.getBrokerConfig().getBrokerClusterName());
        // WAIT is not stored (as RocketMQ 4.9 does, saving 10 bytes per message) but still decides the flush wait
        String wait = msg.getProperties().remove(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        if (wait != null) {
            MessageAccessor.putProperty(msg, MessageConst.PROPERTY_WAIT_STORE_MSG_OK, wait);
        }
        if (msg.getPropertiesString().length() > Short.MAX_VALUE) {
            return illegal(response, maxSize);
        }
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(msg.getTags()));
        String tran = props.get(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        if (tran != null && Boolean.parseBoolean(tran) && brokerController.getBrokerConfig().isRejectTransactionMessage()) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the broker[" + brokerController.getBrokerConfig().getBrokerIP1()
                + "] sending transaction message is forbidden");
            return response;
        }
        if (tran != null && Boolean.parseBoolean(tran)) {
            PutMessageResult result = brokerController.getTransactionalMessageService().prepareMessage(msg);
            return handlePutMessageResult(result, response, responseHeader, msg.getTopic(), queueId, 1, body.length);
        }
        if (putWaits(msg.isWaitStoreMsgOK())) {
            // Answer when the group commit has the message on disk (and a SYNC_MASTER's slave has it), without
            // holding this send thread: the few send threads keep feeding the next fsync and transfer instead.
            String topic = msg.getTopic();
            int bodyLength = body.length;
            int storedQueueId = queueId;
            answerWhenStored(ctx, request, brokerController.getMessageStore().asyncPutMessage(msg),
                result -> handlePutMessageResult(result, response, responseHeader, topic, storedQueueId, 1, bodyLength));
            return null;
        }
        PutMessageResult result = brokerController.getMessageStore().putMessage(msg);
        return handlePutMessageResult(result, response, responseHeader, msg.getTopic(), queueId, 1, body.length);
    }

    private RemotingCommand sendBatchMessage(ChannelHandlerContext ctx, RemotingCommand request, SendMessageRequestHeader header) {
        RemotingCommand response = newResponse();
        SendMessageResponseHeader responseHeader = (SendMessageResponseHeader) response.readCustomHeader();
        TopicConfig topicConfig = msgCheck(ctx, header, response);
        if (topicConfig == null) {
            return response;
        }
        if (header.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            response.setCode(ResponseCode.MESSAGE_ILLEGAL);
            response.setRemark("batch request does not support retry group " + header.getTopic());
            return response;
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        int maxSize = brokerController.getMessageStoreConfig().getMaxMessageSize();
        if (body.length > maxSize) {
            return illegal(response, maxSize);
        }
        int queueId = header.getQueueId();
        if (queueId < 0) {
            queueId = randomQueue(topicConfig.getWriteQueueNums());
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic(header.getTopic());
        batch.setQueueId(queueId);
        batch.setBody(body);
        batch.setFlag(header.getFlag());
        MessageAccessor.setProperties(batch, MessageDecoder.string2messageProperties(header.getProperties()));
        batch.setBornTimestamp(header.getBornTimestamp());
        batch.setBornHost(ctx.channel().remoteAddress());
        batch.setStoreHost(brokerController.getStoreHost());
        batch.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        batch.setSysFlag(header.getSysFlag());
        if (putWaits(batch.isWaitStoreMsgOK())) {
            int storedQueueId = queueId;
            answerWhenStored(ctx, request, brokerController.getMessageStore().asyncPutMessages(batch),
                result -> handleBatchResult(result, response, responseHeader, header.getTopic(), storedQueueId, body.length));
            return null;
        }
        return handleBatchResult(brokerController.getMessageStore().putMessages(batch), response, responseHeader,
            header.getTopic(), queueId, body.length);
    }

    private RemotingCommand handleBatchResult(PutMessageResult result, RemotingCommand response,
                                              SendMessageResponseHeader responseHeader, String topic, int queueId,
                                              int bodyLength) {
        int count = result != null && result.getAppendMessageResult() != null ? result.getAppendMessageResult().getMsgNum() : 1;
        return handlePutMessageResult(result, response, responseHeader, topic, queueId, Math.max(1, count), bodyLength);
    }

    /** Whether a put waits for an fsync (SYNC_FLUSH) or for a slave (SYNC_MASTER) before it may be answered. */
    private boolean putWaits(boolean waitStoreMsgOK) {
        MessageStoreConfig config = brokerController.getMessageStoreConfig();
        return waitStoreMsgOK
            && (config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH || config.getBrokerRole() == BrokerRole.SYNC_MASTER);
    }

    private static int randomQueue(int writeQueueNums) {
        return writeQueueNums <= 0 ? 0 : ThreadLocalRandom.current().nextInt(writeQueueNums);
    }

    private RemotingCommand illegal(RemotingCommand response, int maxSize) {
        response.setCode(ResponseCode.MESSAGE_ILLEGAL);
        response.setRemark(String.format("the message is illegal, maybe msg body or properties length not matched. "
            + "msg body length limit %dB, msg properties length limit 32KB.", maxSize));
        return response;
    }

    /** Sends to a %RETRY% topic past the group's max reconsume times go to the group's DLQ instead. */
    private boolean handleRetryAndDLQ(SendMessageRequestHeader header, RemotingCommand response, RemotingCommand request,
                                      MessageExt msg, TopicConfig topicConfig) {
        String topic = header.getTopic();
        if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return true;
        }
        String group = topic.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig sgc = brokerController.getSubscriptionGroupManager().findSubscriptionGroupConfig(group);
        if (sgc == null) {
            response.setCode(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
            response.setRemark("subscription group not exist, " + group + " See http://rocketmq.apache.org/docs/faq/");
            return false;
        }
        int max = sgc.getRetryMaxTimes();
        if (request.getVersion() >= VERSION_3_4_9 && header.getMaxReconsumeTimes() != null) {
            max = header.getMaxReconsumeTimes();
        }
        int reconsumeTimes = header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes();
        if (reconsumeTimes >= max) {
            String dlq = MixAll.getDLQTopic(group);
            TopicConfig dlqConfig = brokerController.getTopicConfigManager().createTopicInSendMessageBackMethod(dlq,
                DLQ_NUMS_PER_GROUP, PermName.PERM_WRITE | PermName.PERM_READ, 0);
            if (dlqConfig == null) {
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("topic[" + dlq + "] not exist");
                return false;
            }
            msg.setTopic(dlq);
            msg.setQueueId(0);
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
        return true;
    }

    private RemotingCommand handlePutMessageResult(PutMessageResult result, RemotingCommand response,
                                                   SendMessageResponseHeader responseHeader, String topic, int queueId,
                                                   int msgNum, int size) {
        if (result == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("store putMessage return null");
            return response;
        }
        boolean sendOk = false;
        switch (result.getPutMessageStatus()) {
            case PUT_OK:
                sendOk = true;
                response.setCode(ResponseCode.SUCCESS);
                break;
            case FLUSH_DISK_TIMEOUT:
                sendOk = true;
                response.setCode(ResponseCode.FLUSH_DISK_TIMEOUT);
                break;
            case FLUSH_SLAVE_TIMEOUT:
                sendOk = true;
                response.setCode(ResponseCode.FLUSH_SLAVE_TIMEOUT);
                break;
            case SLAVE_NOT_AVAILABLE:
                sendOk = true;
                response.setCode(ResponseCode.SLAVE_NOT_AVAILABLE);
                break;
            case CREATE_MAPEDFILE_FAILED:
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("create mapped file failed, server is busy or broken.");
                break;
            case MESSAGE_ILLEGAL:
            case PROPERTIES_SIZE_EXCEEDED:
                illegal(response, brokerController.getMessageStoreConfig().getMaxMessageSize());
                break;
            case SERVICE_NOT_AVAILABLE:
                response.setCode(ResponseCode.SERVICE_NOT_AVAILABLE);
                response.setRemark("service not available now. It may be caused by one of the following reasons: "
                    + "the broker's disk is full, messages are put to the slave, message store has been shut down, etc.");
                break;
            case OS_PAGECACHE_BUSY:
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("[PC_SYNCHRONIZED]broker busy, start flow control for a while");
                break;
            case LMQ_CONSUME_QUEUE_NUM_EXCEEDED:
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("[LMQ_CONSUME_QUEUE_NUM_EXCEEDED]broker config enableLmq and enableMultiDispatch, "
                    + "lmq consumeQueue num exceed maxLmqConsumeQueueNum config num, default limit 2w.");
                break;
            default:
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("UNKNOWN_ERROR");
                break;
        }
        if (sendOk) {
            response.setRemark(null);
            brokerController.getBrokerStats().incTopicPut(topic, msgNum, size);
            responseHeader.setMsgId(result.getAppendMessageResult().getMsgId());
            responseHeader.setQueueId(queueId);
            responseHeader.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
        } else {
            brokerController.getBrokerStats().incPutFailed();
        }
        return response;
    }

    private RemotingCommand consumerSendMsgBack(ChannelHandlerContext ctx, RemotingCommand request) throws RemotingCommandException {
        RemotingCommand response = RemotingCommand.createResponseCommand(null);
        ConsumerSendMsgBackRequestHeader header = request.decodeCommandCustomHeader(ConsumerSendMsgBackRequestHeader.class);
        SubscriptionGroupConfig sgc = brokerController.getSubscriptionGroupManager().findSubscriptionGroupConfig(header.getGroup());
        if (sgc == null) {
            response.setCode(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
            response.setRemark("subscription group not exist, " + header.getGroup() + " See http://rocketmq.apache.org/docs/faq/");
            return response;
        }
        BrokerConfig bc = brokerController.getBrokerConfig();
        if (!PermName.isWriteable(bc.getBrokerPermission())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the broker[" + bc.getBrokerIP1() + "] sending message is forbidden");
            return response;
        }
        if (sgc.getRetryQueueNums() <= 0) {
            response.setCode(ResponseCode.SUCCESS);
            response.setRemark(null);
            return response;
        }
        String newTopic = MixAll.getRetryTopic(header.getGroup());
        int queueId = randomQueue(sgc.getRetryQueueNums());
        int topicSysFlag = header.isUnitMode() ? 1 : 0;
        TopicConfig topicConfig = brokerController.getTopicConfigManager().createTopicInSendMessageBackMethod(newTopic,
            sgc.getRetryQueueNums(), PermName.PERM_WRITE | PermName.PERM_READ, topicSysFlag);
        if (topicConfig == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("topic[" + newTopic + "] not exist");
            return response;
        }
        if (!PermName.isWriteable(topicConfig.getPerm())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark(String.format("the topic[%s] sending message is forbidden", newTopic));
            return response;
        }
        MessageExt msgExt = brokerController.getMessageStore().lookMessageByOffset(header.getOffset());
        if (msgExt == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("look message by offset failed, " + header.getOffset());
            return response;
        }
        if (msgExt.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
            MessageAccessor.putProperty(msgExt, MessageConst.PROPERTY_RETRY_TOPIC, msgExt.getTopic());
        }
        msgExt.setWaitStoreMsgOK(false);
        int delayLevel = header.getDelayLevel();
        int max = sgc.getRetryMaxTimes();
        if (request.getVersion() >= VERSION_3_4_9 && header.getMaxReconsumeTimes() != null) {
            max = header.getMaxReconsumeTimes();
        }
        if (msgExt.getReconsumeTimes() >= max || delayLevel < 0) {
            newTopic = MixAll.getDLQTopic(header.getGroup());
            queueId = 0;
            topicConfig = brokerController.getTopicConfigManager().createTopicInSendMessageBackMethod(newTopic,
                DLQ_NUMS_PER_GROUP, PermName.PERM_WRITE | PermName.PERM_READ, 0);
            if (topicConfig == null) {
                response.setCode(ResponseCode.SYSTEM_ERROR);
                response.setRemark("topic[" + newTopic + "] not exist");
                return response;
            }
            MessageAccessor.clearProperty(msgExt, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        } else {
            if (delayLevel == 0) {
                delayLevel = 3 + msgExt.getReconsumeTimes();
            }
            msgExt.setDelayTimeLevel(delayLevel);
        }
        MessageExtBrokerInner inner = new MessageExtBrokerInner();
        inner.setTopic(newTopic);
        inner.setBody(msgExt.getBody());
        inner.setFlag(msgExt.getFlag());
        MessageAccessor.setProperties(inner, msgExt.getProperties());
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(msgExt.getTags()));
        inner.setQueueId(queueId);
        inner.setSysFlag(msgExt.getSysFlag());
        inner.setBornTimestamp(msgExt.getBornTimestamp());
        inner.setBornHost(msgExt.getBornHost());
        inner.setStoreHost(brokerController.getStoreHost());
        inner.setReconsumeTimes(msgExt.getReconsumeTimes() + 1);
        String originMsgId = MessageAccessor.getOriginMessageId(msgExt);
        MessageAccessor.setOriginMessageId(inner, originMsgId == null || originMsgId.isEmpty() ? msgExt.getMsgId() : originMsgId);
        inner.setPropertiesString(MessageDecoder.messageProperties2String(inner.getProperties()));
        PutMessageResult result = brokerController.getMessageStore().putMessage(inner);
        if (result != null && result.isOk()) {
            brokerController.getBrokerStats().incTopicPut(newTopic, 1, inner.getBody() == null ? 0 : inner.getBody().length);
            response.setCode(ResponseCode.SUCCESS);
            response.setRemark(null);
            return response;
        }
        response.setCode(ResponseCode.SYSTEM_ERROR);
        response.setRemark(result == null ? "putMessage result is null" : String.valueOf(result.getPutMessageStatus()));
        return response;
    }

    static SocketAddress storeHost(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
