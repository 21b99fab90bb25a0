package io.apogee.client.producer.selector;

import java.util.List;

import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.MessageQueue;

/** {@code abs(arg.hashCode()) % size}. */
public class SelectMessageQueueByHash implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        int value = arg.hashCode() % mqs.size();
        return mqs.get(Math.abs(value));
    }
}
