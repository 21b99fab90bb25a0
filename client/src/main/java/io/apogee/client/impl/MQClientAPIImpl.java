package io.apogee.client.impl;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.PullCallback;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.consumer.PullResultExt;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.CheckClientRequestBody;
import io.apogee.common.protocol.body.GetConsumerListByGroupResponseBody;
import io.apogee.common.protocol.body.LockBatchRequestBody;
import io.apogee.common.protocol.body.LockBatchResponseBody;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.UnlockBatchRequestBody;
import io.apogee.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.apogee.common.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.common.protocol.header.GetMaxOffsetRequestHeader;
import io.apogee.common.protocol.header.GetMaxOffsetResponseHeader;
import io.apogee.common.protocol.header.GetMinOffsetRequestHeader;
import io.apogee.common.protocol.header.GetMinOffsetResponseHeader;
import io.apogee.common.protocol.header.PullMessageRequestHeader;
import io.apogee.common.protocol.header.PullMessageResponseHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.common.protocol.header.SearchOffsetRequestHeader;
import io.apogee.common.protocol.header.SearchOffsetResponseHeader;
import io.apogee.common.protocol.header.SendMessageRequestHeader;
import io.apogee.common.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.common.protocol.header.SendMessageResponseHeader;
import io.apogee.common.protocol.header.UnregisterClientRequestHeader;
import io.apogee.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.common.protocol.header.ViewMessageRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.apogee.common.protocol.heartbeat.HeartbeatData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's RPCs to name servers and brokers: one method per request code, turning response codes
 * into results or exceptions in one place.
 */
public class MQClientAPIImpl {
    private static final Logger log = LoggerFactory.getLogger(MQClientAPIImpl.class);

    private final NettyRemotingClient remotingClient;
    private final ClientConfig clientConfig;

    public MQClientAPIImpl(NettyClientConfig nettyClientConfig, ClientConfig clientConfig, RPCHook rpcHook,
                           NettyRequestProcessor callbackProcessor) {
        this.clientConfig = clientConfig;
        this.remotingClient = new NettyRemotingClient(nettyClientConfig);
        if (rpcHook != null) {
            remotingClient.registerRPCHook(rpcHook);
        }
        if (callbackProcessor != null) {
            for (int code : new int[] {RequestCode.CHECK_TRANSACTION_STATE, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                RequestCode.RESET_CONSUMER_CLIENT_OFFSET, RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
                RequestCode.GET_CONSUMER_RUNNING_INFO, RequestCode.CONSUME_MESSAGE_DIRECTLY}) {
                remotingClient.registerProcessor(code, callbackProcessor, null);
            }
        }
    }

    public void start() {
        remotingClient.start();
    }

    public void shutdown() {
        remotingClient.shutdown();
    }

    public NettyRemotingClient getRemotingClient() {
        return remotingClient;
    }

