package io.apogee.store;

import static io.apogee.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.MessageDecoder;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Disk-full protection: the disk is simulated by a probe that reports the CommitLog directory's size over a
 * small capacity, so filling and cleaning it is real file I/O.
 */
class DiskFullCleanupTest {
    private static final long CAPACITY = 6L * StoreTestSupport.COMMIT_LOG_FILE_SIZE;
    @TempDir
    Path root;
    DefaultMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private double usedRatio(String path) {
        File[] files = new File(path).listFiles();
        long used = 0;
        if (files != null) {
            for (File f : files) {
                used += f.length();
            }
        }
        return used / (double) CAPACITY;
    }

    @Test
    void writesAreRefusedWhenTheDiskIsFullReadsGoOnAndWritesResumeAfterCleanup() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        cfg.setDiskMaxUsedSpaceRatio(10);
        cfg.setDeleteCommitLogFilesInterval(0);
        cfg.setDeleteConsumeQueueFilesInterval(0);
        cfg.setCleanResourceInterval(3_600_000); // rounds are driven by the test
        store = new DefaultMessageStore(cfg, null, this::usedRatio);
        assertThat(store.load()).isTrue();
        store.start();
        int n = 0;
        while (usedRatio(cfg.getStorePathCommitLog()) <= 0.92) {
            assertThat(store.putMessage(message("D", 0, null, null, "m" + n++)).getPutMessageStatus())
                .isEqualTo(PutMessageStatus.PUT_OK);
        }
        store.waitForDispatch(5000);
        // A reader still holding the first file keeps cleanup from deleting it: the disk stays full.
        SelectMappedBufferResult pinned = store.getCommitLogData(0);

        store.cleanFilesNow();

        assertThat(store.getRunningFlags().isDiskFull()).isTrue();
        assertThat(store.putMessage(message("D", 0, null, null, "refused")).getPutMessageStatus())
            .isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
        int read = 0;
        for (long offset = n - 3; offset < n; ) {
            GetMessageResult tail = store.getMessage("G", "D", 0, offset, 32, null);
            assertThat(tail.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            read += tail.getMessageCount();
            tail.release();
            offset = tail.getNextBeginOffset();
        }
        assertThat(read).isEqualTo(3);

        pinned.release();
        for (int round = 0; round < 20 && store.getRunningFlags().isDiskFull(); round++) {
            store.cleanFilesNow(); // a file another thread holds right now is retried next round
            Thread.sleep(20);
        }

        assertThat(store.getRunningFlags().isDiskFull()).isFalse();
        assertThat(usedRatio(cfg.getStorePathCommitLog())).isLessThan(0.85);
        PutMessageResult resumed = store.putMessage(message("D", 0, null, null, "m" + n));
        assertThat(resumed.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(resumed.getAppendMessageResult().getLogicsOffset()).isEqualTo(n);
        assertThat(store.getMinPhyOffset()).isPositive();
        store.waitForDispatch(5000);
        long minQueueOffset = store.getMinOffsetInQueue("D", 0);
        assertThat(minQueueOffset).isPositive();
        assertThat(store.getMessage("G", "D", 0, 0, 32, null).getStatus()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
        GetMessageResult fromMin = store.getMessage("G", "D", 0, minQueueOffset, 1, null);
        assertThat(fromMin.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(MessageDecoder.decode(fromMin.getMessageBufferList().get(0).slice()).getCommitLogOffset())
            .isGreaterThanOrEqualTo(store.getMinPhyOffset());
        fromMin.release();
    }

    @Test
    void filesOlderThanTheReservedTimeAreDeletedAtTheDeleteHourOnly() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        cfg.setDeleteCommitLogFilesInterval(0);
        cfg.setCleanResourceInterval(3_600_000);
        cfg.setFileReservedTime(0);
        cfg.setDeleteWhen("99"); // never the current hour
        store = new DefaultMessageStore(cfg, null, path -> 0.0);
        assertThat(store.load()).isTrue();
        store.start();
        for (int i = 0; i < 2000; i++) {
            store.putMessage(message("E", 0, null, null, "m" + i));
        }
        assertThat(store.waitForDispatch(5000)).isTrue(); // no reader holds a file while cleanup runs
        int files = store.getCommitLog().getMappedFileQueue().getMappedFiles().size();
        assertThat(files).isGreaterThan(2);
        store.cleanFilesNow();
        assertThat(store.getCommitLog().getMappedFileQueue().getMappedFiles()).hasSize(files);

        store.executeDeleteFilesManually();
        // a file the flush thread holds at that instant is retried on the next round, as every 10 s in production
        for (int round = 0; round < 20 && store.getCommitLog().getMappedFileQueue().getMappedFiles().size() > 1; round++) {
            store.cleanFilesNow();
            Thread.sleep(20);
        }
        assertThat(store.getCommitLog().getMappedFileQueue().getMappedFiles()).hasSize(1);
    }

    @Test
    void cleanExpiredConsumerQueueDropsQueuesThatIndexOnlyDeletedMessages() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        cfg.setDeleteCommitLogFilesInterval(0);
        cfg.setCleanResourceInterval(3_600_000);
        cfg.setFileReservedTime(0);
        cfg.setDeleteWhen("99");
        store = new DefaultMessageStore(cfg, null, path -> 0.0);
        assertThat(store.load()).isTrue();
        store.start();
        for (int i = 0; i < 10; i++) {
            store.putMessage(message("Old", 1, null, null, "old" + i));
        }
        for (int i = 0; i < 2000; i++) {
            store.putMessage(message("New", 0, null, null, "m" + i));
        }
        assertThat(store.waitForDispatch(5000)).isTrue();
        store.executeDeleteFilesManually();
        for (int round = 0; round < 20 && store.getCommitLog().getMappedFileQueue().getMappedFiles().size() > 1; round++) {
            store.cleanFilesNow();
            Thread.sleep(20);
        }
        assertThat(store.getConsumeQueue("Old", 1).getLastOffset()).isLessThan(store.getMinPhyOffset());
        Path oldQueueDir = Path.of(cfg.getStorePathConsumeQueue(), "Old", "1");
        assertThat(oldQueueDir.toFile().list()).isNotEmpty();

        assertThat(store.cleanExpiredConsumerQueue()).isEqualTo(1);

        assertThat(store.getConsumeQueue("Old", 1)).isNull();
        assertThat(oldQueueDir).doesNotExist();
        assertThat(store.getConsumeQueue("New", 0)).isNotNull();
        assertThat(store.getMaxOffsetInQueue("New", 0)).isEqualTo(2000);
        // the queue starts over at logical offset 0
        PutMessageResult again = store.putMessage(message("Old", 1, null, null, "again"));
        assertThat(again.getAppendMessageResult().getLogicsOffset()).isZero();
        assertThat(store.waitForDispatch(5000)).isTrue();
        GetMessageResult got = store.getMessage("G", "Old", 1, 0, 32, null);
        assertThat(got.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(got.getMessageCount()).isEqualTo(1);
        got.release();
    }
}
