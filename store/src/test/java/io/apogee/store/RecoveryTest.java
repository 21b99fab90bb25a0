package io.apogee.store;

import static io.apogee.store.StoreTestSupport.bodyOf;
import static io.apogee.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

class RecoveryTest {
    @TempDir
    Path root;
    DefaultMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private MessageStoreConfig config() {
        return StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
    }

    private long put(String topic, int count, int from) {
        long last = 0;
        for (int i = from; i < from + count; i++) {
            PutMessageResult r = store.putMessage(message(topic, 0, "tag", "key" + i, "body-" + i));
            assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            last = r.getAppendMessageResult().getWroteOffset();
        }
        return last;
    }

    private void assertQueueIntact(String topic, int count) {
        assertThat(store.getMaxOffsetInQueue(topic, 0)).isEqualTo(count);
        long offset = 0;
        while (offset < count) {
            GetMessageResult r = store.getMessage("G", topic, 0, offset, 32, null);
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            for (ByteBuffer b : r.getMessageBufferList()) {
                MessageExt m = MessageDecoder.decode(b.slice(), true, false, false, false, true);
                assertThat(m).isNotNull();
                assertThat(bodyOf(m)).isEqualTo("body-" + m.getQueueOffset());
            }
            r.release();
            offset = r.getNextBeginOffset();
        }
    }

    @Test
    void cleanRestartKeepsEverythingAndAppendsContinue() throws Exception {
        store = StoreTestSupport.open(config());
        put("R", 500, 0);
        store.waitForDispatch(5000);
        long maxPhy = store.getMaxPhyOffset();
        store.shutdown();
        assertThat(Files.exists(root.resolve("abort"))).isFalse();

        store = StoreTestSupport.open(config());
        assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
        assertQueueIntact("R", 500);
        PutMessageResult next = store.putMessage(message("R", 0, "tag", null, "body-500"));
        assertThat(next.getAppendMessageResult().getWroteOffset()).isEqualTo(maxPhy);
        assertThat(next.getAppendMessageResult().getLogicsOffset()).isEqualTo(500);
    }

    @Test
    void abnormalRestartCutsATornTailAndResumesAtTheLastGoodOffset() throws Exception {
        store = StoreTestSupport.open(config());
        put("T", 100, 0);
        long lastGood = store.getMaxPhyOffset();
        long tornOffset = put("T", 1, 100);
        store.waitForDispatch(5000);
        store.shutdown();
        Files.createFile(root.resolve("abort"));
        scribble(tornOffset + 90, 4); // inside the body: the CRC no longer matches

        store = StoreTestSupport.open(config());

        assertThat(store.getMaxPhyOffset()).isEqualTo(lastGood);
        assertQueueIntact("T", 100);
        PutMessageResult next = store.putMessage(message("T", 0, "tag", null, "body-100"));
        assertThat(next.getAppendMessageResult().getWroteOffset()).isEqualTo(lastGood);
        assertThat(next.getAppendMessageResult().getLogicsOffset()).isEqualTo(100);
        store.waitForDispatch(5000);
        assertQueueIntact("T", 101);
    }

    @Test
    void abnormalRestartRebuildsMissingConsumeQueuesFromTheCommitLog() throws Exception {
        store = StoreTestSupport.open(config());
        put("A", 300, 0);
        put("B", 200, 0);
        store.waitForDispatch(5000);
        store.shutdown();
        UtilAll.deleteFile(root.resolve("consumequeue").toFile());
        Files.createFile(root.resolve("abort"));

        store = StoreTestSupport.open(config());

        assertQueueIntact("A", 300);
        assertQueueIntact("B", 200);
        assertThat(store.queryMessage("A", "key7", 10, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
    }

    @Test
    void consumeQueueUnitsPastTheCommitLogAreDropped() throws Exception {
        store = StoreTestSupport.open(config());
        put("C", 50, 0);
        long cut = put("C", 1, 50);
        store.waitForDispatch(5000);
        store.shutdown();
        Files.createFile(root.resolve("abort"));
        // tear the last message: its ConsumeQueue unit now points at data recovery will cut
        scribble(cut + 88, 2);

        store = StoreTestSupport.open(config());

        assertThat(store.getMaxOffsetInQueue("C", 0)).isEqualTo(50);
        assertThat(store.getMessage("G", "C", 0, 50, 32, null).getStatus())
            .isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        assertThat(store.putMessage(message("C", 0, null, null, "body-50")).getAppendMessageResult().getLogicsOffset())
            .isEqualTo(50);
    }

    @Test
    void aFileWhoseCreationWasInterruptedIsDiscarded() throws Exception {
        store = StoreTestSupport.open(config());
        put("I", 20, 0);
        long maxPhy = store.getMaxPhyOffset();
        store.shutdown();
        // killed between creating the next file and setting its length
        Files.createFile(root.resolve("commitlog").resolve(UtilAll.offset2FileName(StoreTestSupport.COMMIT_LOG_FILE_SIZE)));
        Files.createFile(root.resolve("abort"));

        store = StoreTestSupport.open(config());

        assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
        assertQueueIntact("I", 20);
    }

    @Test
    void checkpointRecordsFlushTimestamps() throws Exception {
        store = StoreTestSupport.open(config());
        put("K", 10, 0);
        store.waitForDispatch(5000);
        store.shutdown();
        StoreCheckpoint cp = new StoreCheckpoint(root.resolve("checkpoint").toString());
        try {
            assertThat(cp.getPhysicMsgTimestamp()).isPositive();
            assertThat(cp.getLogicsMsgTimestamp()).isPositive();
            assertThat(Files.size(root.resolve("checkpoint"))).isEqualTo(4096);
        } finally {
            cp.shutdown();
        }
        store = null;
    }

    /** Overwrites {@code length} bytes at absolute CommitLog offset {@code offset} with 0x5A. */
    private void scribble(long offset, int length) throws Exception {
        int fileSize = StoreTestSupport.COMMIT_LOG_FILE_SIZE;
        long fileStart = offset - offset % fileSize;
        Path file = root.resolve("commitlog").resolve(UtilAll.offset2FileName(fileStart));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset - fileStart);
            for (int i = 0; i < length; i++) {
                raf.write(0x5A);
            }
        }
    }
}
