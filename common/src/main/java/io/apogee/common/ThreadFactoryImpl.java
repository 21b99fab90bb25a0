package io.apogee.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** Names pool threads "prefix" + index so thread dumps say who owns them. */
public final class ThreadFactoryImpl implements ThreadFactory {
    private final AtomicLong index = new AtomicLong(0);
    private final String prefix;
    private final boolean daemon;

    public ThreadFactoryImpl(String prefix) {
        this(prefix, false);
    }

    public ThreadFactoryImpl(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + index.incrementAndGet());
        t.setDaemon(daemon);
        return t;
    }
}
