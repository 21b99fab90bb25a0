package io.apogee.client.producer;

import java.util.Collection;
import java.util.List;

import io.apogee.client.ClientConfig;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.producer.DefaultMQProducerImpl;
import io.apogee.client.trace.AsyncTraceDispatcher;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageBatch;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.topic.TopicValidator;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.exception.RemotingException;

/**
 * The producer applications use, with RocketMQ's API: sync, async and oneway sends, to a queue of the
 * producer's choosing, of the caller's choosing, or through a {@link MessageQueueSelector}, and batches.
 */
public class DefaultMQProducer extends ClientConfig {
    protected final transient DefaultMQProducerImpl defaultMQProducerImpl;
    private String producerGroup;
    private String createTopicKey = TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC;
    private volatile int defaultTopicQueueNums = 4;
    private int sendMsgTimeout = 3000;
    private int compressMsgBodyOverHowmuch = 1024 * 4;
    private int retryTimesWhenSendFailed = 2;
    private int retryTimesWhenSendAsyncFailed = 2;
    private boolean retryAnotherBrokerWhenNotStoreOK = false;
    private int maxMessageSize = 1024 * 1024 * 4;
    private boolean sendLatencyFaultEnable = false;

    public DefaultMQProducer() {
        this(null, "DEFAULT_PRODUCER", null);
    }

    public DefaultMQProducer(String producerGroup) {
        this(null, producerGroup, null);
    }

    public DefaultMQProducer(RPCHook rpcHook) {
        this(null, "DEFAULT_PRODUCER", rpcHook);
    }

    public DefaultMQProducer(String producerGroup, RPCHook rpcHook) {
        this(null, producerGroup, rpcHook);
    }

    /** With {@code enableMsgTrace}, each send is traced to {@code RMQ_SYS_TRACE_TOPIC}. */
    public DefaultMQProducer(String producerGroup, boolean enableMsgTrace) {
        this(null, producerGroup, null, enableMsgTrace, null);
    }

    /** With {@code enableMsgTrace}, each send is traced to {@code customizedTraceTopic} (or the default trace topic). */
    public DefaultMQProducer(String producerGroup, boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, producerGroup, null, enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQProducer(String producerGroup, RPCHook rpcHook, boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, producerGroup, rpcHook, enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQProducer(String namespace, String producerGroup, RPCHook rpcHook) {
        this(namespace, producerGroup, rpcHook, false, null);
    }

    public DefaultMQProducer(String namespace, String producerGroup, RPCHook rpcHook, boolean enableMsgTrace,
                             String customizedTraceTopic) {
        this.namespace = namespace;
        this.producerGroup = producerGroup;
        this.defaultMQProducerImpl = new DefaultMQProducerImpl(this, rpcHook);
        if (enableMsgTrace) {
            defaultMQProducerImpl.setTraceDispatcher(new AsyncTraceDispatcher(producerGroup, AsyncTraceDispatcher.Type.PRODUCE,
                customizedTraceTopic, rpcHook));
        }
    }

    public void start() throws MQClientException {
        defaultMQProducerImpl.start();
        AsyncTraceDispatcher tracer = defaultMQProducerImpl.getTraceDispatcher();
        if (tracer != null) {
            tracer.start(getNamesrvAddr());
        }
    }

    public void shutdown() {
        defaultMQProducerImpl.shutdown();
        AsyncTraceDispatcher tracer = defaultMQProducerImpl.getTraceDispatcher();
        if (tracer != null) {
            tracer.shutdown();
        }
    }

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        return defaultMQProducerImpl.fetchPublishMessageQueues(topic);
    }

    // ---------------------------------------------------------------- default queue choice

    public SendResult send(Message msg) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(msg, sendMsgTimeout);
    }

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(msg, timeout);
    }

    public void send(Message msg, SendCallback sendCallback) throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.send(msg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.send(msg, sendCallback, timeout);
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.sendOneway(msg);
    }

    // ---------------------------------------------------------------- chosen queue

    public SendResult send(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(msg, mq, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(msg, mq, timeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.send(msg, mq, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.send(msg, mq, sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.sendOneway(msg, mq);
    }

    // ---------------------------------------------------------------- selector

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, selector, arg, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(msg, defaultMQProducerImpl.select(msg, selector, arg), timeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, selector, arg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.send(msg, defaultMQProducerImpl.select(msg, selector, arg), sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQProducerImpl.sendOneway(msg, defaultMQProducerImpl.select(msg, selector, arg));
    }

    // ---------------------------------------------------------------- batches

    public SendResult send(Collection<Message> msgs) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), sendMsgTimeout);
    }

    public SendResult send(Collection<Message> msgs, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), timeout);
    }

    public SendResult send(Collection<Message> msgs, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), mq, sendMsgTimeout);
    }

    public SendResult send(Collection<Message> msgs, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), mq, timeout);
    }

    public void send(Collection<Message> msgs, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), sendCallback, sendMsgTimeout);
    }

    public void send(Collection<Message> msgs, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), sendCallback, timeout);
    }

    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), mq, sendCallback, sendMsgTimeout);
    }

    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), mq, sendCallback, timeout);
    }

    private MessageBatch batch(Collection<Message> msgs) throws MQClientException {
        return defaultMQProducerImpl.batch(msgs);
    }

    // ---------------------------------------------------------------- transactions

    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        throw new UnsupportedOperationException("sendMessageInTransaction not implement, please use TransactionMQProducer class");
    }

    // ---------------------------------------------------------------- settings

    public DefaultMQProducerImpl getDefaultMQProducerImpl() {
        return defaultMQProducerImpl;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    /** The message-trace dispatcher, or null when tracing is off. */
    public AsyncTraceDispatcher getTraceDispatcher() {
        return defaultMQProducerImpl.getTraceDispatcher();
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getCreateTopicKey() {
        return createTopicKey;
    }

    public void setCreateTopicKey(String createTopicKey) {
        this.createTopicKey = createTopicKey;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public int getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    public void setSendMsgTimeout(int sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public int getCompressMsgBodyOverHowmuch() {
        return compressMsgBodyOverHowmuch;
    }

    public void setCompressMsgBodyOverHowmuch(int compressMsgBodyOverHowmuch) {
        this.compressMsgBodyOverHowmuch = compressMsgBodyOverHowmuch;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public int getRetryTimesWhenSendAsyncFailed() {
        return retryTimesWhenSendAsyncFailed;
    }

    public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
        this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
    }

    public boolean isRetryAnotherBrokerWhenNotStoreOK() {
        return retryAnotherBrokerWhenNotStoreOK;
    }

    public void setRetryAnotherBrokerWhenNotStoreOK(boolean retryAnotherBrokerWhenNotStoreOK) {
        this.retryAnotherBrokerWhenNotStoreOK = retryAnotherBrokerWhenNotStoreOK;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public boolean isSendLatencyFaultEnable() {
        return sendLatencyFaultEnable;
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        this.sendLatencyFaultEnable = sendLatencyFaultEnable;
    }

    public long[] getNotAvailableDuration() {
        return defaultMQProducerImpl.getLatencyFaultTolerance().getNotAvailableDuration();
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        defaultMQProducerImpl.getLatencyFaultTolerance().setNotAvailableDuration(notAvailableDuration);
    }

    public long[] getLatencyMax() {
        return defaultMQProducerImpl.getLatencyFaultTolerance().getLatencyMax();
    }

    public void setLatencyMax(long[] latencyMax) {
        defaultMQProducerImpl.getLatencyFaultTolerance().setLatencyMax(latencyMax);
    }
}
