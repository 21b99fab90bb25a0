package io.apogee.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.store.config.MessageStoreConfig;
import io.apogee.store.index.IndexService;

/**
 * After CommitLog files were deleted, deletes ConsumeQueue and index files that only point below the
 * CommitLog's new minimum offset, and moves each queue's min offset forward.
 */
public class CleanConsumeQueueService {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private long lastPhysicalMinOffset = 0;

    public CleanConsumeQueueService(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable table,
                                    IndexService indexService) {
        this.config = config;
        this.commitLog = commitLog;
        this.consumeQueueTable = table;
        this.indexService = indexService;
    }

    public void run() {
        try {
            deleteExpiredFiles();
        } catch (Throwable e) {
            log.warn("CleanConsumeQueueService has exception.", e);
        }
    }

    private void deleteExpiredFiles() {
        long minOffset = commitLog.getMinOffset();
        if (minOffset > lastPhysicalMinOffset) {
            boolean complete = true;
            for (ConsumeQueue cq : consumeQueueTable.all()) {
                int deleteCount = cq.deleteExpiredFile(minOffset);
                complete &= !cq.hasPendingDeletion();
                if (deleteCount > 0 && config.getDeleteConsumeQueueFilesInterval() > 0) {
                    try {
                        Thread.sleep(config.getDeleteConsumeQueueFilesInterval());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            indexService.deleteExpiredFile(minOffset);
            if (complete) {
                lastPhysicalMinOffset = minOffset; // else retry the held files next round
            }
        }
    }
}
