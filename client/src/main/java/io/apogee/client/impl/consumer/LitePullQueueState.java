package io.apogee.client.impl.consumer;

import io.apogee.common.protocol.body.MessageQueue;

/**
 * One queue owned by a lite pull consumer: where the next pull starts, how far {@code poll()} has handed
 * messages out, and a generation that {@code seek} bumps so that pulls and cached batches from before the
 * seek are thrown away. Mutations happen under the object's monitor.
 */
final class LitePullQueueState {
    final MessageQueue mq;
    final ProcessQueue processQueue;
    volatile boolean paused;
    /** Next offset to pull; -1 until computed from the offset store or {@code consumeFromWhere}. */
    long pullOffset = -1;
    /** Offset after the last message returned by {@code poll()}; -1 while nothing was polled. */
    volatile long consumeOffset = -1;
    long generation;

    LitePullQueueState(MessageQueue mq, ProcessQueue processQueue) {
        this.mq = mq;
        this.processQueue = processQueue;
    }

    synchronized long generation() {
        return generation;
    }

    /** Moves both the pull position and the consumed position to {@code offset}, invalidating in-flight work. */
    synchronized void seek(long offset) {
        generation++;
        pullOffset = offset;
        consumeOffset = offset;
        processQueue.clear();
    }

    /** Advances the pull position unless a seek happened since the pull started. */
    synchronized boolean advancePull(long expectedGeneration, long nextOffset) {
        if (generation != expectedGeneration) {
            return false;
        }
        pullOffset = nextOffset;
        return true;
    }
}
