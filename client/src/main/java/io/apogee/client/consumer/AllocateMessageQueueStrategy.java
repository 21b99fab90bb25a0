package io.apogee.client.consumer;

import java.util.List;

import io.apogee.common.protocol.body.MessageQueue;

/**
 * Decides which queues of a topic one member of a consumer group takes. Every member runs the same
 * strategy on the same sorted inputs, so together they cover every queue exactly once.
 */
public interface AllocateMessageQueueStrategy {
    List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll);

    String getName();
}
