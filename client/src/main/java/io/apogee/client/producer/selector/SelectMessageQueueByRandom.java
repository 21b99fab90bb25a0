package io.apogee.client.producer.selector;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.MessageQueue;

/** A uniformly random queue. */
public class SelectMessageQueueByRandom implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        return mqs.get(ThreadLocalRandom.current().nextInt(mqs.size()));
    }
}
