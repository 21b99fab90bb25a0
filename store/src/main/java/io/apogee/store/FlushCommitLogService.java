package io.apogee.store;

import io.apogee.common.ServiceThread;

/** The thread that moves CommitLog bytes to disk; which variant runs depends on flushDiskType. */
public abstract class FlushCommitLogService extends ServiceThread {
    protected static final int RETRY_TIMES_OVER = 10;

    /**
     * Waits until everything below {@code offset} is on disk, up to {@code timeoutMs}. Only the group
     * commit variant waits; the asynchronous one just nudges its thread and returns true.
     */
    public abstract boolean waitForFlush(long offset, long timeoutMs);

    @Override
    protected long getJoinTime() {
        return 60_000;
    }
}
