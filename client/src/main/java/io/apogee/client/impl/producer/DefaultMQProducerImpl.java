package io.apogee.client.impl.producer;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import io.apogee.client.common.ClientErrorCode;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.CommunicationMode;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.client.trace.AsyncTraceDispatcher;
import io.apogee.client.trace.MessageTracer;
import io.apogee.common.MixAll;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageBatch;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageId;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.header.EndTransactionRequestHeader;
import io.apogee.common.protocol.header.SendMessageRequestHeader;
import io.apogee.common.topic.TopicValidator;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sending machinery behind {@link DefaultMQProducer}: routes, queue choice, retries, compression. */
public class DefaultMQProducerImpl implements MQProducerInner {
    private static final Logger log = LoggerFactory.getLogger(DefaultMQProducerImpl.class);
    private static final int COMPRESS_LEVEL = Integer.getInteger(MixAll.MESSAGE_COMPRESS_LEVEL, 5);
    private static final Set<Integer> RETRY_RESPONSE_CODES = Set.of(ResponseCode.TOPIC_NOT_EXIST,
        ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION,
        ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT);

    private enum State { CREATE_JUST, RUNNING, SHUTDOWN_ALREADY }

    private final DefaultMQProducer defaultMQProducer;
    private final RPCHook rpcHook;
    private final ConcurrentMap<String, TopicPublishInfo> topicPublishInfoTable = new ConcurrentHashMap<>();
    private final LatencyFaultTolerance latencyFaultTolerance = new LatencyFaultTolerance();
    private volatile State serviceState = State.CREATE_JUST;
    private volatile MQClientInstance mQClientFactory;
    private ExecutorService checkExecutor;
    private volatile AsyncTraceDispatcher traceDispatcher;

    public DefaultMQProducerImpl(DefaultMQProducer defaultMQProducer, RPCHook rpcHook) {
        this.defaultMQProducer = defaultMQProducer;
        this.rpcHook = rpcHook;
    }

    public void start() throws MQClientException {
        start(true);
    }

