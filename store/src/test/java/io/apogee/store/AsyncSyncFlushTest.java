package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.apogee.store.config.FlushDiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-blocking SYNC_FLUSH put: a future per message, completed once the group commit has it on disk. */
class AsyncSyncFlushTest {
    @TempDir
    Path root;

    @Test
    void manyInFlightPutsShareFlushesAndCompleteOnlyWhenOnDisk() throws Exception {
        DefaultMessageStore store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH));
        try {
            List<CompletableFuture<PutMessageResult>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(store.asyncPutMessage(StoreTestSupport.message("A", 0, "TagA", "k" + i, "body-" + i)));
            }
            long lastEnd = 0;
            for (CompletableFuture<PutMessageResult> f : futures) {
                PutMessageResult r = f.get(10, TimeUnit.SECONDS);
                assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
                AppendMessageResult a = r.getAppendMessageResult();
                lastEnd = Math.max(lastEnd, a.getWroteOffset() + a.getWroteBytes());
            }
            // every acknowledged byte is flushed
            assertThat(store.getCommitLog().getMappedFileQueue().getFlushedWhere()).isGreaterThanOrEqualTo(lastEnd);
            assertThat(futures.get(199).get().getAppendMessageResult().getLogicsOffset()).isEqualTo(199);
        } finally {
            store.shutdown();
        }
    }

    @Test
    void asyncFlushModeCompletesAtOnce() throws Exception {
        DefaultMessageStore store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        try {
            CompletableFuture<PutMessageResult> f = store.asyncPutMessage(StoreTestSupport.message("A", 0, null, null, "x"));
            assertThat(f).isDone();
            assertThat(f.get().isOk()).isTrue();
        } finally {
            store.shutdown();
        }
    }
}
