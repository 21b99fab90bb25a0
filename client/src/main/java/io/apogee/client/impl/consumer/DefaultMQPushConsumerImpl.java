package io.apogee.client.impl.consumer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.PullCallback;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.listener.MessageListener;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.consumer.store.LocalFileOffsetStore;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.consumer.store.RemoteBrokerOffsetStore;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.CommunicationMode;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.client.trace.AsyncTraceDispatcher;
import io.apogee.common.MixAll;
import io.apogee.common.filter.ExpressionType;
import io.apogee.common.filter.FilterAPI;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.CMResult;
import io.apogee.common.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.common.protocol.body.ConsumeStatus;
import io.apogee.common.protocol.body.ConsumerRunningInfo;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.ProcessQueueInfo;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer's engine: pulls its queues with long polling, applies flow control, hands messages
 * to the consume service, and keeps offsets; the client instance drives rebalance and persistence.
 */
public class DefaultMQPushConsumerImpl implements MQConsumerInner {
    private static final Logger log = LoggerFactory.getLogger(DefaultMQPushConsumerImpl.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION = 3000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_SUSPEND = 1000;
    private static final long BROKER_SUSPEND_MAX_TIME_MILLIS = 15_000;
    private static final long CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND = 30_000;

    private enum State { CREATE_JUST, RUNNING, SHUTDOWN_ALREADY }

    private final DefaultMQPushConsumer defaultMQPushConsumer;
    private final RPCHook rpcHook;
    private volatile AsyncTraceDispatcher traceDispatcher;
    private final RebalancePushImpl rebalanceImpl = new RebalancePushImpl(this);
    private volatile State serviceState = State.CREATE_JUST;
    private MQClientInstance mQClientFactory;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;
    private ConsumeMessageService consumeMessageService;
    private MQAdminImpl mqAdmin;
    private volatile boolean pause = false;
    private boolean consumeOrderly = false;
    private long consumerStartTimestamp;

    public DefaultMQPushConsumerImpl(DefaultMQPushConsumer defaultMQPushConsumer, RPCHook rpcHook) {
        this.defaultMQPushConsumer = defaultMQPushConsumer;
        this.rpcHook = rpcHook;
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized void start() throws MQClientException {
        switch (serviceState) {
            case CREATE_JUST:
                serviceState = State.SHUTDOWN_ALREADY;
                checkConfig();
                copySubscription();
                if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
                    defaultMQPushConsumer.changeInstanceNameToPID();
                }
                mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQPushConsumer, rpcHook);
                rebalanceImpl.init();
                pullAPIWrapper = new PullAPIWrapper(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
                mqAdmin = new MQAdminImpl(mQClientFactory);
                if (defaultMQPushConsumer.getOffsetStore() != null) {
                    offsetStore = defaultMQPushConsumer.getOffsetStore();
                } else if (defaultMQPushConsumer.getMessageModel() == MessageModel.BROADCASTING) {
                    offsetStore = new LocalFileOffsetStore(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
                } else {
                    offsetStore = new RemoteBrokerOffsetStore(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
                }
                defaultMQPushConsumer.setOffsetStore(offsetStore);
                offsetStore.load();
                MessageListener listener = defaultMQPushConsumer.getMessageListener();
                if (listener instanceof MessageListenerOrderly orderly) {
                    consumeOrderly = true;
                    consumeMessageService = new ConsumeMessageOrderlyService(this, orderly);
                } else {
                    consumeOrderly = false;
                    consumeMessageService = new ConsumeMessageConcurrentlyService(this, (MessageListenerConcurrently) listener);
                }
                consumeMessageService.start();
                if (!mQClientFactory.registerConsumer(defaultMQPushConsumer.getConsumerGroup(), this)) {
                    consumeMessageService.shutdown(0);
                    throw new MQClientException("The consumer group[" + defaultMQPushConsumer.getConsumerGroup()
                        + "] has been created before, specify another name please.", null);
                }
                mQClientFactory.start();
                consumerStartTimestamp = System.currentTimeMillis();
                serviceState = State.RUNNING;
                log.info("the consumer [{}] start OK.", defaultMQPushConsumer.getConsumerGroup());
                break;
            case RUNNING:
                throw new MQClientException("The PushConsumer service state is RUNNING, maybe started once", null);
            default:
                throw new MQClientException("The PushConsumer service state not OK, " + serviceState, null);
        }
        for (String topic : rebalanceImpl.getSubscriptionInner().keySet()) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
        }
        checkClientInBroker();
        mQClientFactory.sendHeartbeatToAllBrokerWithLock();
        mQClientFactory.rebalanceImmediately();
    }

    private void checkConfig() throws MQClientException {
        String group = defaultMQPushConsumer.getConsumerGroup();
        if (group == null || group.isBlank()) {
            throw new MQClientException("consumerGroup is null", null);
        }
        if (group.equals(MixAll.DEFAULT_CONSUMER_GROUP)) {
            throw new MQClientException("consumerGroup can not equal " + MixAll.DEFAULT_CONSUMER_GROUP
                + ", please specify another one.", null);
        }
        if (defaultMQPushConsumer.getMessageModel() == null) {
            throw new MQClientException("messageModel is null", null);
        }
        if (defaultMQPushConsumer.getAllocateMessageQueueStrategy() == null) {
            throw new MQClientException("allocateMessageQueueStrategy is null", null);
        }
        MessageListener l = defaultMQPushConsumer.getMessageListener();
        if (!(l instanceof MessageListenerOrderly) && !(l instanceof MessageListenerConcurrently)) {
            throw new MQClientException("messageListener must be an instance of MessageListenerOrderly or MessageListenerConcurrently",
                null);
        }
        int min = defaultMQPushConsumer.getConsumeThreadMin();
        int max = defaultMQPushConsumer.getConsumeThreadMax();
        if (min < 1 || min > 1000 || max < 1 || max > 1000 || min > max) {
            throw new MQClientException("consumeThreadMin/consumeThreadMax out of range [1, 1000] or min > max", null);
        }
        if (defaultMQPushConsumer.getConsumeMessageBatchMaxSize() < 1 || defaultMQPushConsumer.getConsumeMessageBatchMaxSize() > 1024) {
            throw new MQClientException("consumeMessageBatchMaxSize Out of range [1, 1024]", null);
        }
        if (defaultMQPushConsumer.getPullBatchSize() < 1 || defaultMQPushConsumer.getPullBatchSize() > 1024) {
            throw new MQClientException("pullBatchSize Out of range [1, 1024]", null);
        }
    }

    private void copySubscription() {
        for (Map.Entry<String, String> e : defaultMQPushConsumer.getSubscription().entrySet()) {
            rebalanceImpl.getSubscriptionInner().put(e.getKey(), FilterAPI.buildSubscriptionData(e.getKey(), e.getValue()));
        }
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            String retryTopic = MixAll.getRetryTopic(defaultMQPushConsumer.getConsumerGroup());
            rebalanceImpl.getSubscriptionInner().put(retryTopic, FilterAPI.buildSubscriptionData(retryTopic, "*"));
        }
    }

    private void checkClientInBroker() throws MQClientException {
        for (SubscriptionData sd : rebalanceImpl.getSubscriptionInner().values()) {
            if (ExpressionType.isTagType(sd.getExpressionType())) {
                continue;
            }
            String addr = mQClientFactory.findBrokerAddrByTopic(sd.getTopic());
            if (addr != null) {
                try {
                    mQClientFactory.getMQClientAPIImpl().checkClientInBroker(addr, defaultMQPushConsumer.getConsumerGroup(),
                        mQClientFactory.getClientId(), sd, 3000);
                } catch (MQClientException e) {
                    throw e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    throw new MQClientException("Check client in broker error, maybe because you use " + sd.getExpressionType()
                        + " to filter message, but server has not been upgraded to support!", e);
                }
            }
        }
    }

    /** The message-trace dispatcher, or null when tracing is off. */
    public AsyncTraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    public void setTraceDispatcher(AsyncTraceDispatcher traceDispatcher) {
        this.traceDispatcher = traceDispatcher;
    }

    public synchronized void shutdown(long awaitTerminateMillis) {
        if (serviceState != State.RUNNING) {
            return;
        }
        consumeMessageService.shutdown(awaitTerminateMillis);
        persistConsumerOffset();
        mQClientFactory.unregisterConsumer(defaultMQPushConsumer.getConsumerGroup());
        mQClientFactory.shutdown();
        rebalanceImpl.destroy();
        serviceState = State.SHUTDOWN_ALREADY;
        log.info("the consumer [{}] shutdown OK", defaultMQPushConsumer.getConsumerGroup());
    }

    // ---------------------------------------------------------------- subscription

    public void subscribe(String topic, String subExpression) throws MQClientException {
        try {
            SubscriptionData sd = FilterAPI.buildSubscriptionData(topic, subExpression);
            rebalanceImpl.getSubscriptionInner().put(topic, sd);
            if (mQClientFactory != null) {
                mQClientFactory.sendHeartbeatToAllBrokerWithLock();
            }
        } catch (Exception e) {
            throw new MQClientException("subscription exception", e);
        }
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        if (selector == null) {
            subscribe(topic, SubscriptionData.SUB_ALL);
            return;
        }
        SubscriptionData sd = FilterAPI.build(topic, selector.getExpression(), selector.getExpressionType());
        rebalanceImpl.getSubscriptionInner().put(topic, sd);
        if (mQClientFactory != null) {
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
        }
    }

    public void unsubscribe(String topic) {
        rebalanceImpl.getSubscriptionInner().remove(topic);
    }

    // ---------------------------------------------------------------- pulling

    void executePullRequestImmediately(PullRequest pr) {
        mQClientFactory.getPullMessageService().executePullRequestImmediately(pr);
    }

    private void executePullRequestLater(PullRequest pr, long delay) {
        mQClientFactory.getPullMessageService().executePullRequestLater(pr, delay);
    }

    @Override
    public void pullMessage(PullRequest pullRequest) {
        ProcessQueue pq = pullRequest.getProcessQueue();
        if (pq.isDropped()) {
            return;
        }
        pq.setLastPullTimestamp(System.currentTimeMillis());
        if (serviceState != State.RUNNING) {
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        if (pause) {
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_SUSPEND);
            return;
        }
        DefaultMQPushConsumer c = defaultMQPushConsumer;
        long cachedCount = pq.getMsgCount().get();
        long cachedSizeMiB = pq.getMsgSize().get() / (1024 * 1024);
        if (cachedCount > c.getPullThresholdForQueue() || cachedSizeMiB > c.getPullThresholdSizeForQueue()) {
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
            return;
        }
        if (!consumeOrderly) {
            if (pq.getMaxSpan() > c.getConsumeConcurrentlyMaxSpan()) {
                executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
                return;
            }
        } else if (pq.isLocked()) {
            if (!pullRequest.isPreviouslyLocked()) {
                long offset = rebalanceImpl.computePullFromWhere(pullRequest.getMessageQueue());
                if (offset < 0) {
                    executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                    return;
                }
                pullRequest.setPreviouslyLocked(true);
                pullRequest.setNextOffset(offset);
            }
        } else {
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        SubscriptionData sd = rebalanceImpl.getSubscriptionInner().get(pullRequest.getMessageQueue().getTopic());
        if (sd == null) {
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        long beginTimestamp = System.currentTimeMillis();
        PullCallback callback = new PullCallback() {
            @Override
            public void onSuccess(PullResult pullResult) {
                handlePullResult(pullRequest, sd, pullAPIWrapper.processPullResult(pullRequest.getMessageQueue(), pullResult, sd),
                    beginTimestamp);
            }

            @Override
            public void onException(Throwable e) {
                if (!pullRequest.getMessageQueue().getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                    log.warn("execute the pull request exception: {}", e.toString());
                }
                executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            }
        };
        boolean commitOffsetEnable = false;
        long commitOffsetValue = 0L;
        if (c.getMessageModel() == MessageModel.CLUSTERING) {
            commitOffsetValue = offsetStore.readOffset(pullRequest.getMessageQueue(), ReadOffsetType.READ_FROM_MEMORY);
            commitOffsetEnable = commitOffsetValue > 0;
        }
        String subExpression = null;
        boolean classFilter = false;
        if (c.isPostSubscriptionWhenPull() && !sd.isClassFilterMode()) {
            subExpression = sd.getSubString();
        }
        int sysFlag = PullAPIWrapper.buildSysFlag(commitOffsetEnable, true, subExpression != null, classFilter);
        try {
            pullAPIWrapper.pullKernelImpl(pullRequest.getMessageQueue(), subExpression, sd.getExpressionType(), sd.getSubVersion(),
                pullRequest.getNextOffset(), c.getPullBatchSize(), sysFlag, commitOffsetValue, BROKER_SUSPEND_MAX_TIME_MILLIS,
                CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND, CommunicationMode.ASYNC, callback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("pullKernelImpl exception: {}", e.toString());
            executePullRequestLater(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
        }
    }

    private void handlePullResult(PullRequest pullRequest, SubscriptionData sd, PullResult result, long beginTimestamp) {
        ProcessQueue pq = pullRequest.getProcessQueue();
        switch (result.getPullStatus()) {
            case FOUND: {
                long prevRequestOffset = pullRequest.getNextOffset();
                pullRequest.setNextOffset(result.getNextBeginOffset());
                List<MessageExt> msgs = result.getMsgFoundList();
                if (msgs == null || msgs.isEmpty()) {
                    executePullRequestImmediately(pullRequest);
                } else {
                    boolean dispatch = pq.putMessage(msgs);
                    consumeMessageService.submitConsumeRequest(msgs, pq, pullRequest.getMessageQueue(), dispatch);
                    long interval = defaultMQPushConsumer.getPullInterval();
                    if (interval > 0) {
                        executePullRequestLater(pullRequest, interval);
                    } else {
                        executePullRequestImmediately(pullRequest);
                    }
                }
                if (result.getNextBeginOffset() < prevRequestOffset) {
                    log.warn("[BUG] pull message result maybe data wrong, nextBeginOffset: {} prevRequestOffset: {}",
                        result.getNextBeginOffset(), prevRequestOffset);
                }
                break;
            }
            case NO_NEW_MSG:
            case NO_MATCHED_MSG:
                pullRequest.setNextOffset(result.getNextBeginOffset());
                if (pq.getMsgCount().get() == 0) {
                    offsetStore.updateOffset(pullRequest.getMessageQueue(), result.getNextBeginOffset(), true);
                }
                executePullRequestImmediately(pullRequest);
                break;
            case OFFSET_ILLEGAL:
                log.warn("the pull request offset illegal, {} {}", pullRequest, result);
                pullRequest.setNextOffset(result.getNextBeginOffset());
                pq.setDropped(true);
                mQClientFactory.getPullMessageService().executeTaskLater(() -> {
                    offsetStore.updateOffset(pullRequest.getMessageQueue(), pullRequest.getNextOffset(), false);
                    offsetStore.persist(pullRequest.getMessageQueue());
                    rebalanceImpl.removeProcessQueue(pullRequest.getMessageQueue());
                }, 10_000);
                break;
            default:
                break;
        }
    }

    // ---------------------------------------------------------------- failures

    /** Messages of {@code %RETRY%group} are shown to the listener under their original topic. */
    void resetRetryTopic(List<MessageExt> msgs) {
        String groupTopic = MixAll.getRetryTopic(defaultMQPushConsumer.getConsumerGroup());
        for (MessageExt msg : msgs) {
            String retryTopic = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
            if (retryTopic != null && groupTopic.equals(msg.getTopic())) {
                msg.setTopic(retryTopic);
            }
        }
    }

    /**
     * Gives a failed message back to the broker for a later retry; if that fails, produces it to the retry
     * topic directly. Returns false when both failed (the caller then retries it locally).
     */
    public boolean sendMessageBack(MessageExt msg, int delayLevel, String brokerName) {
        String group = defaultMQPushConsumer.getConsumerGroup();
        try {
            String addr = brokerName != null ? mQClientFactory.findBrokerAddressInPublish(brokerName)
                : RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
            if (addr == null) {
                addr = RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
            }
            mQClientFactory.getMQClientAPIImpl().consumerSendMessageBack(addr, msg, group, delayLevel, 5000,
                getMaxReconsumeTimes());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("sendMessageBack exception, group: {} msg: {}: {}", group, msg.getMsgId(), e.toString());
        }
        try {
            Message newMsg = new Message(MixAll.getRetryTopic(group), msg.getBody());
            String originMsgId = MessageAccessor.getOriginMessageId(msg);
            MessageAccessor.setOriginMessageId(newMsg, originMsgId == null || originMsgId.isEmpty() ? msg.getMsgId() : originMsgId);
            newMsg.setFlag(msg.getFlag());
            MessageAccessor.setProperties(newMsg, new java.util.HashMap<>(msg.getProperties()));
            MessageAccessor.putProperty(newMsg, MessageConst.PROPERTY_RETRY_TOPIC, msg.getTopic());
            MessageAccessor.setReconsumeTime(newMsg, String.valueOf(msg.getReconsumeTimes() + 1));
            MessageAccessor.setMaxReconsumeTimes(newMsg, String.valueOf(getMaxReconsumeTimes()));
            MessageAccessor.clearProperty(newMsg, MessageConst.PROPERTY_TRANSACTION_PREPARED);
            newMsg.setDelayTimeLevel(3 + msg.getReconsumeTimes());
            mQClientFactory.getDefaultMQProducer().send(newMsg);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("sendMessageBack fallback to the retry topic failed, group: {} msg: {}: {}", group, msg.getMsgId(), e.toString());
        }
        return false;
    }

    private int getMaxReconsumeTimes() {
        return defaultMQPushConsumer.getMaxReconsumeTimes() == -1 ? 16 : defaultMQPushConsumer.getMaxReconsumeTimes();
    }

    // ---------------------------------------------------------------- MQConsumerInner

    @Override
    public String groupName() {
        return defaultMQPushConsumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return defaultMQPushConsumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return defaultMQPushConsumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return new HashSet<>(rebalanceImpl.getSubscriptionInner().values());
    }

    @Override
    public void doRebalance() {
        if (!pause && serviceState == State.RUNNING) {
            rebalanceImpl.doRebalance(consumeOrderly);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState != State.RUNNING || offsetStore == null) {
            return;
        }
        try {
            offsetStore.persistAll(new HashSet<>(rebalanceImpl.getProcessQueueTable().keySet()));
        } catch (Exception e) {
            log.error("group: {} persistConsumerOffset exception", defaultMQPushConsumer.getConsumerGroup(), e);
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
        return defaultMQPushConsumer.isUnitMode();
    }

    @Override
    public void resetOffset(String topic, Map<MessageQueue, Long> offsetTable) {
        pause = true;
        try {
            for (Map.Entry<MessageQueue, ProcessQueue> e : rebalanceImpl.getProcessQueueTable().entrySet()) {
                if (e.getKey().getTopic().equals(topic) && offsetTable.containsKey(e.getKey())) {
                    e.getValue().setDropped(true);
                    e.getValue().clear();
                }
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Map.Entry<MessageQueue, Long> e : offsetTable.entrySet()) {
                if (rebalanceImpl.getProcessQueueTable().containsKey(e.getKey())) {
                    offsetStore.updateOffset(e.getKey(), e.getValue(), false);
                    offsetStore.persist(e.getKey());
                    rebalanceImpl.getProcessQueueTable().remove(e.getKey());
                }
            }
        } finally {
            pause = false;
            mQClientFactory.rebalanceImmediately();
        }
    }

    @Override
    public Map<MessageQueue, Long> consumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        java.util.Properties props = info.getProperties();
        DefaultMQPushConsumer c = defaultMQPushConsumer;
        props.put("consumerGroup", c.getConsumerGroup());
        props.put("messageModel", c.getMessageModel().name());
        props.put("consumeFromWhere", c.getConsumeFromWhere().name());
        props.put("consumeThreadMin", Integer.toString(c.getConsumeThreadMin()));
        props.put("consumeThreadMax", Integer.toString(c.getConsumeThreadMax()));
        props.put("pullBatchSize", Integer.toString(c.getPullBatchSize()));
        props.put("consumeMessageBatchMaxSize", Integer.toString(c.getConsumeMessageBatchMaxSize()));
        props.put("pullThresholdForQueue", Integer.toString(c.getPullThresholdForQueue()));
        props.put("maxReconsumeTimes", Integer.toString(c.getMaxReconsumeTimes()));
        props.put("consumeTimeout", Long.toString(c.getConsumeTimeout()));
        props.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, String.valueOf(c.getNamesrvAddr()));
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, String.valueOf(consumeOrderly));
        props.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, String.valueOf(consumeMessageService.getCorePoolSize()));
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(consumerStartTimestamp));
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, ConsumeType.CONSUME_PASSIVELY.name());
        info.getSubscriptionSet().addAll(rebalanceImpl.getSubscriptionInner().values());
        for (Map.Entry<MessageQueue, ProcessQueue> e : rebalanceImpl.getProcessQueueTable().entrySet()) {
            ProcessQueueInfo pqInfo = new ProcessQueueInfo();
            pqInfo.setCommitOffset(offsetStore.readOffset(e.getKey(), ReadOffsetType.MEMORY_FIRST_THEN_STORE));
            e.getValue().fillProcessQueueInfo(pqInfo);
            info.getMqTable().put(e.getKey(), pqInfo);
        }
        for (SubscriptionData sd : rebalanceImpl.getSubscriptionInner().values()) {
            info.getStatusTable().put(sd.getTopic(), new ConsumeStatus());
        }
        return info;
    }

