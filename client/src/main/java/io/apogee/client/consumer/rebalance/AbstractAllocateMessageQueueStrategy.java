package io.apogee.client.consumer.rebalance;

import java.util.List;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argument checks shared by the strategies. */
public abstract class AbstractAllocateMessageQueueStrategy implements AllocateMessageQueueStrategy {
    private static final Logger log = LoggerFactory.getLogger(AbstractAllocateMessageQueueStrategy.class);

    /** False when there is nothing to allocate to {@code currentCID}. */
    protected boolean check(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (currentCID == null || currentCID.isEmpty()) {
            throw new IllegalArgumentException("currentCID is empty");
        }
        if (mqAll == null || mqAll.isEmpty() || cidAll == null || cidAll.isEmpty()) {
            return false;
        }
        if (!cidAll.contains(currentCID)) {
            log.info("[BUG] ConsumerGroup: {} The consumerId: {} not in cidAll: {}", consumerGroup, currentCID, cidAll);
            return false;
        }
        return true;
    }
}
