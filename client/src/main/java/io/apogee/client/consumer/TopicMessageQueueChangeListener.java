package io.apogee.client.consumer;

import java.util.Set;

import io.apogee.common.protocol.body.MessageQueue;

/** Told by a lite pull consumer when the queue set of a watched topic changes (new queues, brokers gone). */
public interface TopicMessageQueueChangeListener {
    void onChanged(String topic, Set<MessageQueue> messageQueues);
}