    /** CONSUME_MESSAGE_DIRECTLY: hands one message (sent by an operator through the broker) to the listener now. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setOrder(consumeOrderly);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId());
        resetRetryTopic(List.of(msg));
        MessageAccessor.setConsumeStartTimeStamp(msg, Long.toString(System.currentTimeMillis()));
        long begin = System.currentTimeMillis();
        try {
            MessageListener listener = defaultMQPushConsumer.getMessageListener();
            if (listener instanceof MessageListenerOrderly orderly) {
                io.apogee.client.consumer.listener.ConsumeOrderlyContext ctx =
                    new io.apogee.client.consumer.listener.ConsumeOrderlyContext(mq);
                io.apogee.client.consumer.listener.ConsumeOrderlyStatus status = orderly.consumeMessage(List.of(msg), ctx);
                result.setAutoCommit(ctx.isAutoCommit());
                if (status == null) {
                    result.setConsumeResult(CMResult.CR_RETURN_NULL);
                } else {
                    switch (status) {
                        case SUCCESS, COMMIT -> result.setConsumeResult(status == io.apogee.client.consumer.listener.ConsumeOrderlyStatus.SUCCESS
                            ? CMResult.CR_SUCCESS : CMResult.CR_COMMIT);
                        case ROLLBACK -> result.setConsumeResult(CMResult.CR_ROLLBACK);
                        default -> result.setConsumeResult(CMResult.CR_LATER);
                    }
                }
            } else {
                io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus status = ((MessageListenerConcurrently) listener)
                    .consumeMessage(List.of(msg), new io.apogee.client.consumer.listener.ConsumeConcurrentlyContext(mq));
                result.setConsumeResult(status == null ? CMResult.CR_RETURN_NULL
                    : status == io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                    ? CMResult.CR_SUCCESS : CMResult.CR_LATER);
            }
        } catch (Throwable t) {
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(t.toString());
        }
        result.setSpentTimeMills(System.currentTimeMillis() - begin);
        return result;
    }

    // ---------------------------------------------------------------- accessors

    public void suspend() {
        pause = true;
    }

    public void resume() {
        pause = false;
        mQClientFactory.rebalanceImmediately();
    }

    public DefaultMQPushConsumer getDefaultMQPushConsumer() {
        return defaultMQPushConsumer;
    }

    public RebalanceImpl getRebalanceImpl() {
        return rebalanceImpl;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public MQClientInstance getmQClientFactory() {
        return mQClientFactory;
    }

    MQAdminImpl getMqAdmin() {
        return mqAdmin;
    }

    public boolean isConsumeOrderly() {
        return consumeOrderly;
    }

    public long getConsumerStartTimestamp() {
        return consumerStartTimestamp;
    }
}
