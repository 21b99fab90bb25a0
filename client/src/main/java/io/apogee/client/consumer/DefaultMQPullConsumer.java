package io.apogee.client.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.consumer.store.RemoteBrokerOffsetStore;
import io.apogee.client.consumer.store.LocalFileOffsetStore;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.CommunicationMode;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.consumer.MQConsumerInner;
import io.apogee.client.impl.consumer.PullAPIWrapper;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.filter.FilterAPI;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.exception.RemotingException;

/**
 * The application pulls explicitly from queues it chooses and manages offsets itself (helped by an
 * offset store that the client instance persists every 5 s).
 */
public class DefaultMQPullConsumer extends ClientConfig implements MQConsumerInner {
    private static final long BROKER_SUSPEND_MAX_TIME_MILLIS = 20_000;
    private final RPCHook rpcHook;
    private String consumerGroup;
    private long consumerPullTimeoutMillis = 10_000;
    private long consumerTimeoutMillisWhenSuspend = 30_000;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private Set<String> registerTopics = new HashSet<>();
    private int maxReconsumeTimes = 16;
    private OffsetStore offsetStore;
    private MQClientInstance mQClientFactory;
    private PullAPIWrapper pullAPIWrapper;
    private MQAdminImpl mqAdmin;
    private volatile boolean running;

    public DefaultMQPullConsumer() {
        this("DEFAULT_CONSUMER", null);
    }

    public DefaultMQPullConsumer(String consumerGroup) {
        this(consumerGroup, null);
    }

    public DefaultMQPullConsumer(String consumerGroup, RPCHook rpcHook) {
        this.consumerGroup = consumerGroup;
        this.rpcHook = rpcHook;
    }

