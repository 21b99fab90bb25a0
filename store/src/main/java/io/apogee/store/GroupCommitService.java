package io.apogee.store;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH group commit: appenders publish the offset they need on disk and wait; one fsync covers every
 * waiter below the flushed position. Waiters park on a monitor and compare offsets, so a put allocates no
 * request object.
 *
 * <p>{@link #flushAsync} is the non-blocking form the broker uses: the send thread does not wait for the
 * disk, so a few send threads can have many requests riding on each fsync. Its futures complete on this
 * service's thread once the flushed position passes their offset, or with false at their deadline.
 */
public class GroupCommitService extends FlushCommitLogService {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final MappedFileQueue mappedFileQueue;
    private final StoreCheckpoint checkpoint;
    private final AtomicLong requestedOffset = new AtomicLong();
    private final Object flushed = new Object();
    private final ConcurrentLinkedQueue<FlushRequest> pending = new ConcurrentLinkedQueue<>();
    private static final CompletableFuture<Boolean> ALREADY_FLUSHED = CompletableFuture.completedFuture(Boolean.TRUE);

    private record FlushRequest(long offset, long deadlineNanos, CompletableFuture<Boolean> future) {
    }

    public GroupCommitService(MappedFileQueue mappedFileQueue, StoreCheckpoint checkpoint) {
        this.mappedFileQueue = mappedFileQueue;
        this.checkpoint = checkpoint;
    }

    @Override
    public String getServiceName() {
        return "GroupCommitService";
    }

    @Override
    public boolean waitForFlush(long offset, long timeoutMs) {
        if (mappedFileQueue.getFlushedWhere() >= offset) {
            return true;
        }
        requestedOffset.accumulateAndGet(offset, Math::max);
        wakeup();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (flushed) {
            while (mappedFileQueue.getFlushedWhere() < offset) {
                long remainingNs = deadline - System.nanoTime();
                if (remainingNs <= 0 || isStopped() && !isStarted()) {
                    return mappedFileQueue.getFlushedWhere() >= offset;
                }
                try {
                    flushed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNs)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return mappedFileQueue.getFlushedWhere() >= offset;
                }
            }
        }
        return true;
    }

    /** Completes with true once {@code offset} is on disk, or with false after {@code timeoutMs}. */
    public CompletableFuture<Boolean> flushAsync(long offset, long timeoutMs) {
        if (mappedFileQueue.getFlushedWhere() >= offset) {
            return ALREADY_FLUSHED;
        }
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        pending.add(new FlushRequest(offset, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs), future));
        requestedOffset.accumulateAndGet(offset, Math::max);
        wakeup();
        return future;
    }

    /** Completes the async requests the last flush covered, and fails those past their deadline. */
    private void completePending(boolean shuttingDown) {
        if (pending.isEmpty()) {
            return;
        }
        long flushedWhere = mappedFileQueue.getFlushedWhere();
        long now = System.nanoTime();
        for (Iterator<FlushRequest> it = pending.iterator(); it.hasNext(); ) {
            FlushRequest r = it.next();
            if (flushedWhere >= r.offset()) {
                it.remove();
                r.future().complete(Boolean.TRUE);
            } else if (shuttingDown || now - r.deadlineNanos() >= 0) {
                it.remove();
                r.future().complete(Boolean.FALSE);
            }
        }
    }

    private void doCommit() {
        long target = requestedOffset.get();
        // Crossing into the next file needs a second round: the first one finishes the old file.
        for (int i = 0; i < 2 && mappedFileQueue.getFlushedWhere() < target; i++) {
            mappedFileQueue.flush(0);
        }
        long storeTimestamp = mappedFileQueue.getStoreTimestamp();
        if (storeTimestamp > 0) {
            checkpoint.setPhysicMsgTimestamp(storeTimestamp);
        }
        synchronized (flushed) {
            flushed.notifyAll();
        }
        completePending(false);
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(10);
                if (requestedOffset.get() > mappedFileQueue.getFlushedWhere()) {
                    doCommit();
                } else {
                    completePending(false);
                }
            } catch (Throwable e) {
                log.warn("{} service has exception.", getServiceName(), e);
            }
        }
        // Shutdown: flush what is left and release any waiter.
        for (int i = 0; i < RETRY_TIMES_OVER && !mappedFileQueue.flush(0); i++) {
            log.debug("flushing remaining data before shutdown");
        }
        if (mappedFileQueue.getStoreTimestamp() > 0) {
            checkpoint.setPhysicMsgTimestamp(mappedFileQueue.getStoreTimestamp());
        }
        synchronized (flushed) {
            flushed.notifyAll();
        }
        completePending(true);
        log.info("{} service end", getServiceName());
    }
}
