package io.apogee.client.consumer.listener;

import io.apogee.common.protocol.body.MessageQueue;

/**
 * Per-call context of a concurrent listener. {@code delayLevelWhenNextConsume}: 0 lets the broker choose the
 * retry delay, -1 sends failed messages straight to the dead-letter queue, &gt;0 picks a level.
 * {@code ackIndex}: messages up to this index count as consumed even on RECONSUME_LATER.
 */
public class ConsumeConcurrentlyContext {
    private final MessageQueue messageQueue;
    private int delayLevelWhenNextConsume = 0;
    private int ackIndex = Integer.MAX_VALUE;

    public ConsumeConcurrentlyContext(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void setDelayLevelWhenNextConsume(int delayLevelWhenNextConsume) {
        this.delayLevelWhenNextConsume = delayLevelWhenNextConsume;
    }

    public int getAckIndex() {
        return ackIndex;
    }

    public void setAckIndex(int ackIndex) {
        this.ackIndex = ackIndex;
    }
}
