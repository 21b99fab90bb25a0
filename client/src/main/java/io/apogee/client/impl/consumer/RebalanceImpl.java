package io.apogee.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.client.impl.FindBrokerResult;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.LockBatchRequestBody;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.UnlockBatchRequestBody;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which queues this consumer owns (clustering: the allocation strategy over the group's members;
 * broadcasting: all of them), creates and drops process queues accordingly, and holds the broker-side
 * queue locks of orderly consumers. Subclasses say what owning a queue means for their consumer kind.
 */
public abstract class RebalanceImpl {
    protected static final Logger log = LoggerFactory.getLogger(RebalanceImpl.class);

    protected final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable = new ConcurrentHashMap<>(64);
    protected final ConcurrentMap<String, Set<MessageQueue>> topicSubscribeInfoTable = new ConcurrentHashMap<>();
    protected final ConcurrentMap<String, SubscriptionData> subscriptionInner = new ConcurrentHashMap<>();
    protected String consumerGroup;
    protected MessageModel messageModel;
    protected AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    protected MQClientInstance mQClientFactory;

    protected RebalanceImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                            MQClientInstance mQClientFactory) {
        this.consumerGroup = consumerGroup;
        this.messageModel = messageModel;
        this.allocateMessageQueueStrategy = strategy;
        this.mQClientFactory = mQClientFactory;
    }

    public abstract ConsumeType consumeType();

    public abstract void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided);

    public abstract boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq);

    public abstract void removeDirtyOffset(MessageQueue mq);

    /** Where a newly owned queue starts; negative when it cannot be determined now. */
    public abstract long computePullFromWhere(MessageQueue mq);

    public abstract void dispatchPullRequest(List<PullRequest> pullRequestList);

    // ---------------------------------------------------------------- locks (orderly)

    public void unlock(MessageQueue mq, boolean oneway) {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
        if (broker == null) {
            return;
        }
        UnlockBatchRequestBody body = new UnlockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(mQClientFactory.getClientId());
        body.getMqSet().add(mq);
        try {
            mQClientFactory.getMQClientAPIImpl().unlockBatchMQ(broker.getBrokerAddr(), body, 1000, oneway);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("unlockBatchMQ exception, {}: {}", mq, e.toString());
        }
    }

    public void unlockAll(boolean oneway) {
        for (Map.Entry<String, Set<MessageQueue>> e : buildProcessQueueTableByBrokerName().entrySet()) {
            FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(e.getKey(), MixAll.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            UnlockBatchRequestBody body = new UnlockBatchRequestBody();
            body.setConsumerGroup(consumerGroup);
            body.setClientId(mQClientFactory.getClientId());
            body.setMqSet(e.getValue());
            try {
                mQClientFactory.getMQClientAPIImpl().unlockBatchMQ(broker.getBrokerAddr(), body, 1000, oneway);
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq != null) {
                        pq.setLocked(false);
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                log.warn("unlockBatchMQ exception, {}: {}", e.getValue(), ex.toString());
            }
        }
    }

    private Map<String, Set<MessageQueue>> buildProcessQueueTableByBrokerName() {
        Map<String, Set<MessageQueue>> result = new HashMap<>();
        for (Map.Entry<MessageQueue, ProcessQueue> e : processQueueTable.entrySet()) {
            if (!e.getValue().isDropped()) {
                result.computeIfAbsent(e.getKey().getBrokerName(), k -> new HashSet<>()).add(e.getKey());
            }
        }
        return result;
    }

    public boolean lock(MessageQueue mq) {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
        if (broker == null) {
            return false;
        }
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(mQClientFactory.getClientId());
        body.getMqSet().add(mq);
        try {
            Set<MessageQueue> locked = mQClientFactory.getMQClientAPIImpl().lockBatchMQ(broker.getBrokerAddr(), body, 1000);
            for (MessageQueue m : locked) {
                ProcessQueue pq = processQueueTable.get(m);
                if (pq != null) {
                    pq.setLocked(true);
                    pq.setLastLockTimestamp(System.currentTimeMillis());
                }
            }
            return locked.contains(mq);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("lockBatchMQ exception, {}: {}", mq, e.toString());
        }
        return false;
    }

    public void lockAll() {
        for (Map.Entry<String, Set<MessageQueue>> e : buildProcessQueueTableByBrokerName().entrySet()) {
            FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(e.getKey(), MixAll.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            LockBatchRequestBody body = new LockBatchRequestBody();
            body.setConsumerGroup(consumerGroup);
            body.setClientId(mQClientFactory.getClientId());
            body.setMqSet(e.getValue());
            try {
                Set<MessageQueue> locked = mQClientFactory.getMQClientAPIImpl().lockBatchMQ(broker.getBrokerAddr(), body, 1000);
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq == null) {
                        continue;
                    }
                    if (locked.contains(mq)) {
                        pq.setLocked(true);
                        pq.setLastLockTimestamp(System.currentTimeMillis());
                    } else {
                        pq.setLocked(false);
                        log.info("the message queue locked Failed, Group: {} {}", consumerGroup, mq);
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                log.warn("lockBatchMQ exception, {}: {}", e.getValue(), ex.toString());
            }
        }
    }

    // ---------------------------------------------------------------- rebalance

    public void doRebalance(boolean isOrder) {
        for (String topic : subscriptionInner.keySet()) {
            try {
                rebalanceByTopic(topic, isOrder);
            } catch (Throwable t) {
                if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                    log.warn("rebalanceByTopic exception, topic {}", topic, t);
                }
            }
        }
        truncateMessageQueueNotMyTopic();
    }

    private void rebalanceByTopic(String topic, boolean isOrder) {
        Set<MessageQueue> mqSet = topicSubscribeInfoTable.get(topic);
        if (messageModel == MessageModel.BROADCASTING) {
            if (mqSet == null) {
                if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                    log.warn("doRebalance, {}, but the topic[{}] not exist.", consumerGroup, topic);
                }
                return;
            }
            if (updateProcessQueueTableInRebalance(topic, mqSet, isOrder)) {
                messageQueueChanged(topic, mqSet, mqSet);
            }
            return;
        }
        List<String> cidAll = mQClientFactory.findConsumerIdList(topic, consumerGroup);
        if (mqSet == null || cidAll == null || cidAll.isEmpty()) {
            if (mqSet == null && !topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                log.warn("doRebalance, {}, but the topic[{}] not exist.", consumerGroup, topic);
            }
            return;
        }
        List<MessageQueue> mqAll = new ArrayList<>(mqSet);
        List<String> cids = new ArrayList<>(cidAll);
        Collections.sort(mqAll);
        Collections.sort(cids);
        List<MessageQueue> allocated;
        try {
            allocated = allocateMessageQueueStrategy.allocate(consumerGroup, mQClientFactory.getClientId(), mqAll, cids);
        } catch (Throwable t) {
            log.error("AllocateMessageQueueStrategy.allocate Exception. allocateMessageQueueStrategyName={}",
                allocateMessageQueueStrategy.getName(), t);
            return;
        }
        Set<MessageQueue> allocateResultSet = allocated == null ? new HashSet<>() : new HashSet<>(allocated);
        if (updateProcessQueueTableInRebalance(topic, allocateResultSet, isOrder)) {
            log.info("rebalanced result changed. group={}, topic={}, clientId={}, mqAllSize={}, cidAllSize={}, rebalanceResultSize={}, "
                + "rebalanceResultSet={}", consumerGroup, topic, mQClientFactory.getClientId(), mqSet.size(), cidAll.size(),
                allocateResultSet.size(), allocateResultSet);
            messageQueueChanged(topic, mqSet, allocateResultSet);
        }
    }

    private void truncateMessageQueueNotMyTopic() {
        for (MessageQueue mq : processQueueTable.keySet()) {
            if (!subscriptionInner.containsKey(mq.getTopic())) {
                ProcessQueue pq = processQueueTable.remove(mq);
                if (pq != null) {
                    pq.setDropped(true);
                    log.info("doRebalance, {}, truncateMessageQueueNotMyTopic remove unnecessary mq, {}", consumerGroup, mq);
                }
            }
        }
    }

    private boolean updateProcessQueueTableInRebalance(String topic, Set<MessageQueue> mqSet, boolean isOrder) {
        boolean changed = false;
        Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = processQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, ProcessQueue> e = it.next();
            MessageQueue mq = e.getKey();
            ProcessQueue pq = e.getValue();
            if (!mq.getTopic().equals(topic)) {
                continue;
            }
            if (!mqSet.contains(mq)) {
                pq.setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, pq)) {
                    it.remove();
                    changed = true;
                    log.info("doRebalance, {}, remove unnecessary mq, {}", consumerGroup, mq);
                }
            } else if (pq.isPullExpired() && consumeType() == ConsumeType.CONSUME_PASSIVELY) {
                pq.setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, pq)) {
                    it.remove();
                    changed = true;
                    log.warn("[BUG]doRebalance, {}, remove unnecessary mq, {}, because pull is pause, so try to fixed it",
                        consumerGroup, mq);
                }
            }
        }
        List<PullRequest> pullRequests = new ArrayList<>();
        for (MessageQueue mq : mqSet) {
            if (processQueueTable.containsKey(mq)) {
                continue;
            }
            if (isOrder && !lock(mq)) {
                log.warn("doRebalance, {}, add a new mq failed, {}, because lock failed", consumerGroup, mq);
                continue;
            }
            removeDirtyOffset(mq);
            ProcessQueue pq = new ProcessQueue();
            long nextOffset = computePullFromWhere(mq);
            if (nextOffset < 0) {
                log.warn("doRebalance, {}, add new mq failed, {}", consumerGroup, mq);
                continue;
            }
            if (isOrder) {
                pq.setLocked(true);
                pq.setLastLockTimestamp(System.currentTimeMillis());
            }
            if (processQueueTable.putIfAbsent(mq, pq) == null) {
                log.info("doRebalance, {}, add a new mq, {}", consumerGroup, mq);
                PullRequest pr = new PullRequest();
                pr.setConsumerGroup(consumerGroup);
                pr.setNextOffset(nextOffset);
                pr.setMessageQueue(mq);
                pr.setProcessQueue(pq);
                pullRequests.add(pr);
                changed = true;
            }
        }
        dispatchPullRequest(pullRequests);
        return changed;
    }

    public void removeProcessQueue(MessageQueue mq) {
        ProcessQueue pq = processQueueTable.remove(mq);
        if (pq != null) {
            pq.setDropped(true);
            removeUnnecessaryMessageQueue(mq, pq);
        }
    }

    /** For orderly consumers: try to take a queue's consume lock before giving the queue up. */
    protected boolean tryUnlockOrderly(MessageQueue mq, ProcessQueue pq) {
        try {
            if (pq.getConsumeLock().tryLock(1000, TimeUnit.MILLISECONDS)) {
                try {
                    unlock(mq, true);
                    return true;
                } finally {
                    pq.getConsumeLock().unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    public void destroy() {
        for (ProcessQueue pq : processQueueTable.values()) {
            pq.setDropped(true);
        }
        processQueueTable.clear();
    }

    public ConcurrentMap<MessageQueue, ProcessQueue> getProcessQueueTable() {
        return processQueueTable;
    }

    public ConcurrentMap<String, Set<MessageQueue>> getTopicSubscribeInfoTable() {
        return topicSubscribeInfoTable;
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionInner() {
        return subscriptionInner;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public void setmQClientFactory(MQClientInstance mQClientFactory) {
        this.mQClientFactory = mQClientFactory;
    }
}
