package io.apogee.broker.client.rebalance;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.protocol.body.MessageQueue;

/**
 * Queue locks of orderly consumers (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ): one owner client per group and queue,
 * expiring after {@code rocketmq.broker.rebalance.lockMaxLiveTime} (60 s) without renewal.
 */
public class RebalanceLockManager {
    private static final long LOCK_MAX_LIVE_TIME =
        Long.parseLong(System.getProperty("rocketmq.broker.rebalance.lockMaxLiveTime", "60000"));

    private record LockEntry(String clientId, long lastUpdate) {
        boolean expired(long now) {
            return now - lastUpdate > LOCK_MAX_LIVE_TIME;
        }
    }

    private final ConcurrentMap<String, ConcurrentMap<MessageQueue, LockEntry>> table = new ConcurrentHashMap<>();

    /** Locks (or renews) the queues for the client; returns the queues the client now holds. */
    public synchronized Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        long now = System.currentTimeMillis();
        ConcurrentMap<MessageQueue, LockEntry> locks = table.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        Set<MessageQueue> ok = new HashSet<>();
        for (MessageQueue mq : mqs) {
            LockEntry e = locks.get(mq);
            if (e == null || e.expired(now) || e.clientId().equals(clientId)) {
                locks.put(mq, new LockEntry(clientId, now));
                ok.add(mq);
            }
        }
        return ok;
    }

    public synchronized void unlockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        ConcurrentMap<MessageQueue, LockEntry> locks = table.get(group);
        if (locks == null) {
            return;
        }
        for (MessageQueue mq : mqs) {
            LockEntry e = locks.get(mq);
            if (e != null && e.clientId().equals(clientId)) {
                locks.remove(mq);
            }
        }
    }

    public synchronized void scanExpired() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, ConcurrentMap<MessageQueue, LockEntry>> g : table.entrySet()) {
            g.getValue().values().removeIf(e -> e.expired(now));
        }
    }
}
