package io.apogee.client.impl.consumer;

import java.util.List;
import java.util.Set;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.MixAll;
import io.apogee.common.UtilAll;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;

/** Rebalance for the push consumer: owning a queue means pulling it; giving it up persists its offset. */
public class RebalancePushImpl extends RebalanceImpl {
    private final DefaultMQPushConsumerImpl consumerImpl;

    public RebalancePushImpl(DefaultMQPushConsumerImpl consumerImpl) {
        super(null, null, null, null);
        this.consumerImpl = consumerImpl;
    }

    void init() {
        this.consumerGroup = consumerImpl.getDefaultMQPushConsumer().getConsumerGroup();
        this.messageModel = consumerImpl.getDefaultMQPushConsumer().getMessageModel();
        this.allocateMessageQueueStrategy = consumerImpl.getDefaultMQPushConsumer().getAllocateMessageQueueStrategy();
        this.mQClientFactory = consumerImpl.getmQClientFactory();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        // pullThresholdForTopic / pullThresholdSizeForTopic: split the topic-wide budget over the owned queues
        DefaultMQPushConsumer c = consumerImpl.getDefaultMQPushConsumer();
        int queues = mqDivided.size();
        if (queues == 0 || topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return;
        }
        if (c.getPullThresholdForTopic() != -1) {
            int perQueue = Math.max(1, c.getPullThresholdForTopic() / queues);
            log.info("The pullThresholdForQueue is changed from {} to {}", c.getPullThresholdForQueue(), perQueue);
            c.setPullThresholdForQueue(perQueue);
        }
        if (c.getPullThresholdSizeForTopic() != -1) {
            int perQueue = Math.max(1, c.getPullThresholdSizeForTopic() / queues);
            log.info("The pullThresholdSizeForQueue is changed from {} to {}", c.getPullThresholdSizeForQueue(), perQueue);
            c.setPullThresholdSizeForQueue(perQueue);
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        OffsetStore store = consumerImpl.getOffsetStore();
        store.persist(mq);
        store.removeOffset(mq);
        if (consumerImpl.isConsumeOrderly() && messageModel == MessageModel.CLUSTERING) {
            return tryUnlockOrderly(mq, pq);
        }
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        consumerImpl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        OffsetStore store = consumerImpl.getOffsetStore();
        long lastOffset = store.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (lastOffset >= 0) {
            return lastOffset;
        }
        if (lastOffset != -1) {
            return -1;
        }
        boolean retry = mq.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX);
        try {
            switch (consumerImpl.getDefaultMQPushConsumer().getConsumeFromWhere()) {
                case CONSUME_FROM_FIRST_OFFSET:
                    return 0;
                case CONSUME_FROM_TIMESTAMP:
                    if (retry) {
                        return consumerImpl.getMqAdmin().maxOffset(mq);
                    }
                    long ts = parseTimestamp(consumerImpl.getDefaultMQPushConsumer().getConsumeTimestamp());
                    return consumerImpl.getMqAdmin().searchOffset(mq, ts);
                default:
                    return retry ? 0 : consumerImpl.getMqAdmin().maxOffset(mq);
            }
        } catch (MQClientException e) {
            log.warn("Compute consume offset from last offset exception, mq={}: {}", mq, e.toString());
            return -1;
        }
    }

    /** {@code yyyyMMddHHmmss} in local time, as {@code consumeTimestamp} is written. */
    static long parseTimestamp(String yyyyMMddHHmmss) {
        java.time.LocalDateTime t = java.time.LocalDateTime.parse(yyyyMMddHHmmss,
            java.time.format.DateTimeFormatter.ofPattern(UtilAll.YYYYMMDDHHMMSS));
        return t.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
        for (PullRequest pr : pullRequestList) {
            consumerImpl.executePullRequestImmediately(pr);
            log.info("doRebalance, {}, add a new pull request {}", consumerGroup, pr);
        }
    }
}