    public void updateNameServerAddressList(String addrs) {
        List<String> list = Arrays.stream(addrs.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        remotingClient.updateNameServerAddressList(list);
    }

    public List<String> getNameServerAddressList() {
        return remotingClient.getNameServerAddressList();
    }

    /** One sync call; a non-success answer becomes an {@link MQBrokerException}. */
    private RemotingCommand invokeOk(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        return response;
    }

    private static <T extends CommandCustomHeader> T header(RemotingCommand response, Class<T> type) throws MQBrokerException {
        try {
            return response.decodeCommandCustomHeader(type);
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "bad response header: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ name server

    public TopicRouteData getTopicRouteInfoFromNameServer(String topic, long timeoutMillis, boolean allowTopicNotExist)
        throws MQClientException, InterruptedException, RemotingException {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        RemotingCommand response = remotingClient.invokeSync(null, request, timeoutMillis);
        switch (response.getCode()) {
            case ResponseCode.TOPIC_NOT_EXIST:
                if (allowTopicNotExist) {
                    log.debug("topic [{}] route not found in name server", topic);
                }
                break;
            case ResponseCode.SUCCESS:
                if (response.getBody() != null) {
                    return TopicRouteData.decode(response.getBody(), TopicRouteData.class);
                }
                break;
            default:
                break;
        }
        throw new MQClientException(response.getCode(), response.getRemark());
    }

    // ------------------------------------------------------------------ send

    /** Sends {@code body} (the message body as it goes on the wire: compressed or batch-encoded) for {@code msg}. */
    public SendResult sendMessage(String addr, String brokerName, Message msg, byte[] body, SendMessageRequestHeader requestHeader,
                                  long timeoutMillis, CommunicationMode mode, SendCallback sendCallback)
        throws RemotingException, MQBrokerException, InterruptedException {
        boolean batch = requestHeader.isBatch();
        boolean reply = "reply".equals(msg.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));
        int code = batch ? RequestCode.SEND_BATCH_MESSAGE
            : reply ? RequestCode.SEND_REPLY_MESSAGE_V2 : RequestCode.SEND_MESSAGE_V2;
        RemotingCommand request = RemotingCommand.createRequestCommand(code, SendMessageRequestHeaderV2.fromV1(requestHeader));
        request.setBody(body);
        switch (mode) {
            case ONEWAY:
                remotingClient.invokeOneway(addr, request, timeoutMillis);
                return null;
            case ASYNC:
                remotingClient.invokeAsync(addr, request, timeoutMillis, future -> {
                    RemotingCommand response = future.getResponseCommand();
                    if (response == null) {
                        Throwable cause = future.getCause();
                        String why = !future.isSendRequestOK() ? "send request failed to " + addr
                            : future.isTimeout() ? "wait response timeout " + future.getTimeoutMillis() + "ms from " + addr
                            : "unknown failure talking to " + addr;
                        sendCallback.onException(new MQClientException(why, cause));
                        return;
                    }
                    SendResult result;
                    try {
                        result = processSendResponse(brokerName, msg, response, addr);
                    } catch (Exception e) {
                        sendCallback.onException(e);
                        return;
                    }
                    try {
                        sendCallback.onSuccess(result);
                    } catch (Throwable t) {
                        log.warn("SendCallback.onSuccess threw", t);
                    }
                });
                return null;
            default:
                RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
                return processSendResponse(brokerName, msg, response, addr);
        }
    }

    public SendResult processSendResponse(String brokerName, Message msg, RemotingCommand response, String addr)
        throws MQBrokerException {
        SendStatus status;
        switch (response.getCode()) {
            case ResponseCode.FLUSH_DISK_TIMEOUT:
                status = SendStatus.FLUSH_DISK_TIMEOUT;
                break;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT:
                status = SendStatus.FLUSH_SLAVE_TIMEOUT;
                break;
            case ResponseCode.SLAVE_NOT_AVAILABLE:
                status = SendStatus.SLAVE_NOT_AVAILABLE;
                break;
            case ResponseCode.SUCCESS:
                status = SendStatus.SEND_OK;
                break;
            default:
                throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        SendMessageResponseHeader header = header(response, SendMessageResponseHeader.class);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, header.getQueueId());
        String uniqMsgId = MessageClientIDSetter.getUniqID(msg);
        if (msg instanceof io.apogee.common.message.MessageBatch batch) {
            StringBuilder sb = new StringBuilder();
            for (Message m : batch) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(MessageClientIDSetter.getUniqID(m));
            }
            uniqMsgId = sb.toString();
        }
        SendResult result = new SendResult(status, uniqMsgId, header.getMsgId(), mq, header.getQueueOffset());
        result.setTransactionId(header.getTransactionId());
        if (response.getExtFields() != null) {
            String region = response.getExtFields().get(MessageConst.PROPERTY_MSG_REGION);
            result.setRegionId(region == null || region.isEmpty() ? "DefaultRegion" : region);
            String traceOn = response.getExtFields().get(MessageConst.PROPERTY_TRACE_SWITCH);
            result.setTraceOn(!"false".equals(traceOn));
        }
        return result;
    }

    // ------------------------------------------------------------------ pull

    public PullResult pullMessage(String addr, PullMessageRequestHeader requestHeader, long timeoutMillis,
                                  CommunicationMode mode, PullCallback pullCallback)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, requestHeader);
        if (mode == CommunicationMode.ASYNC) {
            remotingClient.invokeAsync(addr, request, timeoutMillis, future -> {
                RemotingCommand response = future.getResponseCommand();
                if (response == null) {
                    String why = !future.isSendRequestOK() ? "send request failed to " + addr
                        : future.isTimeout() ? "wait response timeout " + future.getTimeoutMillis() + "ms from " + addr
                        : "unknown failure pulling from " + addr;
                    pullCallback.onException(new MQClientException(why, future.getCause()));
                    return;
                }
                PullResult result;
                try {
                    result = processPullResponse(response, addr);
                } catch (Exception e) {
                    pullCallback.onException(e);
                    return;
                }
                pullCallback.onSuccess(result);
            });
            return null;
        }
        return processPullResponse(remotingClient.invokeSync(addr, request, timeoutMillis), addr);
    }

    private PullResult processPullResponse(RemotingCommand response, String addr) throws MQBrokerException {
        PullStatus status;
        switch (response.getCode()) {
            case ResponseCode.SUCCESS:
                status = PullStatus.FOUND;
                break;
            case ResponseCode.PULL_NOT_FOUND:
                status = PullStatus.NO_NEW_MSG;
                break;
            case ResponseCode.PULL_RETRY_IMMEDIATELY:
                status = PullStatus.NO_MATCHED_MSG;
                break;
            case ResponseCode.PULL_OFFSET_MOVED:
                status = PullStatus.OFFSET_ILLEGAL;
                break;
            default:
                throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        PullMessageResponseHeader h = header(response, PullMessageResponseHeader.class);
        return new PullResultExt(status, h.getNextBeginOffset(), h.getMinOffset(), h.getMaxOffset(), null,
            h.getSuggestWhichBrokerId(), response.getBody());
    }

    // ------------------------------------------------------------------ offsets

    public long queryConsumerOffset(String addr, QueryConsumerOffsetRequestHeader requestHeader, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, requestHeader);
        RemotingCommand response = invokeOk(addr, request, timeoutMillis);
        return header(response, QueryConsumerOffsetResponseHeader.class).getOffset();
    }

    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader requestHeader, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.UPDATE_CONSUMER_OFFSET, requestHeader), timeoutMillis);
    }

    public void updateConsumerOffsetOneway(String addr, UpdateConsumerOffsetRequestHeader requestHeader, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remotingClient.invokeOneway(addr, RemotingCommand.createRequestCommand(RequestCode.UPDATE_CONSUMER_OFFSET, requestHeader),
            timeoutMillis);
    }

    public long getMaxOffset(String addr, String topic, int queueId, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        RemotingCommand response = invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, h), timeoutMillis);
        return header(response, GetMaxOffsetResponseHeader.class).getOffset();
    }

    public long getMinOffset(String addr, String topic, int queueId, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMinOffsetRequestHeader h = new GetMinOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        RemotingCommand response = invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.GET_MIN_OFFSET, h), timeoutMillis);
        return header(response, GetMinOffsetResponseHeader.class).getOffset();
    }

    public long searchOffset(String addr, String topic, int queueId, long timestamp, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        SearchOffsetRequestHeader h = new SearchOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setTimestamp(timestamp);
        RemotingCommand response = invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, h),
            timeoutMillis);
        return header(response, SearchOffsetResponseHeader.class).getOffset();
    }

    public MessageExt viewMessage(String addr, long phyoffset, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        ViewMessageRequestHeader h = new ViewMessageRequestHeader();
        h.setOffset(phyoffset);
        RemotingCommand response = invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.VIEW_MESSAGE_BY_ID, h), timeoutMillis);
        return MessageDecoder.clientDecode(ByteBuffer.wrap(response.getBody()), true);
    }

    // ------------------------------------------------------------------ client management

    /** Sends a heartbeat; returns the broker's version as carried by the response. */
    public int sendHeartbeat(String addr, HeartbeatData heartbeatData, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        request.setBody(heartbeatData.encode());
        return invokeOk(addr, request, timeoutMillis).getVersion();
    }

    public void unregisterClient(String addr, String clientID, String producerGroup, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        UnregisterClientRequestHeader h = new UnregisterClientRequestHeader();
        h.setClientID(clientID);
        h.setProducerGroup(producerGroup);
        h.setConsumerGroup(consumerGroup);
        invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_CLIENT, h), timeoutMillis);
    }

    public void checkClientInBroker(String addr, String consumerGroup, String clientId,
                                    io.apogee.common.protocol.heartbeat.SubscriptionData subscriptionData, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CHECK_CLIENT_CONFIG, null);
        CheckClientRequestBody body = new CheckClientRequestBody();
        body.setClientId(clientId);
        body.setGroup(consumerGroup);
        body.setSubscriptionData(subscriptionData);
        request.setBody(body.encode());
        RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQClientException(response.getCode(), response.getRemark());
        }
    }

    public List<String> getConsumerIdListByGroup(String addr, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetConsumerListByGroupRequestHeader h = new GetConsumerListByGroupRequestHeader();
        h.setConsumerGroup(consumerGroup);
        RemotingCommand response = invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.GET_CONSUMER_LIST_BY_GROUP, h),
            timeoutMillis);
        if (response.getBody() == null) {
            return List.of();
        }
        GetConsumerListByGroupResponseBody body = GetConsumerListByGroupResponseBody.decode(response.getBody(),
            GetConsumerListByGroupResponseBody.class);
        return body.getConsumerIdList() == null ? List.of() : body.getConsumerIdList();
    }

    public void consumerSendMessageBack(String addr, MessageExt msg, String consumerGroup, int delayLevel,
                                        long timeoutMillis, int maxConsumeRetryTimes)
        throws RemotingException, MQBrokerException, InterruptedException {
        ConsumerSendMsgBackRequestHeader h = new ConsumerSendMsgBackRequestHeader();
        h.setOffset(msg.getCommitLogOffset());
        h.setGroup(consumerGroup);
        h.setDelayLevel(delayLevel);
        h.setOriginMsgId(msg.getMsgId());
        h.setOriginTopic(msg.getTopic());
        h.setUnitMode(false);
        h.setMaxReconsumeTimes(maxConsumeRetryTimes);
        invokeOk(addr, RemotingCommand.createRequestCommand(RequestCode.CONSUMER_SEND_MSG_BACK, h), timeoutMillis);
    }

    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchRequestBody requestBody, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.LOCK_BATCH_MQ, null);
        request.setBody(requestBody.encode());
        RemotingCommand response = invokeOk(addr, request, timeoutMillis);
        LockBatchResponseBody body = LockBatchResponseBody.decode(response.getBody(), LockBatchResponseBody.class);
        return body == null || body.getLockOKMQSet() == null ? Set.of() : body.getLockOKMQSet();
    }

    public void unlockBatchMQ(String addr, UnlockBatchRequestBody requestBody, long timeoutMillis, boolean oneway)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UNLOCK_BATCH_MQ, null);
        request.setBody(requestBody.encode());
        if (oneway) {
            remotingClient.invokeOneway(addr, request, timeoutMillis);
        } else {
            invokeOk(addr, request, timeoutMillis);
        }
    }

    /** Sends any prepared request oneway (END_TRANSACTION and friends). */
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remotingClient.invokeOneway(addr, request, timeoutMillis);
    }

    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        return remotingClient.invokeSync(addr, request, timeoutMillis);
    }
}
