package io.apogee.client.impl.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;

/**
 * The pulled-but-not-yet-consumed messages of one queue, ordered by queue offset. The lowest offset
 * still held is what may be committed: a message is only acknowledged once everything before it is.
 */
public class ProcessQueue {
    public static final long REBALANCE_LOCK_MAX_LIVE_TIME = Long.getLong("rocketmq.client.rebalance.lockMaxLiveTime", 30_000);
    public static final long REBALANCE_LOCK_INTERVAL = Long.getLong("rocketmq.client.rebalance.lockInterval", 20_000);
    private static final long PULL_MAX_IDLE_TIME = Long.getLong("rocketmq.client.pull.pullMaxIdleTime", 120_000);

    private final ReadWriteLock treeMapLock = new ReentrantReadWriteLock();
    private final TreeMap<Long, MessageExt> msgTreeMap = new TreeMap<>();
    private final TreeMap<Long, MessageExt> consumingMsgOrderlyTreeMap = new TreeMap<>();
    private final AtomicLong msgCount = new AtomicLong();
    private final AtomicLong msgSize = new AtomicLong();
    private final Lock consumeLock = new ReentrantLock();
    private volatile long queueOffsetMax = 0L;
    private volatile boolean dropped = false;
    private volatile long lastPullTimestamp = System.currentTimeMillis();
    private volatile long lastConsumeTimestamp = System.currentTimeMillis();
    private volatile boolean locked = false;
    private volatile long lastLockTimestamp = System.currentTimeMillis();
    private volatile boolean consuming = false;
    private volatile long msgAccCnt = 0;

    public boolean isLockExpired() {
        return System.currentTimeMillis() - lastLockTimestamp > REBALANCE_LOCK_MAX_LIVE_TIME;
    }

    public boolean isPullExpired() {
        return System.currentTimeMillis() - lastPullTimestamp > PULL_MAX_IDLE_TIME;
    }

