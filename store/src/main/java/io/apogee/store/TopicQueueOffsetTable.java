package io.apogee.store;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Next logical offset of every topic/queue. Keyed by topic then queue id (no "topic-queueId" string per
 * message). Written only under the CommitLog put lock; the arrays are replaced, never shrunk, so readers
 * outside the lock see a consistent, possibly slightly old, value.
 */
final class TopicQueueOffsetTable {
    private final Map<String, long[]> table = new ConcurrentHashMap<>();

    long get(String topic, int queueId) {
        long[] offsets = table.get(topic);
        return offsets == null || queueId >= offsets.length ? 0 : offsets[queueId];
    }

    void set(String topic, int queueId, long offset) {
        long[] offsets = table.get(topic);
        if (offsets == null || queueId >= offsets.length) {
            long[] grown = offsets == null ? new long[Math.max(8, queueId + 1)]
                : Arrays.copyOf(offsets, Math.max(offsets.length * 2, queueId + 1));
            offsets = grown;
            table.put(topic, grown);
        }
        offsets[queueId] = offset;
    }

    void remove(String topic) {
        table.remove(topic);
    }

    void clear() {
        table.clear();
    }
}
