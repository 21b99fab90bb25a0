package io.apogee.common;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named background loop with an owner that starts and stops it. Subclasses implement {@link #run()},
 * looping while {@link #isStopped()} is false and sleeping with {@link #waitForRunning(long)}, which
 * {@link #wakeup()} cuts short.
 */
public abstract class ServiceThread implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ServiceThread.class);
    private static final long JOIN_TIME_MS = 90_000;

    private final AtomicBoolean started = new AtomicBoolean(false);
    private final AtomicBoolean hasNotified = new AtomicBoolean(false);
    private volatile CountDownLatch waitPoint = new CountDownLatch(1);
    protected volatile boolean stopped = false;
    private Thread thread;
    private final boolean daemon;

    protected ServiceThread() {
        this(false);
    }

    protected ServiceThread(boolean daemon) {
        this.daemon = daemon;
    }

    public abstract String getServiceName();

    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        stopped = false;
        thread = new Thread(this, getServiceName());
        thread.setDaemon(daemon);
        thread.start();
        log.info("Started service thread {}", getServiceName());
    }

    public void shutdown() {
        shutdown(false);
    }

    /** Stops the loop and waits for it to finish its current round; interrupt only when asked. */
    public void shutdown(boolean interrupt) {
        if (!started.compareAndSet(true, false)) {
            return;
        }
        stopped = true;
        wakeup();
        try {
            if (interrupt) {
                thread.interrupt();
            }
            if (!thread.isDaemon() && Thread.currentThread() != thread) {
                thread.join(getJoinTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopped service thread {}", getServiceName());
    }

    protected long getJoinTime() {
        return JOIN_TIME_MS;
    }

    public void wakeup() {
        if (hasNotified.compareAndSet(false, true)) {
            waitPoint.countDown();
        }
    }

    /**
     * Sleeps up to {@code intervalMs}, returning early if {@link #wakeup()} was called since the last
     * wait (a wake-up before the wait is not lost), then calls {@link #onWaitEnd()}.
     */
    protected void waitForRunning(long intervalMs) {
        if (hasNotified.compareAndSet(true, false)) {
            onWaitEnd();
            return;
        }
        waitPoint = new CountDownLatch(1);
        // A wakeup() between the check above and the new latch would count down the old latch:
        // re-check so it is not lost.
        if (hasNotified.get()) {
            waitPoint.countDown();
        }
        try {
            waitPoint.await(intervalMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hasNotified.set(false);
            onWaitEnd();
        }
    }

    protected void onWaitEnd() {
    }

    public boolean isStopped() {
        return stopped;
    }

    public boolean isStarted() {
        return started.get();
    }
}
