package io.apogee.client.consumer.listener;

import java.util.List;

import io.apogee.common.message.MessageExt;

/** Consumes messages on many threads with no ordering; failed messages are retried later through the broker. */
public interface MessageListenerConcurrently extends MessageListener {
    ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context);
}
