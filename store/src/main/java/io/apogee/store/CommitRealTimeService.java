package io.apogee.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.config.MessageStoreConfig;

/**
 * With transientStorePoolEnable, moves appended bytes from pooled buffers into the file channel every
 * {@code commitIntervalCommitLog} ms, then wakes the flush thread.
 */
public class CommitRealTimeService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final MappedFileQueue mappedFileQueue;
    private final MessageStoreConfig config;
    private final FlushCommitLogService flushService;
    private long lastCommitTimestamp = 0;

    public CommitRealTimeService(MappedFileQueue mappedFileQueue, MessageStoreConfig config,
                                 FlushCommitLogService flushService) {
        this.mappedFileQueue = mappedFileQueue;
        this.config = config;
        this.flushService = flushService;
    }

    @Override
    public String getServiceName() {
        return "CommitRealTimeService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            int leastPages = config.getCommitCommitLogLeastPages();
            long now = System.currentTimeMillis();
            if (now >= lastCommitTimestamp + config.getCommitCommitLogThoroughInterval()) {
                lastCommitTimestamp = now;
                leastPages = 0;
            }
            try {
                boolean nothingNew = mappedFileQueue.commit(leastPages);
                if (!nothingNew) {
                    lastCommitTimestamp = now;
                    flushService.wakeup();
                }
                waitForRunning(config.getCommitIntervalCommitLog());
            } catch (Throwable e) {
                log.error("{} service has exception.", getServiceName(), e);
            }
        }
        for (int i = 0; i < FlushCommitLogService.RETRY_TIMES_OVER && !mappedFileQueue.commit(0); i++) {
            log.debug("committing remaining data before shutdown");
        }
        log.info("{} service end", getServiceName());
    }
}
