package io.apogee.client.impl.consumer;

import java.util.List;
import java.util.Set;

import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeType;

/**
 * Rebalance for a lite pull consumer in subscribe mode: owning a queue means the consumer runs a pull task
 * for it; the start offset is computed by that task, so any non-negative value does here.
 */
public class RebalanceLitePullImpl extends RebalanceImpl {
    private final DefaultLitePullConsumerImpl consumerImpl;

    RebalanceLitePullImpl(DefaultLitePullConsumerImpl consumerImpl) {
        super(null, null, null, null);
        this.consumerImpl = consumerImpl;
    }

    void init() {
        this.consumerGroup = consumerImpl.getDefaultLitePullConsumer().getConsumerGroup();
        this.messageModel = consumerImpl.getDefaultLitePullConsumer().getMessageModel();
        this.allocateMessageQueueStrategy = consumerImpl.getDefaultLitePullConsumer().getAllocateMessageQueueStrategy();
        this.mQClientFactory = consumerImpl.getmQClientFactory();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        consumerImpl.updateAssignedForTopic(topic, mqDivided, processQueueTable);
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        consumerImpl.releaseQueue(mq);
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        consumerImpl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return 0;
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
