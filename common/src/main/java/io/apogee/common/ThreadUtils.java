package io.apogee.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Executors with bounded queues: a full queue must reject (and the caller answer SYSTEM_BUSY), never grow. */
public final class ThreadUtils {
    private ThreadUtils() {
    }

    public static ThreadPoolExecutor newFixedThreadPool(int threads, int queueCapacity, String threadNamePrefix) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity), new ThreadFactoryImpl(threadNamePrefix));
    }

    /** Shuts a pool down, waiting a bounded time for running tasks. */
    public static void shutdownGracefully(ExecutorService executor, long timeout, TimeUnit unit) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout, unit)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
