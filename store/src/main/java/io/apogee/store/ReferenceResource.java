package io.apogee.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reference counting for a mapping that readers use while cleanup may want to unmap it. Unmapping memory that
 * another thread still reads crashes the JVM, so a file is only released once every holder let go, or after a
 * grace period has passed (then the holder is assumed hung).
 */
public abstract class ReferenceResource {
    protected final AtomicLong refCount = new AtomicLong(1);
    protected volatile boolean available = true;
    protected volatile boolean cleanupOver = false;
    private volatile long firstShutdownTimestamp = 0;

    /** Takes a reference; false when the resource is already being shut down. */
    public synchronized boolean hold() {
        if (isAvailable()) {
            if (refCount.getAndIncrement() > 0) {
                return true;
            }
            refCount.getAndDecrement();
        }
        return false;
    }

    public boolean isAvailable() {
        return available;
    }

    public void shutdown(long intervalForcibly) {
        if (available) {
            available = false;
            firstShutdownTimestamp = System.currentTimeMillis();
            release();
        } else if (getRefCount() > 0 && System.currentTimeMillis() - firstShutdownTimestamp >= intervalForcibly) {
            refCount.set(-1000 - getRefCount());
            release();
        }
    }

    public void release() {
        long value = refCount.decrementAndGet();
        if (value > 0) {
            return;
        }
        synchronized (this) {
            cleanupOver = cleanup(value);
        }
    }

    public long getRefCount() {
        return refCount.get();
    }

    public abstract boolean cleanup(long currentRef);

    public boolean isCleanupOver() {
        return refCount.get() <= 0 && cleanupOver;
    }
}
