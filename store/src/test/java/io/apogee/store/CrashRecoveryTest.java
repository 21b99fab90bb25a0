package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.store.config.FlushDiskType;

/**
 * kill -9 at random moments: a child JVM appends from several threads; after each kill the store is
 * reopened here and must hold every acknowledged message intact, show nothing torn, and let the next child
 * append at the right offsets.
 */
class CrashRecoveryTest {
    private static final int WRITERS = 3;
    @TempDir
    Path root;
    private Process child;

    @AfterEach
    void killChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void syncFlushLosesNoAcknowledgedMessageAcrossTwentyKills() throws Exception {
        crashRounds(FlushDiskType.SYNC_FLUSH, 20, 11);
    }

    @Test
    void asyncFlushStaysConsistentAcrossKills() throws Exception {
        crashRounds(FlushDiskType.ASYNC_FLUSH, 8, 23);
    }

    private void crashRounds(FlushDiskType type, int rounds, long seed) throws Exception {
        Random random = new Random(seed);
        long[] acked = new long[WRITERS];
        java.util.Arrays.fill(acked, -1);
        long[] expectedNext = new long[WRITERS];
        for (int round = 0; round < rounds; round++) {
            long[] firstAck = new long[WRITERS];
            java.util.Arrays.fill(firstAck, -1);
            child = new ProcessBuilder(javaBin(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), root.toString(), type.name(),
                String.valueOf(WRITERS)).redirectErrorStream(true).start();
            int killAfterAcks = 20 + random.nextInt(400);
            int acks = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
                long deadline = System.currentTimeMillis() + 15_000;
                String line;
                while (acks < killAfterAcks && (line = out.readLine()) != null) {
                    assertThat(System.currentTimeMillis()).as("child too slow").isLessThan(deadline);
                    assertThat(line).doesNotStartWith("LOAD_FAILED").doesNotStartWith("FAIL");
                    if (line.startsWith("ACK ")) {
                        String[] p = line.split(" ");
                        int q = Integer.parseInt(p[1]);
                        long off = Long.parseLong(p[2]);
                        if (firstAck[q] < 0) {
                            firstAck[q] = off;
                        }
                        acked[q] = Math.max(acked[q], off);
                        acks++;
                    }
                }
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            for (int q = 0; q < WRITERS; q++) {
                if (firstAck[q] >= 0) {
                    assertThat(firstAck[q]).as("round %d queue %d resumes at the recovered end", round, q)
                        .isEqualTo(expectedNext[q]);
                }
            }
            verifyAndRecordEnds(type, acked, expectedNext);
        }
    }

    private void verifyAndRecordEnds(FlushDiskType type, long[] acked, long[] expectedNext) throws Exception {
        DefaultMessageStore store = StoreTestSupport.open(StoreTestSupport.config(root, type));
        try {
            for (int q = 0; q < WRITERS; q++) {
                long max = store.getMaxOffsetInQueue(CrashChild.TOPIC, q);
                assertThat(max).as("queue %d holds every acknowledged message", q).isGreaterThan(acked[q]);
                List<MessageExt> all = readAll(store, q, max);
                assertThat(all).hasSize((int) max);
                for (MessageExt m : all) {
                    assertThat(new String(m.getBody(), StandardCharsets.UTF_8))
                        .isEqualTo(CrashChild.body(q, m.getQueueOffset()));
                }
                expectedNext[q] = max;
            }
        } finally {
            store.shutdown();
        }
    }

    private static List<MessageExt> readAll(DefaultMessageStore store, int q, long max) {
        List<MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (offset < max) {
            GetMessageResult r = store.getMessage("G", CrashChild.TOPIC, q, offset, 32, null);
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            for (ByteBuffer b : r.getMessageBufferList()) {
                MessageExt m = MessageDecoder.decode(b.slice(), true, false, false, false, true);
                assertThat(m).as("record at queue offset %d is intact", offset).isNotNull();
                assertThat(m.getQueueOffset()).isEqualTo(out.size());
                out.add(m);
            }
            r.release();
            offset = r.getNextBeginOffset();
        }
        return out;
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
