package io.apogee.client.consumer.listener;

import java.util.List;

import io.apogee.common.message.MessageExt;

/** Consumes each queue's messages one batch at a time, in queue order, holding the broker's lock on the queue. */
public interface MessageListenerOrderly extends MessageListener {
    ConsumeOrderlyStatus consumeMessage(List<MessageExt> msgs, ConsumeOrderlyContext context);
}
