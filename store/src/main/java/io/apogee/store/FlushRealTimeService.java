package io.apogee.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.store.config.MessageStoreConfig;

/**
 * ASYNC_FLUSH: every {@code flushIntervalCommitLog} ms, flushes once at least {@code flushCommitLogLeastPages}
 * pages are dirty, and everything every {@code flushCommitLogThoroughInterval} ms. Appends never wait.
 */
public class FlushRealTimeService extends FlushCommitLogService {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final MappedFileQueue mappedFileQueue;
    private final MessageStoreConfig config;
    private final StoreCheckpoint checkpoint;
    private long lastFlushTimestamp = 0;

    public FlushRealTimeService(MappedFileQueue mappedFileQueue, MessageStoreConfig config, StoreCheckpoint checkpoint) {
        this.mappedFileQueue = mappedFileQueue;
        this.config = config;
        this.checkpoint = checkpoint;
    }

    @Override
    public String getServiceName() {
        return "FlushRealTimeService";
    }

    @Override
    public boolean waitForFlush(long offset, long timeoutMs) {
        if (!config.isFlushCommitLogTimed()) {
            wakeup();
        }
        return true;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            int interval = config.getFlushIntervalCommitLog();
            int leastPages = config.getFlushCommitLogLeastPages();
            long now = System.currentTimeMillis();
            if (now >= lastFlushTimestamp + config.getFlushCommitLogThoroughInterval()) {
                lastFlushTimestamp = now;
                leastPages = 0;
            }
            try {
                if (config.isFlushCommitLogTimed()) {
                    Thread.sleep(interval);
                } else {
                    waitForRunning(interval);
                }
                mappedFileQueue.flush(leastPages);
                long storeTimestamp = mappedFileQueue.getStoreTimestamp();
                if (storeTimestamp > 0) {
                    checkpoint.setPhysicMsgTimestamp(storeTimestamp);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                log.warn("{} service has exception.", getServiceName(), e);
            }
        }
        // Normal shutdown: make sure everything appended reaches the disk.
        boolean result = false;
        for (int i = 0; i < RETRY_TIMES_OVER && !result; i++) {
            result = mappedFileQueue.flush(0);
        }
        if (mappedFileQueue.getStoreTimestamp() > 0) {
            checkpoint.setPhysicMsgTimestamp(mappedFileQueue.getStoreTimestamp());
        }
        log.info("{} service end", getServiceName());
    }
}
