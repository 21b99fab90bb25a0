package io.apogee.client.producer;

import java.util.List;

import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.MessageQueue;

/** Picks the queue for a message, typically by hashing a business key so related messages stay ordered. */
public interface MessageQueueSelector {
    MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg);
}
