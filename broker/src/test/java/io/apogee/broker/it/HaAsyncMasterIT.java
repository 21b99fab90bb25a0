package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * ASYNC_MASTER + SLAVE (Apogee, child JVMs) under load from the official client: the replication lag that
 * brokerStatus shows ({@code slaveFallBehindMuch}) returns to 0 after the load (Apogee's clusterList column
 * {@code #FallBehind} is checked by the distribution's TwoMasterTwoSlaveClusterIT, built after tools); a slave killed with kill -9 costs the senders nothing; restarted on its store it resumes from its own
 * offset and ends with a commit log identical to the master's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaAsyncMasterIT {
    private static final String BROKER_NAME = "broker-async";
    private static final String TOPIC = "HaAsyncTopic";
    private static final byte[] BODY = new byte[1024];
    private static final long COMMIT_LOG_FILE_SIZE = 4L * 1024 * 1024;
    private static MasterSlavePair pair;
    private static String nsAddr;
    private static String masterAddr;
    private static String slaveAddr;
    private static DefaultMQAdminExt admin;
    private static DefaultMQProducer producer;
    /** A lower bound of the slave's commit log when it was killed (test 2), checked after its restart (test 3). */
    private static long slaveOffsetBeforeKill = -1;

    @BeforeAll
    static void startDaemons() throws Exception {
        // a loaded 2-core machine may queue a send longer than the default 200 ms: that is not what is tested here
        pair = MasterSlavePair.start(BROKER_NAME, Map.of("brokerRole", "ASYNC_MASTER", "waitTimeMillsInSendQueue", "3000"),
            Map.of("haSendHeartbeatInterval", "1000"));
        nsAddr = pair.nsAddr;
        masterAddr = pair.masterAddr;
        slaveAddr = pair.slaveAddr;

        admin = new DefaultMQAdminExt("ha-async-admin");
        admin.setNamesrvAddr(nsAddr);
        admin.setVipChannelEnabled(false);
        admin.setInstanceName("haa-admin" + System.nanoTime());
        admin.start();
        producer = new DefaultMQProducer("ha-async-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName("haa-p" + System.nanoTime());
        // every failed send must surface, not hide behind a retry; generous timeout for a loaded machine
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        admin.createAndUpdateTopicConfig(masterAddr, new TopicConfig(TOPIC, 4, 4, 6));
        // the route reaches the producer a moment after the topic is created
        within(20).ignoreExceptions()
            .until(() -> producer.send(new Message(TOPIC, BODY)).getSendStatus() == SendStatus.SEND_OK);
    }

    @AfterAll
    static void stopDaemons() throws Exception {
        if (producer != null) {
            producer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private static ConditionFactory within(int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200));
    }

    /** One key of GET_BROKER_RUNTIME_INFO (what brokerStatus prints), -1 when the broker does not answer. */
    private static long runtimeLong(String addr, String key) {
        try {
            String v = admin.fetchBrokerRuntimeStats(addr).getTable().get(key);
            return v == null ? -1 : Long.parseLong(v);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Where the commit-log file holding {@code offset} starts (4 MiB files, see Daemons.brokerConf). */
    private static long fileStart(long offset) {
        return offset - offset % COMMIT_LOG_FILE_SIZE;
    }

    private static void assertSlaveCaughtUp() {
        long masterMax = runtimeLong(masterAddr, "commitLogMaxOffset");
        assertThat(masterMax).isPositive();
        assertThat(new long[] {runtimeLong(masterAddr, "slaveFallBehindMuch"), runtimeLong(slaveAddr, "commitLogMaxOffset")})
            .as("master's slaveFallBehindMuch and slave's commitLogMaxOffset (master's: %d)", masterMax)
            .containsExactly(0, masterMax);
    }

    /** Official-client threads sending 1 KiB messages until closed; every answer other than SEND_OK is kept. */
    static final class Load implements AutoCloseable {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool;

        Load(int threads) {
            pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    while (!stop.get()) {
                        try {
                            SendResult r = producer.send(new Message(TOPIC, BODY));
                            if (r.getSendStatus() == SendStatus.SEND_OK) {
                                ok.incrementAndGet();
                            } else {
                                fail(r.getSendStatus().toString());
                            }
                        } catch (Exception e) {
                            fail(e.toString());
                        }
                    }
                });
            }
        }

        private void fail(String why) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, why);
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("senders stopped").isTrue();
        }
    }

    @Test
    @Order(1)
    void replicationLagReturnsToZeroAfterLoad() throws Exception {
        within(15).alias("slave connected").until(() -> runtimeLong(masterAddr, "haConnectionCount") == 1);
        long peakLag = 0;
        Load load = new Load(12);
        try {
            long end = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < end) {
                peakLag = Math.max(peakLag, runtimeLong(masterAddr, "slaveFallBehindMuch"));
                Thread.sleep(250);
            }
        } finally {
            load.close();
        }
        assertThat(load.failed.get()).as("failed sends, first: %s", load.firstFailure.get()).isZero();
        long loadEnd = System.currentTimeMillis();
        long masterMax = runtimeLong(masterAddr, "commitLogMaxOffset");
        // more than one 4 MiB commit-log file, so the replica crosses file boundaries
        assertThat(masterMax).isGreaterThan(COMMIT_LOG_FILE_SIZE);
        within(15).untilAsserted(HaAsyncMasterIT::assertSlaveCaughtUp);
        System.out.printf("HaAsyncMasterIT load: %d messages in 5 s from 12 threads, %d bytes; peak slaveFallBehindMuch"
                + " %d bytes; 0 again %d ms after the load%n", load.ok.get(), masterMax, peakLag,
            System.currentTimeMillis() - loadEnd);
    }

    @Test
    @Order(2)
    void killingTheSlaveDoesNotAffectSends() throws Exception {
        long beforeKill;
        long okAfterKill;
        long msAfterKill;
        Load load = new Load(8);
        try {
            within(20).alias("sends under way").until(() -> load.ok.get() > 200);
            long seen = runtimeLong(slaveAddr, "commitLogMaxOffset");
            // the slave appends frames that may end inside a message, and its recovery drops such a tail: wait until
            // it holds several whole messages beyond the offset seen, so what it keeps reaches at least that offset
            within(20).alias("slave replicating while senders run")
                .until(() -> runtimeLong(slaveAddr, "commitLogMaxOffset") > seen + 8 * BODY.length);
            beforeKill = seen;
            pair.killSlave();
            long okAtKill = load.ok.get();
            long killedAt = System.currentTimeMillis();
            long masterAtKill = runtimeLong(masterAddr, "commitLogMaxOffset");
            Thread.sleep(3000);
            // the master moves on to a later commit-log file than the slave's: streaming from the head of the master's
            // last file (what an empty slave gets) is then told apart from streaming from the slave's own offset
            within(30).alias("master beyond the slave's commit-log file")
                .until(() -> fileStart(runtimeLong(masterAddr, "commitLogMaxOffset")) > masterAtKill);
            okAfterKill = load.ok.get() - okAtKill;
            msAfterKill = System.currentTimeMillis() - killedAt;
        } finally {
            load.close();
        }
        assertThat(load.failed.get()).as("failed sends, first: %s", load.firstFailure.get()).isZero();
        assertThat(okAfterKill).as("SEND_OK after the slave died").isPositive();
        within(10).alias("master noticed the slave is gone").until(() -> runtimeLong(masterAddr, "haConnectionCount") == 0);
        assertThat(runtimeLong(masterAddr, "slaveFallBehindMuch")).as("bytes the dead slave misses").isPositive();
        slaveOffsetBeforeKill = beforeKill;
        System.out.printf("HaAsyncMasterIT kill: %d SEND_OK in the %d ms after kill -9 of the slave, %d failed; lag then"
            + " %d bytes%n", okAfterKill, msAfterKill, load.failed.get(), runtimeLong(masterAddr, "slaveFallBehindMuch"));
    }

    @Test
    @Order(3)
    void restartedSlaveResumesFromItsOwnOffsetAndCatchesUp() throws Exception {
        assertThat(slaveOffsetBeforeKill).as("test 2 killed the slave").isPositive();
        Path masterStoreLog = pair.dir.resolve("master/logs/rocketmqlogs/store.log");
        long transfersBefore = transferStarts(masterStoreLog).size();
        long masterLastFile = fileStart(runtimeLong(masterAddr, "commitLogMaxOffset"));
        pair.startSlave();
        long afterBoot = runtimeLong(slaveAddr, "commitLogMaxOffset");
        assertThat(afterBoot).as("slave's own max offset after restart").isGreaterThanOrEqualTo(slaveOffsetBeforeKill);

        within(15).alias("master started streaming to the restarted slave")
            .until(() -> transferStarts(masterStoreLog).size() > transfersBefore);
        List<Long> starts = transferStarts(masterStoreLog);
        long from = starts.get(starts.size() - 1);
        // from the slave's report: neither 0 nor the head of the master's last file it would pick for an empty slave
        assertThat(from).isGreaterThanOrEqualTo(slaveOffsetBeforeKill).isLessThan(masterLastFile);

        long t0 = System.currentTimeMillis();
        within(30).untilAsserted(HaAsyncMasterIT::assertSlaveCaughtUp);
        assertThat(runtimeLong(masterAddr, "haConnectionCount")).isEqualTo(1);
        long masterMax = runtimeLong(masterAddr, "commitLogMaxOffset");
        assertSameCommitLog(pair.dir.resolve("master/store/commitlog"), pair.dir.resolve("slave/store/commitlog"),
            masterMax);
        System.out.printf("HaAsyncMasterIT restart: slave had >= %d before kill -9, %d after boot, master streamed from %d;"
                + " caught up with %d in %d ms%n", slaveOffsetBeforeKill, afterBoot, from, masterMax,
            System.currentTimeMillis() - t0);
    }

    private static final Pattern TRANSFER_START = Pattern.compile("master transfers to slave \\S+ from offset (\\d+)");

    /** Offsets the master's HA connections started streaming from, in log order. */
    private static List<Long> transferStarts(Path storeLog) {
        try {
            if (!Files.exists(storeLog)) {
                return List.of();
            }
            Matcher m = TRANSFER_START.matcher(Files.readString(storeLog, StandardCharsets.UTF_8));
            List<Long> offsets = new java.util.ArrayList<>();
            while (m.find()) {
                offsets.add(Long.parseLong(m.group(1)));
            }
            return offsets;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Both commit-log directories hold the same bytes in [0, maxOffset): nothing skipped, nothing written twice. */
    private static void assertSameCommitLog(Path masterDir, Path slaveDir, long maxOffset) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(masterDir)) {
            files = s.sorted().toList();
        }
        for (Path m : files) {
            long fileStart = Long.parseLong(m.getFileName().toString());
            if (fileStart >= maxOffset) {
                continue;
            }
            Path s = slaveDir.resolve(m.getFileName());
            assertThat(s).as("slave's copy of commit-log file %s", m.getFileName()).exists();
            int length = (int) Math.min(Files.size(m), maxOffset - fileStart);
            assertThat(Arrays.equals(read(m, length), read(s, length)))
                .as("bytes [%d, %d) of master and slave", fileStart, fileStart + length).isTrue();
        }
    }

    private static byte[] read(Path file, int length) throws IOException {
        byte[] b = new byte[length];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.readFully(b);
        }
        return b;
    }
}
