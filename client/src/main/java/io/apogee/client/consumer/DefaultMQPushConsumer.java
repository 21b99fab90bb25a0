package io.apogee.client.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.listener.MessageListener;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.consumer.DefaultMQPushConsumerImpl;
import io.apogee.client.trace.AsyncTraceDispatcher;
import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.exception.RemotingException;

/**
 * The consumer applications register a listener with: the client pulls with long polling and calls the
 * listener as messages arrive, concurrently ({@link MessageListenerConcurrently}) or in queue order
 * ({@link MessageListenerOrderly}).
 */
public class DefaultMQPushConsumer extends ClientConfig {
    protected final transient DefaultMQPushConsumerImpl defaultMQPushConsumerImpl;
    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = java.time.LocalDateTime.now().minusMinutes(30)
        .format(java.time.format.DateTimeFormatter.ofPattern(UtilAll.YYYYMMDDHHMMSS));
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private Map<String, String> subscription = new HashMap<>();
    private MessageListener messageListener;
    private OffsetStore offsetStore;
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private long adjustThreadPoolNumsThreshold = 100000;
    private int consumeConcurrentlyMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private int pullThresholdForTopic = -1;
    private int pullThresholdSizeForTopic = -1;
    private long pullInterval = 0;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    private boolean postSubscriptionWhenPull = false;
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    private long consumeTimeout = 15;
    private long awaitTerminationMillisWhenShutdown = 0;

    public DefaultMQPushConsumer() {
        this(null, "DEFAULT_CONSUMER", null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(RPCHook rpcHook) {
        this(null, "DEFAULT_CONSUMER", rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook, new AllocateMessageQueueAveragely());
    }

    /** With {@code enableMsgTrace}, each consume call is traced to {@code RMQ_SYS_TRACE_TOPIC}. */
    public DefaultMQPushConsumer(String consumerGroup, boolean enableMsgTrace) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, null);
    }

    /** With {@code enableMsgTrace}, each consume call is traced to {@code customizedTraceTopic} (or the default). */
    public DefaultMQPushConsumer(String consumerGroup, boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook, AllocateMessageQueueStrategy strategy,
                                 boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, consumerGroup, rpcHook, strategy, enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook, AllocateMessageQueueStrategy strategy,
                                 boolean enableMsgTrace, String customizedTraceTopic) {
        this(namespace, consumerGroup, rpcHook, strategy);
        if (enableMsgTrace) {
            defaultMQPushConsumerImpl.setTraceDispatcher(new AsyncTraceDispatcher(consumerGroup, AsyncTraceDispatcher.Type.CONSUME,
                customizedTraceTopic, rpcHook));
        }
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook, AllocateMessageQueueStrategy strategy) {
        this(null, consumerGroup, rpcHook, strategy);
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook, AllocateMessageQueueStrategy strategy) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.allocateMessageQueueStrategy = strategy;
        this.defaultMQPushConsumerImpl = new DefaultMQPushConsumerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        defaultMQPushConsumerImpl.start();
        AsyncTraceDispatcher tracer = defaultMQPushConsumerImpl.getTraceDispatcher();
        if (tracer != null) {
            tracer.start(getNamesrvAddr());
        }
    }

    public void shutdown() {
        defaultMQPushConsumerImpl.shutdown(awaitTerminationMillisWhenShutdown);
        AsyncTraceDispatcher tracer = defaultMQPushConsumerImpl.getTraceDispatcher();
        if (tracer != null) {
            tracer.shutdown();
        }
    }

    /** The message-trace dispatcher, or null when tracing is off. */
    public AsyncTraceDispatcher getTraceDispatcher() {
        return defaultMQPushConsumerImpl.getTraceDispatcher();
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        subscription.put(topic, subExpression);
        defaultMQPushConsumerImpl.subscribe(topic, subExpression);
    }

    public void subscribe(String topic, MessageSelector messageSelector) throws MQClientException {
        subscription.remove(topic); // the selector replaces an earlier tag expression (start() copies this map)
        defaultMQPushConsumerImpl.subscribe(topic, messageSelector);
    }

    public void unsubscribe(String topic) {
        subscription.remove(topic);
        defaultMQPushConsumerImpl.unsubscribe(topic);
    }

    public void registerMessageListener(MessageListenerConcurrently messageListener) {
        this.messageListener = messageListener;
    }

    public void registerMessageListener(MessageListenerOrderly messageListener) {
        this.messageListener = messageListener;
    }

    public void suspend() {
        defaultMQPushConsumerImpl.suspend();
    }

    public void resume() {
        defaultMQPushConsumerImpl.resume();
    }

    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        sendMessageBack(msg, delayLevel, msg.getBrokerName());
    }

    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        if (!defaultMQPushConsumerImpl.sendMessageBack(msg, delayLevel, brokerName)) {
            throw new MQClientException("sendMessageBack failed for " + msg.getMsgId(), null);
        }
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return new MQAdminImpl(defaultMQPushConsumerImpl.getmQClientFactory()).fetchSubscribeMessageQueues(topic);
    }

    public DefaultMQPushConsumerImpl getDefaultMQPushConsumerImpl() {
        return defaultMQPushConsumerImpl;
    }

    // ---------------------------------------------------------------- settings

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public Map<String, String> getSubscription() {
        return subscription;
    }

    public void setSubscription(Map<String, String> subscription) {
        this.subscription = subscription;
    }

    public MessageListener getMessageListener() {
        return messageListener;
    }

    public void setMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public long getAdjustThreadPoolNumsThreshold() {
        return adjustThreadPoolNumsThreshold;
    }

    public void setAdjustThreadPoolNumsThreshold(long adjustThreadPoolNumsThreshold) {
        this.adjustThreadPoolNumsThreshold = adjustThreadPoolNumsThreshold;
    }

    public int getConsumeConcurrentlyMaxSpan() {
        return consumeConcurrentlyMaxSpan;
    }

    public void setConsumeConcurrentlyMaxSpan(int consumeConcurrentlyMaxSpan) {
        this.consumeConcurrentlyMaxSpan = consumeConcurrentlyMaxSpan;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public int getPullThresholdForTopic() {
        return pullThresholdForTopic;
    }

    public void setPullThresholdForTopic(int pullThresholdForTopic) {
        this.pullThresholdForTopic = pullThresholdForTopic;
    }

    public int getPullThresholdSizeForTopic() {
        return pullThresholdSizeForTopic;
    }

    public void setPullThresholdSizeForTopic(int pullThresholdSizeForTopic) {
        this.pullThresholdSizeForTopic = pullThresholdSizeForTopic;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public boolean isPostSubscriptionWhenPull() {
        return postSubscriptionWhenPull;
    }

    public void setPostSubscriptionWhenPull(boolean postSubscriptionWhenPull) {
        this.postSubscriptionWhenPull = postSubscriptionWhenPull;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(long suspendCurrentQueueTimeMillis) {
        this.suspendCurrentQueueTimeMillis = suspendCurrentQueueTimeMillis;
    }

    public long getConsumeTimeout() {
        return consumeTimeout;
    }

    public void setConsumeTimeout(long consumeTimeout) {
        this.consumeTimeout = consumeTimeout;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    public void setAwaitTerminationMillisWhenShutdown(long awaitTerminationMillisWhenShutdown) {
        this.awaitTerminationMillisWhenShutdown = awaitTerminationMillisWhenShutdown;
    }
}
