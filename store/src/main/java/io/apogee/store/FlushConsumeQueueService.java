package io.apogee.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.config.MessageStoreConfig;
import io.apogee.store.index.IndexService;

/**
 * Flushes ConsumeQueues (and the index file being written) every {@code flushIntervalConsumeQueue} ms, then
 * records in the checkpoint how far they are durable.
 */
public class FlushConsumeQueueService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int RETRY_TIMES_OVER = 3;
    private final ConsumeQueueTable consumeQueueTable;
    private final MessageStoreConfig config;
    private final StoreCheckpoint checkpoint;
    private final IndexService indexService;
    private volatile long lastDispatchedTimestamp;
    private long lastFlushTimestamp = 0;

    public FlushConsumeQueueService(ConsumeQueueTable consumeQueueTable, MessageStoreConfig config,
                                    StoreCheckpoint checkpoint, IndexService indexService) {
        this.consumeQueueTable = consumeQueueTable;
        this.config = config;
        this.checkpoint = checkpoint;
        this.indexService = indexService;
    }

    @Override
    public String getServiceName() {
        return "FlushConsumeQueueService";
    }

    /** Store time of the newest message dispatched so far; becomes the checkpoint after a flush. */
    public void dispatched(long storeTimestamp) {
        lastDispatchedTimestamp = storeTimestamp;
    }

    private void doFlush(int retryTimes) {
        int flushLeastPages = config.getFlushConsumeQueueLeastPages();
        if (retryTimes == RETRY_TIMES_OVER) {
            flushLeastPages = 0;
        }
        long logicsMsgTimestamp = 0;
        long now = System.currentTimeMillis();
        if (now >= lastFlushTimestamp + config.getFlushConsumeQueueThoroughInterval()) {
            lastFlushTimestamp = now;
            flushLeastPages = 0;
        }
        if (flushLeastPages == 0) {
            logicsMsgTimestamp = lastDispatchedTimestamp;
        }
        for (ConsumeQueue cq : consumeQueueTable.all()) {
            boolean result = false;
            for (int i = 0; i < retryTimes && !result; i++) {
                result = cq.flush(flushLeastPages);
            }
        }
        if (flushLeastPages == 0) {
            if (config.isMessageIndexEnable()) {
                indexService.flushLast();
            }
            if (logicsMsgTimestamp > 0) {
                checkpoint.setLogicsMsgTimestamp(logicsMsgTimestamp);
            }
            checkpoint.flush();
        }
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(config.getFlushIntervalConsumeQueue());
                doFlush(1);
            } catch (Throwable e) {
                log.warn("{} service has exception.", getServiceName(), e);
            }
        }
        doFlush(RETRY_TIMES_OVER);
        log.info("{} service end", getServiceName());
    }
}
