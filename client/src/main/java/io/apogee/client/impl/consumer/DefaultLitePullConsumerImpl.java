package io.apogee.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.TopicMessageQueueChangeListener;
import io.apogee.client.consumer.store.LocalFileOffsetStore;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.consumer.store.RemoteBrokerOffsetStore;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.CommunicationMode;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.MixAll;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.filter.FilterAPI;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.RPCHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lite pull consumer's engine. Each owned queue (assigned by the application, or allocated by rebalance in
 * subscribe mode) has a pull task on the pull pool that long-polls the broker and parks batches in a cache;
 * {@code poll()} hands cached batches to the application and records how far each queue was consumed, which
 * {@code commitSync()} or auto-commit writes to the offset store.
 */
public class DefaultLitePullConsumerImpl implements MQConsumerInner {
    private static final Logger log = LoggerFactory.getLogger(DefaultLitePullConsumerImpl.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_PAUSE = 1000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;

    private enum State { CREATE_JUST, RUNNING, SHUTDOWN_ALREADY }

    private enum SubscriptionType { NONE, SUBSCRIBE, ASSIGN }

    /** A pulled batch waiting for {@code poll()}, stamped with the queue generation it was pulled in. */
    private record ConsumeRequest(List<MessageExt> msgs, LitePullQueueState state, long generation) {
    }

    private final DefaultLitePullConsumer consumer;
    private final RPCHook rpcHook;
    private final RebalanceLitePullImpl rebalanceImpl = new RebalanceLitePullImpl(this);
    private final ConcurrentMap<MessageQueue, LitePullQueueState> assigned = new ConcurrentHashMap<>();
    private final BlockingQueue<ConsumeRequest> consumeRequestCache = new LinkedBlockingQueue<>();
    private final ConcurrentMap<String, TopicMessageQueueChangeListener> topicListeners = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<MessageQueue>> topicQueuesSeen = new ConcurrentHashMap<>();
    private volatile State serviceState = State.CREATE_JUST;
    private volatile SubscriptionType subscriptionType = SubscriptionType.NONE;
    private MQClientInstance mQClientFactory;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;
    private MQAdminImpl mqAdmin;
    private ScheduledThreadPoolExecutor pullExecutor;
    private ScheduledThreadPoolExecutor metadataExecutor;
    private volatile long nextAutoCommitDeadline;

    public DefaultLitePullConsumerImpl(DefaultLitePullConsumer consumer, RPCHook rpcHook) {
        this.consumer = consumer;
        this.rpcHook = rpcHook;
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized void start() throws MQClientException {
        if (serviceState != State.CREATE_JUST) {
            throw new MQClientException("The PullConsumer service state not OK, maybe started once, " + serviceState, null);
        }
        checkConfig();
        serviceState = State.SHUTDOWN_ALREADY;
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            consumer.changeInstanceNameToPID();
        }
        mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(consumer, rpcHook);
        rebalanceImpl.init();
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, consumer.getConsumerGroup());
        mqAdmin = new MQAdminImpl(mQClientFactory);
        if (consumer.getOffsetStore() != null) {
            offsetStore = consumer.getOffsetStore();
        } else if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
            offsetStore = new LocalFileOffsetStore(mQClientFactory, consumer.getConsumerGroup());
        } else {
            offsetStore = new RemoteBrokerOffsetStore(mQClientFactory, consumer.getConsumerGroup());
        }
        consumer.setOffsetStore(offsetStore);
        offsetStore.load();
        pullExecutor = new ScheduledThreadPoolExecutor(consumer.getPullThreadNums(),
            new ThreadFactoryImpl("PullMsgThread-" + consumer.getConsumerGroup()));
        metadataExecutor = new ScheduledThreadPoolExecutor(1, new ThreadFactoryImpl("MonitorMessageQueueChangeThread"));
        if (!mQClientFactory.registerConsumer(consumer.getConsumerGroup(), this)) {
            throw new MQClientException("The consumer group[" + consumer.getConsumerGroup()
                + "] has been created before, specify another name please.", null);
        }
        mQClientFactory.start();
        nextAutoCommitDeadline = System.currentTimeMillis() + consumer.getAutoCommitIntervalMillis();
        serviceState = State.RUNNING;
        metadataExecutor.scheduleAtFixedRate(this::checkTopicMetadata, consumer.getTopicMetadataCheckIntervalMillis(),
            consumer.getTopicMetadataCheckIntervalMillis(), TimeUnit.MILLISECONDS);
        for (String topic : rebalanceImpl.getSubscriptionInner().keySet()) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
        }
        for (LitePullQueueState state : assigned.values()) {
            schedulePull(state, 0);
        }
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
            mQClientFactory.rebalanceImmediately();
        }
        log.info("the lite pull consumer [{}] start OK", consumer.getConsumerGroup());
    }

    private void checkConfig() throws MQClientException {
        String group = consumer.getConsumerGroup();
        if (group == null || group.isBlank()) {
            throw new MQClientException("consumerGroup is null", null);
        }
        if (group.equals(MixAll.DEFAULT_CONSUMER_GROUP)) {
            throw new MQClientException("consumerGroup can not equal " + MixAll.DEFAULT_CONSUMER_GROUP
                + ", please specify another one.", null);
        }
        if (consumer.getMessageModel() == null) {
            throw new MQClientException("messageModel is null", null);
        }
        if (consumer.getAllocateMessageQueueStrategy() == null) {
            throw new MQClientException("allocateMessageQueueStrategy is null", null);
        }
        if (consumer.getPullBatchSize() < 1 || consumer.getPullBatchSize() > 1024) {
            throw new MQClientException("pullBatchSize Out of range [1, 1024]", null);
        }
        if (consumer.getPullThreadNums() < 1) {
            throw new MQClientException("pullThreadNums must be positive", null);
        }
    }

    public synchronized void shutdown() {
        if (serviceState != State.RUNNING) {
            return;
        }
        if (consumer.isAutoCommit()) {
            commitAll(false);
        }
        persistConsumerOffset();
        serviceState = State.SHUTDOWN_ALREADY;
        pullExecutor.shutdownNow();
        metadataExecutor.shutdownNow();
        for (LitePullQueueState state : assigned.values()) {
            state.processQueue.setDropped(true);
        }
        mQClientFactory.unregisterConsumer(consumer.getConsumerGroup());
        mQClientFactory.shutdown();
        rebalanceImpl.destroy();
        log.info("the lite pull consumer [{}] shutdown OK", consumer.getConsumerGroup());
    }

    public boolean isRunning() {
        return serviceState == State.RUNNING;
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != State.RUNNING) {
            throw new MQClientException("The consumer service state not OK, " + serviceState, null);
        }
    }

    // ---------------------------------------------------------------- subscribe / assign

    public synchronized void subscribe(String topic, String subExpression) throws MQClientException {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Topic can not be null or empty.");
        }
        setSubscriptionType(SubscriptionType.SUBSCRIBE);
        rebalanceImpl.getSubscriptionInner().put(topic, FilterAPI.buildSubscriptionData(topic, subExpression));
        subscriptionChanged(topic);
    }

    public synchronized void subscribe(String topic, MessageSelector selector) throws MQClientException {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Topic can not be null or empty.");
        }
        setSubscriptionType(SubscriptionType.SUBSCRIBE);
        SubscriptionData sd = selector == null ? FilterAPI.buildSubscriptionData(topic, "*")
            : FilterAPI.build(topic, selector.getExpression(), selector.getExpressionType());
        rebalanceImpl.getSubscriptionInner().put(topic, sd);
        subscriptionChanged(topic);
    }

    private void subscriptionChanged(String topic) {
        if (serviceState == State.RUNNING) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
            mQClientFactory.rebalanceImmediately();
        }
    }

    public synchronized void unsubscribe(String topic) {
        rebalanceImpl.getSubscriptionInner().remove(topic);
        for (MessageQueue mq : new ArrayList<>(rebalanceImpl.getProcessQueueTable().keySet())) {
            if (mq.getTopic().equals(topic)) {
                rebalanceImpl.removeProcessQueue(mq);
            }
        }
        assigned.keySet().removeIf(mq -> {
            if (mq.getTopic().equals(topic)) {
                assigned.get(mq).processQueue.setDropped(true);
                return true;
            }
            return false;
        });
    }

    public synchronized void assign(Collection<MessageQueue> messageQueues) {
        if (messageQueues == null || messageQueues.isEmpty()) {
            throw new IllegalArgumentException("Message queues can not be null or empty.");
        }
        try {
            setSubscriptionType(SubscriptionType.ASSIGN);
        } catch (MQClientException e) {
            throw new IllegalStateException(e.getErrorMessage(), e);
        }
        Set<MessageQueue> wanted = new HashSet<>(messageQueues);
        for (MessageQueue mq : new ArrayList<>(assigned.keySet())) {
            if (!wanted.contains(mq)) {
                LitePullQueueState old = assigned.remove(mq);
                old.processQueue.setDropped(true);
            }
        }
        for (MessageQueue mq : wanted) {
            addQueue(mq, new ProcessQueue());
        }
    }

    private void setSubscriptionType(SubscriptionType type) throws MQClientException {
        if (subscriptionType == SubscriptionType.NONE) {
            subscriptionType = type;
        } else if (subscriptionType != type) {
            throw new MQClientException("Subscribe and assign are mutually exclusive.", null);
        }
    }

    private void addQueue(MessageQueue mq, ProcessQueue pq) {
        LitePullQueueState state = new LitePullQueueState(mq, pq);
        if (assigned.putIfAbsent(mq, state) == null && serviceState == State.RUNNING) {
            schedulePull(state, 0);
        }
    }

    /** Subscribe mode: rebalance settled on {@code mqDivided} for {@code topic}. */
    void updateAssignedForTopic(String topic, Set<MessageQueue> mqDivided, Map<MessageQueue, ProcessQueue> processQueues) {
        for (MessageQueue mq : new ArrayList<>(assigned.keySet())) {
            if (mq.getTopic().equals(topic) && !mqDivided.contains(mq)) {
                releaseQueue(mq);
            }
        }
        for (MessageQueue mq : mqDivided) {
            ProcessQueue pq = processQueues.get(mq);
            if (pq != null && !pq.isDropped()) {
                addQueue(mq, pq);
            }
        }
    }

    /** A queue leaves this consumer: commit what was polled (when auto-committing) and persist it for the next owner. */
    void releaseQueue(MessageQueue mq) {
        LitePullQueueState state = assigned.remove(mq);
        if (state == null) {
            return;
        }
        state.processQueue.setDropped(true);
        if (consumer.isAutoCommit() && state.consumeOffset >= 0) {
            offsetStore.updateOffset(mq, state.consumeOffset, false);
        }
        offsetStore.persist(mq);
        offsetStore.removeOffset(mq);
    }

    // ---------------------------------------------------------------- pulling

    private void schedulePull(LitePullQueueState state, long delayMillis) {
        if (serviceState != State.RUNNING || pullExecutor.isShutdown()) {
            return;
        }
        try {
            pullExecutor.schedule(() -> pullOnce(state), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("pull task rejected for {}: shutting down", state.mq);
        }
    }

    private boolean owned(LitePullQueueState state) {
        return serviceState == State.RUNNING && assigned.get(state.mq) == state && !state.processQueue.isDropped();
    }

    private void pullOnce(LitePullQueueState state) {
        if (!owned(state)) {
            return;
        }
        if (state.paused) {
            schedulePull(state, PULL_TIME_DELAY_MILLS_WHEN_PAUSE);
            return;
        }
        ProcessQueue pq = state.processQueue;
        long cachedBatches = consumeRequestCache.size();
        if (cachedBatches * consumer.getPullBatchSize() > consumer.getPullThresholdForAll()
            || pq.getMsgCount().get() > consumer.getPullThresholdForQueue()
            || pq.getMsgSize().get() / (1024 * 1024) > consumer.getPullThresholdSizeForQueue()
            || pq.getMaxSpan() > consumer.getConsumeMaxSpan()) {
            schedulePull(state, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
            return;
        }
        long generation;
        long offset;
        synchronized (state) {
            generation = state.generation;
            offset = state.pullOffset;
        }
        try {
            if (offset < 0) {
                long start = computeStartOffset(state.mq);
                if (!state.advancePull(generation, start)) {
                    schedulePull(state, 0);
                    return;
                }
                offset = start;
            }
            SubscriptionData sd = subscriptionType == SubscriptionType.SUBSCRIBE
                ? rebalanceImpl.getSubscriptionInner().get(state.mq.getTopic())
                : FilterAPI.buildSubscriptionData(state.mq.getTopic(), "*");
            if (sd == null) {
                return; // unsubscribed
            }
            PullResult result = pullAPIWrapper.pullKernelImpl(state.mq, sd.getSubString(), sd.getExpressionType(),
                sd.getSubVersion(), offset, consumer.getPullBatchSize(), PullAPIWrapper.buildSysFlag(false, true, true, false),
                0, consumer.getBrokerSuspendMaxTimeMillis(), consumer.getConsumerTimeoutMillisWhenSuspend(),
                CommunicationMode.SYNC, null);
            result = pullAPIWrapper.processPullResult(state.mq, result, sd);
            synchronized (state) {
                if (state.generation != generation) {
                    schedulePull(state, 0);
                    return;
                }
                if (state.paused) { // paused while the broker held the pull: pull these again after resume
                    schedulePull(state, PULL_TIME_DELAY_MILLS_WHEN_PAUSE);
                    return;
                }
                switch (result.getPullStatus()) {
                    case FOUND:
                        List<MessageExt> msgs = result.getMsgFoundList();
                        if (msgs != null && !msgs.isEmpty()) {
                            pq.putMessage(msgs);
                            consumeRequestCache.add(new ConsumeRequest(msgs, state, generation));
                        }
                        break;
                    case OFFSET_ILLEGAL:
                        log.warn("The pull request offset illegal, {} offset {}, next {}", state.mq, offset,
                            result.getNextBeginOffset());
                        break;
                    default:
                        break;
                }
                state.pullOffset = result.getNextBeginOffset();
            }
            schedulePull(state, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (owned(state)) {
                log.warn("An error occurred in pull message process, {}: {}", state.mq, t.toString());
                schedulePull(state, consumer.getPullTimeDelayMillsWhenException());
            }
        }
    }

    private long computeStartOffset(MessageQueue mq) throws MQClientException {
        long stored = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (stored >= 0) {
            return stored;
        }
        if (stored != -1) {
            throw new MQClientException("cannot read the consume offset of " + mq, null);
        }
        switch (consumer.getConsumeFromWhere()) {
            case CONSUME_FROM_FIRST_OFFSET:
                return mqAdmin.minOffset(mq);
            case CONSUME_FROM_TIMESTAMP:
                return mqAdmin.searchOffset(mq, RebalancePushImpl.parseTimestamp(consumer.getConsumeTimestamp()));
            default:
                return mqAdmin.maxOffset(mq);
        }
    }

    // ---------------------------------------------------------------- poll / commit / seek

    public List<MessageExt> poll(long timeoutMillis) throws MQClientException {
        makeSureStateOK();
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("Timeout must not be negative");
        }
        if (consumer.isAutoCommit()) {
            maybeAutoCommit();
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                long remaining = deadline - System.currentTimeMillis();
                ConsumeRequest request = remaining > 0 ? consumeRequestCache.poll(remaining, TimeUnit.MILLISECONDS)
                    : consumeRequestCache.poll();
                if (request == null) {
                    return Collections.emptyList();
                }
                LitePullQueueState state = request.state();
                synchronized (state) {
                    if (assigned.get(state.mq) != state || state.processQueue.isDropped()
                        || state.generation != request.generation()) {
                        continue;
                    }
                    long next = state.processQueue.removeMessage(request.msgs());
                    if (next < 0) {
                        next = request.msgs().get(request.msgs().size() - 1).getQueueOffset() + 1;
                    }
                    state.consumeOffset = next;
                }
                return request.msgs();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Collections.emptyList();
        }
    }

    private void maybeAutoCommit() {
        long now = System.currentTimeMillis();
        if (now >= nextAutoCommitDeadline) {
            nextAutoCommitDeadline = now + consumer.getAutoCommitIntervalMillis();
            commitAll(false);
        }
    }

    /** Writes every owned queue's polled position to the offset store; {@code persist} also sends it now. */
    private void commitAll(boolean persist) {
        Set<MessageQueue> mqs = new HashSet<>();
        for (LitePullQueueState state : assigned.values()) {
            long offset = state.consumeOffset;
            if (offset >= 0) {
                offsetStore.updateOffset(state.mq, offset, false);
                mqs.add(state.mq);
            }
        }
        if (!persist) {
            return;
        }
        if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
            offsetStore.persistAll(mqs);
            return;
        }
        for (MessageQueue mq : mqs) {
            try {
                offsetStore.updateConsumeOffsetToBroker(mq, offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("commit offset of {} failed: {}", mq, e.toString());
            }
        }
    }

    public synchronized void commitSync() {
        commitAll(true);
    }

    /** Commits the given offsets (next offset to consume per queue); {@code persist} sends them to the store now. */
    public synchronized void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
            offsetStore.updateOffset(e.getKey(), e.getValue(), false);
        }
        if (persist) {
            offsetStore.persistAll(new HashSet<>(offsets.keySet()));
        }
    }

    public long committed(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        long offset = offsetStore.readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE);
        if (offset == -2) {
            throw new MQClientException("Fetch consume offset from broker exception", null);
        }
        return offset;
    }

    public void seek(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        LitePullQueueState state = assigned.get(mq);
        if (state == null) {
            throw new MQClientException(subscriptionType == SubscriptionType.SUBSCRIBE
                ? "The message queue is not in assigned list, may be rebalancing, message queue: " + mq
                : "The message queue is not in assigned list, message queue: " + mq, null);
        }
        long min = mqAdmin.minOffset(mq);
        long max = mqAdmin.maxOffset(mq);
        if (offset < min || offset > max) {
            throw new MQClientException("Seek offset illegal, seek offset = " + offset + ", min offset = " + min
                + ", max offset = " + max, null);
        }
        state.seek(offset);
    }

    public void seekToBegin(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        seek(mq, mqAdmin.minOffset(mq));
    }

    public void seekToEnd(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        seek(mq, mqAdmin.maxOffset(mq));
    }

    public void pause(Collection<MessageQueue> mqs) {
        for (MessageQueue mq : mqs) {
            LitePullQueueState state = assigned.get(mq);
            if (state != null) {
                state.paused = true;
            }
        }
    }

    public void resume(Collection<MessageQueue> mqs) {
        for (MessageQueue mq : mqs) {
            LitePullQueueState state = assigned.get(mq);
            if (state != null) {
                state.paused = false;
            }
        }
    }

    public boolean isPaused(MessageQueue mq) {
        LitePullQueueState state = assigned.get(mq);
        return state != null && state.paused;
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.fetchSubscribeMessageQueues(topic);
    }

    public long offsetForTimestamp(MessageQueue mq, long timestamp) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.searchOffset(mq, timestamp);
    }

    public Set<MessageQueue> assignment() {
        return new HashSet<>(assigned.keySet());
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        if (topic == null || listener == null) {
            throw new MQClientException("Topic or listener is null", null);
        }
        if (topicListeners.putIfAbsent(topic, listener) != null) {
            throw new MQClientException("Topic :" + topic + " has been registered.", null);
        }
        if (serviceState == State.RUNNING) {
            topicQueuesSeen.put(topic, new HashSet<>(fetchMessageQueues(topic)));
        }
    }

    private void checkTopicMetadata() {
        for (Map.Entry<String, TopicMessageQueueChangeListener> e : topicListeners.entrySet()) {
            try {
                Set<MessageQueue> now = new HashSet<>(mqAdmin.fetchSubscribeMessageQueues(e.getKey()));
                Set<MessageQueue> before = topicQueuesSeen.put(e.getKey(), now);
                if (before == null || !before.equals(now)) {
                    e.getValue().onChanged(e.getKey(), now);
                }
            } catch (Throwable t) {
                log.warn("checkTopicMetadata of {} failed: {}", e.getKey(), t.toString());
            }
        }
    }

    // ---------------------------------------------------------------- MQConsumerInner

    @Override
    public String groupName() {
        return consumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return consumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return consumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        if (subscriptionType == SubscriptionType.ASSIGN) {
            Set<SubscriptionData> result = new HashSet<>();
            Set<String> topics = new HashSet<>();
            for (MessageQueue mq : assigned.keySet()) {
                if (topics.add(mq.getTopic())) {
                    result.add(FilterAPI.buildSubscriptionData(mq.getTopic(), "*"));
                }
            }
            return result;
        }
        return new HashSet<>(rebalanceImpl.getSubscriptionInner().values());
    }

    @Override
    public void doRebalance() {
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            rebalanceImpl.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState != State.RUNNING) {
            return;
        }
        try {
            offsetStore.persistAll(new HashSet<>(assigned.keySet()));
        } catch (Exception e) {
            log.error("group: {} persistConsumerOffset exception", consumer.getConsumerGroup(), e);
        }
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (rebalanceImpl.getSubscriptionInner().containsKey(topic)) {
            rebalanceImpl.getTopicSubscribeInfoTable().put(topic, info);
        }
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return rebalanceImpl.getSubscriptionInner().containsKey(topic)
            && !rebalanceImpl.getTopicSubscribeInfoTable().containsKey(topic);
    }

    @Override
    public boolean isUnitMode() {
        return consumer.isUnitMode();
    }

    @Override
    public void resetOffset(String topic, Map<MessageQueue, Long> offsetTable) {
        for (Map.Entry<MessageQueue, Long> e : offsetTable.entrySet()) {
            LitePullQueueState state = assigned.get(e.getKey());
            if (state != null) {
                state.seek(e.getValue());
                offsetStore.updateOffset(e.getKey(), e.getValue(), false);
            }
        }
    }

    @Override
    public Map<MessageQueue, Long> consumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    // ---------------------------------------------------------------- accessors

    public DefaultLitePullConsumer getDefaultLitePullConsumer() {
        return consumer;
    }

    public MQClientInstance getmQClientFactory() {
        return mQClientFactory;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }
}
