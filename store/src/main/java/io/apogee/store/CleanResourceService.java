package io.apogee.store;

import io.apogee.common.ServiceThread;
import io.apogee.store.config.MessageStoreConfig;

/** Runs CommitLog cleanup and then ConsumeQueue/index cleanup every {@code cleanResourceInterval} ms. */
public class CleanResourceService extends ServiceThread {
    private final MessageStoreConfig config;
    private final CleanCommitLogService cleanCommitLogService;
    private final CleanConsumeQueueService cleanConsumeQueueService;

    public CleanResourceService(MessageStoreConfig config, CleanCommitLogService cleanCommitLogService,
                                CleanConsumeQueueService cleanConsumeQueueService) {
        super(true);
        this.config = config;
        this.cleanCommitLogService = cleanCommitLogService;
        this.cleanConsumeQueueService = cleanConsumeQueueService;
    }

    @Override
    public String getServiceName() {
        return "CleanResourceService";
    }

    /** One round: CommitLog first, so ConsumeQueues and index follow its new minimum. */
    public synchronized void cleanOnce() {
        cleanCommitLogService.run();
        cleanConsumeQueueService.run();
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(config.getCleanResourceInterval());
            if (!isStopped()) {
                cleanOnce();
            }
        }
    }
}
