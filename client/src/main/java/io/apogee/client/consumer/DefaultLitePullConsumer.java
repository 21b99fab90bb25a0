package io.apogee.client.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.consumer.DefaultLitePullConsumerImpl;
import io.apogee.common.MixAll;
import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.remoting.RPCHook;

/**
 * A pull consumer that pulls in the background and hands batches to {@link #poll()}: either {@link #subscribe}
 * to topics (queues allocated by rebalance within the group) or {@link #assign} queues explicitly; {@link #seek},
 * {@link #pause}/{@link #resume}, and offsets committed automatically every {@code autoCommitIntervalMillis}
 * or by {@link #commitSync()}.
 */
public class DefaultLitePullConsumer extends ClientConfig {
    private final DefaultLitePullConsumerImpl impl;
    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 20_000;
    private long consumerTimeoutMillisWhenSuspend = 30_000;
    private long consumerPullTimeoutMillis = 10_000;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private OffsetStore offsetStore;
    private boolean autoCommit = true;
    private int pullThreadNums = 20;
    private long autoCommitIntervalMillis = 5_000;
    private int pullBatchSize = 10;
    private long pullThresholdForAll = 10_000;
    private int consumeMaxSpan = 2_000;
    private int pullThresholdForQueue = 1_000;
    private int pullThresholdSizeForQueue = 100;
    private long pollTimeoutMillis = 5_000;
    private long topicMetadataCheckIntervalMillis = 30_000;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = java.time.LocalDateTime.now().minusMinutes(30)
        .format(java.time.format.DateTimeFormatter.ofPattern(UtilAll.YYYYMMDDHHMMSS));
    private long pullTimeDelayMillsWhenException = 1_000;

    public DefaultLitePullConsumer() {
        this(MixAll.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultLitePullConsumer(String consumerGroup) {
        this(consumerGroup, null);
    }

    public DefaultLitePullConsumer(RPCHook rpcHook) {
        this(MixAll.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultLitePullConsumer(String consumerGroup, RPCHook rpcHook) {
        this.consumerGroup = consumerGroup;
        this.impl = new DefaultLitePullConsumerImpl(this, rpcHook);
    }

    public void start() throws MQClientException {
        impl.start();
    }

    public void shutdown() {
        impl.shutdown();
    }

    public boolean isRunning() {
        return impl.isRunning();
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        impl.subscribe(topic, subExpression);
    }

    public void subscribe(String topic, MessageSelector messageSelector) throws MQClientException {
        impl.subscribe(topic, messageSelector);
    }

    public void unsubscribe(String topic) {
        impl.unsubscribe(topic);
    }

    public void assign(Collection<MessageQueue> messageQueues) {
        impl.assign(messageQueues);
    }

    public List<MessageExt> poll() throws MQClientException {
        return impl.poll(pollTimeoutMillis);
    }

    public List<MessageExt> poll(long timeout) throws MQClientException {
        return impl.poll(timeout);
    }

    public void seek(MessageQueue messageQueue, long offset) throws MQClientException {
        impl.seek(messageQueue, offset);
    }

    public void seekToBegin(MessageQueue messageQueue) throws MQClientException {
        impl.seekToBegin(messageQueue);
    }

    public void seekToEnd(MessageQueue messageQueue) throws MQClientException {
        impl.seekToEnd(messageQueue);
    }

    public void pause(Collection<MessageQueue> messageQueues) {
        impl.pause(messageQueues);
    }

    public void resume(Collection<MessageQueue> messageQueues) {
        impl.resume(messageQueues);
    }

    public boolean isPaused(MessageQueue messageQueue) {
        return impl.isPaused(messageQueue);
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        return impl.fetchMessageQueues(topic);
    }

    public Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException {
        return impl.offsetForTimestamp(messageQueue, timestamp);
    }

    public void commitSync() {
        impl.commitSync();
    }

    public void commit(Map<MessageQueue, Long> offsetMap, boolean persist) {
        impl.commit(offsetMap, persist);
    }

    public Long committed(MessageQueue messageQueue) throws MQClientException {
        return impl.committed(messageQueue);
    }

    /** The queues this consumer currently pulls. */
    public Set<MessageQueue> assignment() {
        return impl.assignment();
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        impl.registerTopicMessageQueueChangeListener(topic, listener);
    }

    // ---------------------------------------------------------------- settings

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public long getBrokerSuspendMaxTimeMillis() {
        return brokerSuspendMaxTimeMillis;
    }

    public void setBrokerSuspendMaxTimeMillis(long brokerSuspendMaxTimeMillis) {
        this.brokerSuspendMaxTimeMillis = brokerSuspendMaxTimeMillis;
    }

    public long getConsumerTimeoutMillisWhenSuspend() {
        return consumerTimeoutMillisWhenSuspend;
    }

    public void setConsumerTimeoutMillisWhenSuspend(long consumerTimeoutMillisWhenSuspend) {
        this.consumerTimeoutMillisWhenSuspend = consumerTimeoutMillisWhenSuspend;
    }

    public long getConsumerPullTimeoutMillis() {
        return consumerPullTimeoutMillis;
    }

    public void setConsumerPullTimeoutMillis(long consumerPullTimeoutMillis) {
        this.consumerPullTimeoutMillis = consumerPullTimeoutMillis;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    public void setAutoCommitIntervalMillis(long autoCommitIntervalMillis) {
        if (autoCommitIntervalMillis >= 1000) {
            this.autoCommitIntervalMillis = autoCommitIntervalMillis;
        }
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public long getPullThresholdForAll() {
        return pullThresholdForAll;
    }

    public void setPullThresholdForAll(long pullThresholdForAll) {
        this.pullThresholdForAll = pullThresholdForAll;
    }

    public int getConsumeMaxSpan() {
        return consumeMaxSpan;
    }

    public void setConsumeMaxSpan(int consumeMaxSpan) {
        this.consumeMaxSpan = consumeMaxSpan;
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

    public long getPollTimeoutMillis() {
        return pollTimeoutMillis;
    }

    public void setPollTimeoutMillis(long pollTimeoutMillis) {
        this.pollTimeoutMillis = pollTimeoutMillis;
    }

    public long getTopicMetadataCheckIntervalMillis() {
        return topicMetadataCheckIntervalMillis;
    }

    public void setTopicMetadataCheckIntervalMillis(long topicMetadataCheckIntervalMillis) {
        this.topicMetadataCheckIntervalMillis = topicMetadataCheckIntervalMillis;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        if (consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET
            && consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET
            && consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_TIMESTAMP) {
            throw new IllegalArgumentException("Invalid ConsumeFromWhere Value");
        }
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public long getPullTimeDelayMillsWhenException() {
        return pullTimeDelayMillsWhenException;
    }

    public void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        this.pullTimeDelayMillsWhenException = pullTimeDelayMillsWhenException;
    }
}
