package io.apogee.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.UtilAll;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Deletes CommitLog files older than {@code fileReservedTime} hours at the {@code deleteWhen} hour, or
 * earlier when the disk passes {@code diskMaxUsedSpaceRatio} / {@code diskSpaceCleanForciblyRatio}; marks the
 * store disk-full (writes refused) above {@code diskSpaceWarningLevelRatio} and clears it once cleanup
 * brought usage back down.
 */
public class CleanCommitLogService {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int MAX_MANUAL_DELETE_FILE_TIMES = 20;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final RunningFlags runningFlags;
    private final DiskSpaceProbe probe;
    private long lastRedeleteTimestamp = 0;
    private volatile int manualDeleteFileSeveralTimes = 0;
    private volatile boolean cleanImmediately = false;

    public CleanCommitLogService(MessageStoreConfig config, CommitLog commitLog, RunningFlags runningFlags,
                                 DiskSpaceProbe probe) {
        this.config = config;
        this.commitLog = commitLog;
        this.runningFlags = runningFlags;
        this.probe = probe;
    }

    public void executeDeleteFilesManually() {
        manualDeleteFileSeveralTimes = MAX_MANUAL_DELETE_FILE_TIMES;
        log.info("executeDeleteFilesManually was invoked");
    }

    public void run() {
        try {
            deleteExpiredFiles();
            redeleteHangedFile();
        } catch (Throwable e) {
            log.warn("CleanCommitLogService has exception.", e);
        }
    }

    private void deleteExpiredFiles() {
        long fileReservedTime = config.getFileReservedTime();
        boolean timeup = UtilAll.isItTimeToDo(config.getDeleteWhen());
        boolean spacefull = isSpaceToDelete();
        boolean manualDelete = manualDeleteFileSeveralTimes > 0;
        if (timeup || spacefull || manualDelete) {
            if (manualDelete) {
                manualDeleteFileSeveralTimes--;
            }
            boolean cleanAtOnce = config.isCleanFileForciblyEnable() && cleanImmediately;
            log.info("begin to delete before {} hours file. timeup: {} spacefull: {} manualDeleteFileSeveralTimes: {} "
                + "cleanAtOnce: {}", fileReservedTime, timeup, spacefull, manualDeleteFileSeveralTimes, cleanAtOnce);
            int deleteCount = commitLog.deleteExpiredFile(fileReservedTime * 60 * 60 * 1000,
                config.getDeleteCommitLogFilesInterval(), config.getDestroyMapedFileIntervalForcibly(), cleanAtOnce);
            if (deleteCount == 0 && spacefull) {
                log.warn("disk space will be full soon, but delete file failed.");
            }
            // re-check so writes resume as soon as the space is back
            isSpaceToDelete();
        }
    }

    private void redeleteHangedFile() {
        long now = System.currentTimeMillis();
        if (now - lastRedeleteTimestamp > config.getRedeleteHangedFileInterval()) {
            lastRedeleteTimestamp = now;
            commitLog.retryDeleteFirstFile(config.getDestroyMapedFileIntervalForcibly());
        }
    }

    /** Checks disk use, updates the disk-full flag, and says whether files should be deleted now. */
    boolean isSpaceToDelete() {
        double ratio = config.getDiskMaxUsedSpaceRatio() / 100.0;
        double warning = config.getDiskSpaceWarningLevelRatio() / 100.0;
        double forcibly = config.getDiskSpaceCleanForciblyRatio() / 100.0;
        cleanImmediately = false;
        double physicRatio = probe.usedRatio(config.getStorePathCommitLog());
        if (physicRatio > warning) {
            boolean diskok = runningFlags.getAndMakeDiskFull();
            if (diskok) {
                log.error("physic disk maybe full soon {}, so mark disk full, putMessage is forbidden", physicRatio);
            }
            cleanImmediately = true;
        } else if (physicRatio > forcibly) {
            cleanImmediately = true;
        } else if (physicRatio >= 0) {
            boolean diskok = runningFlags.getAndMakeDiskOK();
            if (!diskok) {
                log.info("physic disk space OK {}, so mark disk ok", physicRatio);
            }
        }
        if (physicRatio < 0 || physicRatio > ratio) {
            if (physicRatio >= 0) {
                log.info("physic disk used {} is over diskMaxUsedSpaceRatio {}, clean now", physicRatio, ratio);
                cleanImmediately = true;
            }
            return physicRatio >= 0;
        }
        return cleanImmediately;
    }

    public boolean isCleanImmediately() {
        return cleanImmediately;
    }
}