    public synchronized void start() throws MQClientException {
        if (running) {
            throw new MQClientException("The PullConsumer service state is RUNNING, maybe started once", null);
        }
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new MQClientException("consumerGroup is null", null);
        }
        if (messageModel == MessageModel.CLUSTERING) {
            changeInstanceNameToPID();
        }
        mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(this, rpcHook);
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, consumerGroup);
        mqAdmin = new MQAdminImpl(mQClientFactory);
        if (offsetStore == null) {
            offsetStore = messageModel == MessageModel.BROADCASTING ? new LocalFileOffsetStore(mQClientFactory, consumerGroup)
                : new RemoteBrokerOffsetStore(mQClientFactory, consumerGroup);
        }
        offsetStore.load();
        if (!mQClientFactory.registerConsumer(consumerGroup, this)) {
            throw new MQClientException("The consumer group[" + consumerGroup + "] has been created before, specify another name please.",
                null);
        }
        mQClientFactory.start();
        running = true;
    }

    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        persistConsumerOffset();
        running = false;
        mQClientFactory.unregisterConsumer(consumerGroup);
        mQClientFactory.shutdown();
    }

    private void makeSureStateOK() throws MQClientException {
        if (!running) {
            throw new MQClientException("The consumer service state not OK", null);
        }
    }

    // ---------------------------------------------------------------- pulls

    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, subExpression, offset, maxNums, consumerPullTimeoutMillis);
    }

    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pullSync(mq, FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression), offset, maxNums, false, timeout);
    }

    public PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        SubscriptionData sd = selector == null ? FilterAPI.buildSubscriptionData(mq.getTopic(), "*")
            : FilterAPI.build(mq.getTopic(), selector.getExpression(), selector.getExpressionType());
        return pullSync(mq, sd, offset, maxNums, false, consumerPullTimeoutMillis);
    }

    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        makeSureStateOK();
        SubscriptionData sd = FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression);
        try {
            pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(), 0L, offset, maxNums,
                PullAPIWrapper.buildSysFlag(false, false, true, false), 0, BROKER_SUSPEND_MAX_TIME_MILLIS,
                consumerPullTimeoutMillis, CommunicationMode.ASYNC, new PullCallback() {
                    @Override
                    public void onSuccess(PullResult pullResult) {
                        pullCallback.onSuccess(pullAPIWrapper.processPullResult(mq, pullResult, sd));
                    }

                    @Override
                    public void onException(Throwable e) {
                        pullCallback.onException(e);
                    }
                });
        } catch (MQBrokerException e) {
            throw new MQClientException("pullAsync unknown exception", e);
        }
    }

    /** Like {@link #pull} but the broker holds the request (long polling) until a message arrives or 20 s pass. */
    public PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pullSync(mq, FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression), offset, maxNums, true,
            consumerTimeoutMillisWhenSuspend);
    }

    private PullResult pullSync(MessageQueue mq, SubscriptionData sd, long offset, int maxNums, boolean block, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        if (mq == null) {
            throw new MQClientException("mq is null", null);
        }
        if (offset < 0) {
            throw new MQClientException("offset < 0", null);
        }
        if (maxNums <= 0) {
            throw new MQClientException("maxNums <= 0", null);
        }
        long rpcTimeout = block ? Math.max(timeout, BROKER_SUSPEND_MAX_TIME_MILLIS + 5000) : timeout;
        PullResult result = pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(), 0L, offset, maxNums,
            PullAPIWrapper.buildSysFlag(false, block, true, false), 0, BROKER_SUSPEND_MAX_TIME_MILLIS, rpcTimeout,
            CommunicationMode.SYNC, null);
        return pullAPIWrapper.processPullResult(mq, result, sd);
    }

    // ---------------------------------------------------------------- offsets and queues

    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        offsetStore.updateOffset(mq, offset, false);
    }

    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        makeSureStateOK();
        return offsetStore.readOffset(mq, fromStore ? ReadOffsetType.READ_FROM_STORE : ReadOffsetType.MEMORY_FIRST_THEN_STORE);
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.fetchSubscribeMessageQueues(topic);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.maxOffset(mq);
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.minOffset(mq);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        makeSureStateOK();
        return mqAdmin.searchOffset(mq, timestamp);
    }

    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        makeSureStateOK();
        String addr = brokerName != null ? mQClientFactory.findBrokerAddressInPublish(brokerName)
            : io.apogee.remoting.common.RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
        mQClientFactory.getMQClientAPIImpl().consumerSendMessageBack(addr, msg, consumerGroup, delayLevel, 3000, maxReconsumeTimes);
    }

    // ---------------------------------------------------------------- MQConsumerInner

    @Override
    public String groupName() {
        return consumerGroup;
    }

    @Override
    public MessageModel messageModel() {
        return messageModel;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        Set<SubscriptionData> result = new HashSet<>();
        for (String topic : registerTopics) {
            result.add(FilterAPI.buildSubscriptionData(topic, "*"));
        }
        return result;
    }

    @Override
    public void doRebalance() {
    }

    @Override
    public void persistConsumerOffset() {
        if (running && offsetStore != null) {
            offsetStore.persistAll(new HashSet<>(offsetStore.cloneOffsetTable(null).keySet()));
        }
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return false;
    }

    @Override
    public Map<MessageQueue, Long> consumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    // ---------------------------------------------------------------- settings

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public long getConsumerPullTimeoutMillis() {
        return consumerPullTimeoutMillis;
    }

    public void setConsumerPullTimeoutMillis(long consumerPullTimeoutMillis) {
        this.consumerPullTimeoutMillis = consumerPullTimeoutMillis;
    }

    public long getConsumerTimeoutMillisWhenSuspend() {
        return consumerTimeoutMillisWhenSuspend;
    }

    public void setConsumerTimeoutMillisWhenSuspend(long consumerTimeoutMillisWhenSuspend) {
        this.consumerTimeoutMillisWhenSuspend = consumerTimeoutMillisWhenSuspend;
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

    public Set<String> getRegisterTopics() {
        return registerTopics;
    }

    public void setRegisterTopics(Set<String> registerTopics) {
        this.registerTopics = registerTopics;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }
}
