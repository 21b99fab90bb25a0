package io.apogee.client.impl.consumer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.protocol.body.MessageQueue;

/** One monitor per queue, so only one thread consumes a queue at a time in orderly mode. */
public class MessageQueueLock {
    private final ConcurrentMap<MessageQueue, Object> mqLockTable = new ConcurrentHashMap<>();

    public Object fetchLockObject(MessageQueue mq) {
        return mqLockTable.computeIfAbsent(mq, k -> new Object());
    }
}