    /** Adds pulled messages; returns true when an orderly consumer should be told there is work. */
    public boolean putMessage(List<MessageExt> msgs) {
        boolean dispatchToConsume = false;
        treeMapLock.writeLock().lock();
        try {
            int valid = 0;
            for (MessageExt msg : msgs) {
                if (msgTreeMap.put(msg.getQueueOffset(), msg) == null) {
                    valid++;
                    queueOffsetMax = msg.getQueueOffset();
                    msgSize.addAndGet(msg.getBody() == null ? 0 : msg.getBody().length);
                }
            }
            msgCount.addAndGet(valid);
            if (!msgTreeMap.isEmpty() && !consuming) {
                dispatchToConsume = true;
                consuming = true;
            }
            if (!msgs.isEmpty()) {
                String max = msgs.get(msgs.size() - 1).getProperty(MessageConst.PROPERTY_MAX_OFFSET);
                if (max != null) {
                    long acc = Long.parseLong(max) - msgs.get(msgs.size() - 1).getQueueOffset();
                    if (acc > 0) {
                        msgAccCnt = acc;
                    }
                }
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return dispatchToConsume;
    }

    public long getMaxSpan() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? 0 : msgTreeMap.lastKey() - msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /** Removes consumed messages; returns the offset that may now be committed, or -1 if nothing was held. */
    public long removeMessage(List<MessageExt> msgs) {
        long result = -1;
        lastConsumeTimestamp = System.currentTimeMillis();
        treeMapLock.writeLock().lock();
        try {
            if (!msgTreeMap.isEmpty()) {
                result = queueOffsetMax + 1;
                int removed = 0;
                for (MessageExt msg : msgs) {
                    MessageExt prev = msgTreeMap.remove(msg.getQueueOffset());
                    if (prev != null) {
                        removed--;
                        msgSize.addAndGet(-(msg.getBody() == null ? 0 : msg.getBody().length));
                    }
                }
                msgCount.addAndGet(removed);
                if (!msgTreeMap.isEmpty()) {
                    result = msgTreeMap.firstKey();
                }
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return result;
    }

    /**
     * The lowest held message when its consumption started more than {@code timeoutMillis} before {@code now}
     * (the concurrent consumer's {@code consumeTimeout}); null when the head is not expired or not started.
     */
    public MessageExt expiredHead(long timeoutMillis, long now) {
        treeMapLock.readLock().lock();
        try {
            if (msgTreeMap.isEmpty()) {
                return null;
            }
            MessageExt head = msgTreeMap.firstEntry().getValue();
            String started = io.apogee.common.message.MessageAccessor.getConsumeStartTimeStamp(head);
            if (started != null && !started.isEmpty() && now - Long.parseLong(started) > timeoutMillis) {
                return head;
            }
            return null;
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /** This queue's cache and lock state for GET_CONSUMER_RUNNING_INFO. */
    public void fillProcessQueueInfo(io.apogee.common.protocol.body.ProcessQueueInfo info) {
        treeMapLock.readLock().lock();
        try {
            if (!msgTreeMap.isEmpty()) {
                info.setCachedMsgMinOffset(msgTreeMap.firstKey());
                info.setCachedMsgMaxOffset(msgTreeMap.lastKey());
                info.setCachedMsgCount(msgTreeMap.size());
                info.setCachedMsgSizeInMiB((int) (msgSize.get() / (1024 * 1024)));
            }
            if (!consumingMsgOrderlyTreeMap.isEmpty()) {
                info.setTransactionMsgMinOffset(consumingMsgOrderlyTreeMap.firstKey());
                info.setTransactionMsgMaxOffset(consumingMsgOrderlyTreeMap.lastKey());
                info.setTransactionMsgCount(consumingMsgOrderlyTreeMap.size());
            }
        } finally {
            treeMapLock.readLock().unlock();
        }
        info.setLocked(locked);
        info.setLastLockTimestamp(lastLockTimestamp);
        info.setDroped(dropped);
        info.setLastPullTimestamp(lastPullTimestamp);
        info.setLastConsumeTimestamp(lastConsumeTimestamp);
    }

    // ---------------------------------------------------------------- orderly consumption

    public List<MessageExt> takeMessages(int batchSize) {
        List<MessageExt> result = new ArrayList<>(batchSize);
        long now = System.currentTimeMillis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            for (int i = 0; i < batchSize && !msgTreeMap.isEmpty(); i++) {
                Map.Entry<Long, MessageExt> e = msgTreeMap.pollFirstEntry();
                result.add(e.getValue());
                consumingMsgOrderlyTreeMap.put(e.getKey(), e.getValue());
            }
            if (result.isEmpty()) {
                consuming = false;
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return result;
    }

    /** Acknowledges the messages taken for orderly consumption; returns the next offset to commit, or -1. */
    public long commit() {
        treeMapLock.writeLock().lock();
        try {
            if (consumingMsgOrderlyTreeMap.isEmpty()) {
                return -1;
            }
            long offset = consumingMsgOrderlyTreeMap.lastKey();
            msgCount.addAndGet(-consumingMsgOrderlyTreeMap.size());
            for (MessageExt m : consumingMsgOrderlyTreeMap.values()) {
                msgSize.addAndGet(-(m.getBody() == null ? 0 : m.getBody().length));
            }
            consumingMsgOrderlyTreeMap.clear();
            return offset + 1;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public void makeMessageToConsumeAgain(List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            for (MessageExt m : msgs) {
                consumingMsgOrderlyTreeMap.remove(m.getQueueOffset());
                msgTreeMap.put(m.getQueueOffset(), m);
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public void clear() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.clear();
            consumingMsgOrderlyTreeMap.clear();
            msgCount.set(0);
            msgSize.set(0);
            queueOffsetMax = 0L;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public boolean hasTempMessage() {
        treeMapLock.readLock().lock();
        try {
            return !msgTreeMap.isEmpty();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public long getMsgMinOffset() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? -1 : msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public Lock getConsumeLock() {
        return consumeLock;
    }

    public AtomicLong getMsgCount() {
        return msgCount;
    }

    public AtomicLong getMsgSize() {
        return msgSize;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    public long getLastPullTimestamp() {
        return lastPullTimestamp;
    }

    public void setLastPullTimestamp(long lastPullTimestamp) {
        this.lastPullTimestamp = lastPullTimestamp;
    }

    public long getLastConsumeTimestamp() {
        return lastConsumeTimestamp;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public long getLastLockTimestamp() {
        return lastLockTimestamp;
    }

    public void setLastLockTimestamp(long lastLockTimestamp) {
        this.lastLockTimestamp = lastLockTimestamp;
    }

    public long getMsgAccCnt() {
        return msgAccCnt;
    }
}