    public void start(boolean startFactory) throws MQClientException {
        switch (serviceState) {
            case CREATE_JUST:
                serviceState = State.SHUTDOWN_ALREADY;
                String group = defaultMQProducer.getProducerGroup();
                if (group == null || group.isBlank()) {
                    throw new MQClientException("producerGroup is null", null);
                }
                if (group.equals(MixAll.DEFAULT_PRODUCER_GROUP)) {
                    throw new MQClientException("producerGroup can not equal " + MixAll.DEFAULT_PRODUCER_GROUP
                        + ", please specify another one.", null);
                }
                if (!group.equals(MixAll.CLIENT_INNER_PRODUCER_GROUP)) {
                    defaultMQProducer.changeInstanceNameToPID();
                }
                mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQProducer, rpcHook);
                if (!mQClientFactory.registerProducer(group, this)) {
                    throw new MQClientException("The producer group[" + group
                        + "] has been created before, specify another name please.", null);
                }
                topicPublishInfoTable.put(defaultMQProducer.getCreateTopicKey(), new TopicPublishInfo());
                if (defaultMQProducer instanceof TransactionMQProducer tp) {
                    checkExecutor = tp.getExecutorService() != null ? tp.getExecutorService()
                        : new ThreadPoolExecutor(tp.getCheckThreadPoolMinSize(), tp.getCheckThreadPoolMaxSize(), 60,
                        TimeUnit.SECONDS, new LinkedBlockingQueue<>(tp.getCheckRequestHoldMax()),
                        new ThreadFactoryImpl("TransactionCheckThread_", true));
                }
                if (startFactory) {
                    mQClientFactory.start();
                }
                log.info("the producer [{}] start OK. sendMessageWithVIPChannel={}", group, defaultMQProducer.isVipChannelEnabled());
                serviceState = State.RUNNING;
                break;
            case RUNNING:
                throw new MQClientException("The producer service state is RUNNING, maybe started once", null);
            default:
                throw new MQClientException("The producer service state not OK, " + serviceState, null);
        }
        if (startFactory) {
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
        }
    }

    public void shutdown() {
        shutdown(true);
    }

    public void shutdown(boolean shutdownFactory) {
        if (serviceState != State.RUNNING) {
            return;
        }
        mQClientFactory.unregisterProducer(defaultMQProducer.getProducerGroup());
        if (checkExecutor != null && !(defaultMQProducer instanceof TransactionMQProducer tp && tp.getExecutorService() != null)) {
            checkExecutor.shutdown();
        }
        if (shutdownFactory) {
            mQClientFactory.shutdown();
        }
        log.info("the producer [{}] shutdown OK", defaultMQProducer.getProducerGroup());
        serviceState = State.SHUTDOWN_ALREADY;
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != State.RUNNING) {
            throw new MQClientException("The producer service state not OK, " + serviceState, null);
        }
    }

    // ---------------------------------------------------------------- MQProducerInner

    @Override
    public Set<String> getPublishTopicList() {
        return Set.copyOf(topicPublishInfoTable.keySet());
    }

    @Override
    public boolean isPublishTopicNeedUpdate(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        return info == null || !info.ok();
    }

    @Override
    public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
        if (topic != null && info != null) {
            topicPublishInfoTable.put(topic, info);
        }
    }

    @Override
    public boolean isUnitMode() {
        return defaultMQProducer.isUnitMode();
    }

    @Override
    public void checkTransactionState(String brokerAddr, MessageExt msg, long tranStateTableOffset, long commitLogOffset,
                                      String msgId, String transactionId, String offsetMsgId) {
        if (!(defaultMQProducer instanceof TransactionMQProducer tp) || tp.getTransactionListener() == null) {
            log.warn("CHECK_TRANSACTION_STATE for group {} but no TransactionListener", defaultMQProducer.getProducerGroup());
            return;
        }
        Runnable check = () -> {
            LocalTransactionState state;
            Throwable exception = null;
            try {
                state = tp.getTransactionListener().checkLocalTransaction(msg);
            } catch (Throwable t) {
                log.error("TransactionListener.checkLocalTransaction threw, group={} msgId={}", tp.getProducerGroup(), msgId, t);
                state = LocalTransactionState.UNKNOW;
                exception = t;
            }
            String uniq = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
            try {
                sendEndTransaction(msg, brokerAddr, tranStateTableOffset, commitLogOffset, uniq == null ? msgId : uniq,
                    transactionId, state, true, exception == null ? null : "checkLocalTransactionState exception: " + exception);
            } catch (Exception e) {
                log.error("endTransactionOneway exception", e);
            }
        };
        checkExecutor.submit(check);
    }

    // ---------------------------------------------------------------- routes and queues

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        TopicPublishInfo info = tryToFindTopicPublishInfo(topic);
        if (info == null || !info.ok()) {
            throw new MQClientException("No route info of this topic, " + topic, null);
        }
        return info.getMessageQueueList();
    }

    private TopicPublishInfo tryToFindTopicPublishInfo(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        if (info == null || !info.ok()) {
            topicPublishInfoTable.putIfAbsent(topic, new TopicPublishInfo());
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
            info = topicPublishInfoTable.get(topic);
        }
        if (info.isHaveTopicRouterInfo() || info.ok()) {
            return info;
        }
        mQClientFactory.updateTopicRouteInfoFromNameServer(topic, true, defaultMQProducer);
        return topicPublishInfoTable.get(topic);
    }

    private MessageQueue selectOneMessageQueue(TopicPublishInfo info, String lastBrokerName) {
        if (defaultMQProducer.isSendLatencyFaultEnable()) {
            List<MessageQueue> mqs = info.getMessageQueueList();
            for (int i = 0; i < mqs.size(); i++) {
                MessageQueue mq = mqs.get(info.nextIndex() % mqs.size());
                if (latencyFaultTolerance.isAvailable(mq.getBrokerName())) {
                    return mq;
                }
            }
            String notBest = latencyFaultTolerance.pickOneAtLeast();
            if (notBest != null && info.getQueueIdByBroker(notBest) > 0) {
                for (MessageQueue mq : mqs) {
                    if (mq.getBrokerName().equals(notBest)) {
                        return mqs.get(info.nextIndex() % mqs.size()).getBrokerName().equals(notBest) ? mqs.get(0) : mq;
                    }
                }
            }
            return info.selectOneMessageQueue();
        }
        return info.selectOneMessageQueue(lastBrokerName);
    }

    private void updateFaultItem(String brokerName, long latency, boolean isolation) {
        if (defaultMQProducer.isSendLatencyFaultEnable()) {
            latencyFaultTolerance.updateFaultItem(brokerName, latency, isolation);
        }
    }

    public LatencyFaultTolerance getLatencyFaultTolerance() {
        return latencyFaultTolerance;
    }

    // ---------------------------------------------------------------- send paths

    private void checkMessage(Message msg) throws MQClientException {
        if (msg == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message is null");
        }
        String topic = msg.getTopic();
        if (topic == null || topic.isBlank()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "The specified topic is blank");
        }
        if (topic.length() > 127 || !topic.matches("^[%|a-zA-Z0-9_-]+$")) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                "The specified topic[" + topic + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "Sending message to topic[" + topic + "] is forbidden.");
        }
        if (msg.getBody() == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is null");
        }
        if (msg.getBody().length == 0) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body length is zero");
        }
        if (msg.getBody().length > defaultMQProducer.getMaxMessageSize()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                "the message body size over max value, MAX: " + defaultMQProducer.getMaxMessageSize());
        }
    }

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return sendDefaultImpl(msg, CommunicationMode.SYNC, null, timeout);
    }

    public void send(Message msg, SendCallback callback, long timeout) throws MQClientException, RemotingException, InterruptedException {
        try {
            sendDefaultImpl(msg, CommunicationMode.ASYNC, callback, timeout);
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        try {
            sendDefaultImpl(msg, CommunicationMode.ONEWAY, null, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    /**
     * Picks a queue and sends, retrying on another broker when a sync send fails
     * ({@code retryTimesWhenSendFailed}) or an async send fails ({@code retryTimesWhenSendAsyncFailed}).
     */
    private SendResult sendDefaultImpl(Message msg, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        checkMessage(msg);
        long begin = System.currentTimeMillis();
        TopicPublishInfo info = tryToFindTopicPublishInfo(msg.getTopic());
        if (info == null || !info.ok()) {
            List<String> ns = mQClientFactory.getMQClientAPIImpl().getNameServerAddressList();
            if (ns == null || ns.isEmpty()) {
                throw new MQClientException(ClientErrorCode.NO_NAME_SERVER_EXCEPTION,
                    "No name server address, please set it. See http://rocketmq.apache.org/docs/faq/");
            }
            throw new MQClientException(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION, "No route info of this topic: " + msg.getTopic()
                + ", name servers " + ns + ". See http://rocketmq.apache.org/docs/faq/");
        }
        if (mode == CommunicationMode.ASYNC) {
            new AsyncSend(msg, callback, timeout, begin, info).attempt(null, 1 + defaultMQProducer.getRetryTimesWhenSendAsyncFailed());
            return null;
        }
        int timesTotal = mode == CommunicationMode.SYNC ? 1 + defaultMQProducer.getRetryTimesWhenSendFailed() : 1;
        String lastBrokerName = null;
        Exception exception = null;
        SendResult sendResult = null;
        int times = 0;
        for (; times < timesTotal; times++) {
            MessageQueue mq = selectOneMessageQueue(info, lastBrokerName);
            lastBrokerName = mq.getBrokerName();
            long beginOne = System.currentTimeMillis();
            long costTime = beginOne - begin;
            if (timeout < costTime) {
                break;
            }
            try {
                sendResult = sendKernelImpl(msg, mq, mode, null, timeout - costTime);
                updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - beginOne, false);
                if (mode == CommunicationMode.ONEWAY) {
                    return null;
                }
                if (sendResult.getSendStatus() != SendStatus.SEND_OK && defaultMQProducer.isRetryAnotherBrokerWhenNotStoreOK()) {
                    continue;
                }
                return sendResult;
            } catch (RemotingException | MQClientException e) {
                updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - beginOne, true);
                log.warn("sendKernelImpl to {} failed, retry={}: {}", mq, times, e.toString());
                exception = e;
            } catch (MQBrokerException e) {
                updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - beginOne, true);
                exception = e;
                if (!RETRY_RESPONSE_CODES.contains(e.getResponseCode())) {
                    if (sendResult != null) {
                        return sendResult;
                    }
                    throw e;
                }
            }
        }
        if (sendResult != null) {
            return sendResult;
        }
        long cost = System.currentTimeMillis() - begin;
        if (exception == null && cost >= timeout) {
            throw new RemotingTooMuchRequestException("sendDefaultImpl call timeout");
        }
        MQClientException mqe = new MQClientException("Send [" + times + "] times, still failed, cost [" + cost
            + "]ms, Topic: " + msg.getTopic() + ", BrokersSent: " + lastBrokerName, exception);
        if (exception instanceof MQBrokerException be) {
            mqe.setResponseCode(be.getResponseCode());
        } else if (exception instanceof RemotingException) {
            mqe.setResponseCode(ClientErrorCode.CONNECT_BROKER_EXCEPTION);
        }
        throw mqe;
    }

    /** One async send and its retries; each failure tries another queue until the budget runs out. */
    private final class AsyncSend {
        private final Message msg;
        private final SendCallback callback;
        private final long timeout;
        private final long begin;
        private final TopicPublishInfo info;

        AsyncSend(Message msg, SendCallback callback, long timeout, long begin, TopicPublishInfo info) {
            this.msg = msg;
            this.callback = callback;
            this.timeout = timeout;
            this.begin = begin;
            this.info = info;
        }

        void attempt(String lastBrokerName, int remaining) {
            MessageQueue mq = selectOneMessageQueue(info, lastBrokerName);
            long beginOne = System.currentTimeMillis();
            long left = timeout - (beginOne - begin);
            if (left <= 0) {
                callback.onException(new RemotingTooMuchRequestException("DEFAULT ASYNC send call timeout"));
                return;
            }
            SendCallback inner = new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - beginOne, false);
                    callback.onSuccess(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - beginOne, true);
                    boolean retryable = !(e instanceof MQBrokerException be) || RETRY_RESPONSE_CODES.contains(be.getResponseCode());
                    if (retryable && remaining > 1 && serviceState == State.RUNNING) {
                        log.info("async send to {} failed ({}), retrying on another queue", mq, e.toString());
                        attempt(mq.getBrokerName(), remaining - 1);
                    } else {
                        callback.onException(e);
                    }
                }
            };
            try {
                sendKernelImpl(msg, mq, CommunicationMode.ASYNC, inner, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                callback.onException(e);
            } catch (Exception e) {
                inner.onException(e);
            }
        }
    }

    private SendResult sendKernelImpl(Message msg, MessageQueue mq, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        String brokerAddr = mQClientFactory.findBrokerAddressInPublish(mq.getBrokerName());
        if (brokerAddr == null) {
            tryToFindTopicPublishInfo(mq.getTopic());
            brokerAddr = mQClientFactory.findBrokerAddressInPublish(mq.getBrokerName());
        }
        if (brokerAddr == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        boolean batch = msg instanceof MessageBatch;
        byte[] body = msg.getBody();
        int sysFlag = 0;
        if (!batch) {
            MessageClientIDSetter.setUniqID(msg);
            if (body.length >= defaultMQProducer.getCompressMsgBodyOverHowmuch()) {
                body = compress(body, COMPRESS_LEVEL);
                sysFlag |= MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
            }
        }
        if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup(defaultMQProducer.getProducerGroup());
        h.setTopic(msg.getTopic());
        h.setDefaultTopic(defaultMQProducer.getCreateTopicKey());
        h.setDefaultTopicQueueNums(defaultMQProducer.getDefaultTopicQueueNums());
        h.setQueueId(mq.getQueueId());
        h.setSysFlag(sysFlag);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(msg.getFlag());
        h.setReconsumeTimes(0);
        h.setUnitMode(defaultMQProducer.isUnitMode());
        h.setBatch(batch);
        if (msg.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            String reconsumeTimes = MessageAccessor.getReconsumeTime(msg);
            if (reconsumeTimes != null) {
                h.setReconsumeTimes(Integer.valueOf(reconsumeTimes));
                MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_RECONSUME_TIME);
            }
            String maxReconsumeTimes = MessageAccessor.getMaxReconsumeTimes(msg);
            if (maxReconsumeTimes != null) {
                h.setMaxReconsumeTimes(Integer.valueOf(maxReconsumeTimes));
                MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
            }
        }
        h.setProperties(MessageDecoder.messageProperties2String(msg.getProperties()));
        AsyncTraceDispatcher tracer = traceDispatcher;
        if (tracer == null || batch || mode == CommunicationMode.ONEWAY) {
            return mQClientFactory.getMQClientAPIImpl().sendMessage(brokerAddr, mq.getBrokerName(), msg, body, h, timeout, mode, callback);
        }
        String group = defaultMQProducer.getProducerGroup();
        String addr = brokerAddr;
        int bodyLength = body.length;
        long begin = System.currentTimeMillis();
        if (mode == CommunicationMode.ASYNC) {
            SendCallback traced = new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    MessageTracer.pub(tracer, group, msg, sendResult, addr, bodyLength, begin);
                    callback.onSuccess(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    callback.onException(e);
                }
            };
            return mQClientFactory.getMQClientAPIImpl().sendMessage(brokerAddr, mq.getBrokerName(), msg, body, h, timeout, mode, traced);
        }
        SendResult result = mQClientFactory.getMQClientAPIImpl().sendMessage(brokerAddr, mq.getBrokerName(), msg, body, h, timeout,
            mode, callback);
        MessageTracer.pub(tracer, group, msg, result, addr, bodyLength, begin);
        return result;
    }

    static byte[] compress(byte[] src, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(src);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    // ---------------------------------------------------------------- to a chosen queue / via a selector

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        checkMessage(msg);
        checkQueue(msg, mq);
        return sendKernelImpl(msg, mq, CommunicationMode.SYNC, null, timeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        makeSureStateOK();
        checkMessage(msg);
        checkQueue(msg, mq);
        try {
            sendKernelImpl(msg, mq, CommunicationMode.ASYNC, callback, timeout);
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    public void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException {
        makeSureStateOK();
        checkMessage(msg);
        checkQueue(msg, mq);
        try {
            sendKernelImpl(msg, mq, CommunicationMode.ONEWAY, null, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    private static void checkQueue(Message msg, MessageQueue mq) throws MQClientException {
        if (!msg.getTopic().equals(mq.getTopic())) {
            throw new MQClientException("message's topic not equal mq's topic", null);
        }
    }

    public MessageQueue select(Message msg, MessageQueueSelector selector, Object arg) throws MQClientException {
        makeSureStateOK();
        checkMessage(msg);
        TopicPublishInfo info = tryToFindTopicPublishInfo(msg.getTopic());
        if (info == null || !info.ok()) {
            throw new MQClientException("No route info for this topic, " + msg.getTopic(), null);
        }
        MessageQueue mq;
        try {
            mq = selector.select(info.getMessageQueueList(), msg, arg);
        } catch (Throwable t) {
            throw new MQClientException("select message queue threw exception.", t);
        }
        if (mq == null) {
            throw new MQClientException("select message queue return null.", null);
        }
        return mq;
    }

    // ---------------------------------------------------------------- batches

    public MessageBatch batch(Collection<Message> msgs) throws MQClientException {
        MessageBatch batch;
        try {
            batch = MessageBatch.generateFromList(msgs);
            for (Message m : batch) {
                checkMessage(m);
                MessageClientIDSetter.setUniqID(m);
            }
            batch.setBody(batch.encode());
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("Failed to initiate the MessageBatch", e);
        }
        return batch;
    }

    // ---------------------------------------------------------------- transactions

    public TransactionSendResult sendMessageInTransaction(Message msg, TransactionListener listener, Object arg)
        throws MQClientException {
        if (listener == null) {
            throw new MQClientException("tranExecutor is null", null);
        }
        if (msg.getDelayTimeLevel() != 0) {
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
        checkMessage(msg);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_PRODUCER_GROUP, defaultMQProducer.getProducerGroup());
        SendResult sendResult;
        try {
            sendResult = send(msg, defaultMQProducer.getSendMsgTimeout());
        } catch (Exception e) {
            throw new MQClientException("send message Exception", e);
        }
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable localException = null;
        if (sendResult.getSendStatus() == SendStatus.SEND_OK) {
            if (sendResult.getTransactionId() != null) {
                msg.putUserProperty("__transactionId__", sendResult.getTransactionId());
            }
            String transactionId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
            if (transactionId != null && !transactionId.isEmpty()) {
                msg.setTransactionId(transactionId);
            }
            try {
                state = listener.executeLocalTransaction(msg, arg);
                if (state == null) {
                    state = LocalTransactionState.UNKNOW;
                }
            } catch (Throwable t) {
                log.info("executeLocalTransaction exception", t);
                localException = t;
            }
        } else {
            state = LocalTransactionState.ROLLBACK_MESSAGE;
        }
        try {
            MessageId id = sendResult.getOffsetMsgId() != null ? MessageDecoder.decodeMessageId(sendResult.getOffsetMsgId())
                : MessageDecoder.decodeMessageId(sendResult.getMsgId());
            String brokerAddr = mQClientFactory.findBrokerAddressInPublish(sendResult.getMessageQueue().getBrokerName());
            sendEndTransaction(msg, brokerAddr, sendResult.getQueueOffset(), id.getOffset(), sendResult.getMsgId(),
                sendResult.getTransactionId(), state, false,
                localException != null ? "executeLocalTransactionBranch exception: " + localException : null);
        } catch (Exception e) {
            log.warn("local transaction {} execute {}, but end broker transaction failed", state, msg.getTransactionId(), e);
        }
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(sendResult.getSendStatus());
        result.setMessageQueue(sendResult.getMessageQueue());
        result.setMsgId(sendResult.getMsgId());
        result.setOffsetMsgId(sendResult.getOffsetMsgId());
        result.setQueueOffset(sendResult.getQueueOffset());
        result.setTransactionId(sendResult.getTransactionId());
        result.setLocalTransactionState(state);
        return result;
    }

    private void sendEndTransaction(Message msg, String brokerAddr, long tranStateTableOffset, long commitLogOffset,
                                    String msgId, String transactionId, LocalTransactionState state, boolean fromCheck,
                                    String remark) throws RemotingException, InterruptedException {
        int commitOrRollback = switch (state) {
            case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            default -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup(defaultMQProducer.getProducerGroup());
        header.setTranStateTableOffset(tranStateTableOffset);
        header.setCommitLogOffset(commitLogOffset);
        header.setCommitOrRollback(commitOrRollback);
        header.setFromTransactionCheck(fromCheck);
        header.setMsgId(msgId);
        header.setTransactionId(transactionId);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, header);
        request.setRemark(remark);
        // traced before the oneway send, as the 4.9.7 client does: a lost END_TRANSACTION still leaves its record
        MessageTracer.endTransaction(traceDispatcher, defaultMQProducer.getProducerGroup(), msg, msgId, brokerAddr, state,
            fromCheck);
        mQClientFactory.getMQClientAPIImpl().invokeOneway(brokerAddr, request, defaultMQProducer.getSendMsgTimeout());
    }

    /** The message-trace dispatcher, or null when tracing is off. */
    public AsyncTraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    public void setTraceDispatcher(AsyncTraceDispatcher traceDispatcher) {
        this.traceDispatcher = traceDispatcher;
    }

    public MQClientInstance getmQClientFactory() {
        return mQClientFactory;
    }
}
