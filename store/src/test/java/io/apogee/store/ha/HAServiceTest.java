package io.apogee.store.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.MessageExt;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.StoreTestSupport;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/** Master and slave stores in one JVM, replicating over loopback. */
class HAServiceTest {
    @TempDir
    Path root;

    private DefaultMessageStore master(BrokerRole role) throws Exception {
        MessageStoreConfig c = StoreTestSupport.config(root.resolve("master"), FlushDiskType.ASYNC_FLUSH);
        c.setBrokerRole(role);
        c.setHaListenPort(0);
        c.setSyncFlushTimeout(2000);
        return StoreTestSupport.open(c);
    }

    private DefaultMessageStore slave(DefaultMessageStore master) throws Exception {
        MessageStoreConfig c = StoreTestSupport.config(root.resolve("slave"), FlushDiskType.ASYNC_FLUSH);
        c.setBrokerRole(BrokerRole.SLAVE);
        c.setHaSendHeartbeatInterval(500);
        c.setHaMasterAddress("127.0.0.1:" + master.getHaService().getListenPort());
        return StoreTestSupport.open(c);
    }

    private static void awaitEqualOffsets(DefaultMessageStore master, DefaultMessageStore slave) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (slave.getMaxPhyOffset() != master.getMaxPhyOffset() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slave.getMaxPhyOffset()).isEqualTo(master.getMaxPhyOffset());
    }

    @Test
    void slaveReplicatesCommitLogAcrossFilesAndBuildsConsumeQueues() throws Exception {
        DefaultMessageStore master = master(BrokerRole.ASYNC_MASTER);
        DefaultMessageStore slave = null;
        try {
            slave = slave(master);
            for (int i = 0; i < 600; i++) {
                PutMessageResult r = master.putMessage(StoreTestSupport.message("T", i % 2, "tag", "k" + i, "body-" + i));
                assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            }
            assertThat(master.getMaxPhyOffset()).isGreaterThan(StoreTestSupport.COMMIT_LOG_FILE_SIZE);
            awaitEqualOffsets(master, slave);
            assertThat(slave.waitForDispatch(10_000)).isTrue();
            assertThat(slave.getMaxOffsetInQueue("T", 0)).isEqualTo(300);
            GetMessageResult got = slave.getMessage("g", "T", 1, 0, 32, null);
            try {
                assertThat(got.getStatus()).isEqualTo(GetMessageStatus.FOUND);
                assertThat(got.getMessageCount()).isEqualTo(32);
            } finally {
                got.release();
            }
            MessageExt last = slave.lookMessageByOffset(
                master.lookMessageByOffset(master.getMaxPhyOffset() - 1) == null ? 0 : 0);
            assertThat(last).isNotNull();
            // the slave refuses writes
            assertThat(slave.putMessage(StoreTestSupport.message("T", 0, null, null, "x")).getPutMessageStatus())
                .isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
            assertThat(master.slaveFallBehindMuch()).isZero();
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }

    @Test
    void slaveReconnectsAndCatchesUpAfterRestart() throws Exception {
        DefaultMessageStore master = master(BrokerRole.ASYNC_MASTER);
        DefaultMessageStore slave = null;
        try {
            slave = slave(master);
            for (int i = 0; i < 50; i++) {
                master.putMessage(StoreTestSupport.message("T", 0, null, null, "a" + i));
            }
            awaitEqualOffsets(master, slave);
            slave.shutdown();
            for (int i = 0; i < 50; i++) {
                master.putMessage(StoreTestSupport.message("T", 0, null, null, "b" + i));
            }
            slave = slave(master);
            awaitEqualOffsets(master, slave);
            assertThat(slave.waitForDispatch(10_000)).isTrue();
            assertThat(slave.getMaxOffsetInQueue("T", 0)).isEqualTo(100);
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }

    @Test
    void syncMasterWaitsForTheSlaveOrReportsSlaveNotAvailable() throws Exception {
        DefaultMessageStore master = master(BrokerRole.SYNC_MASTER);
        DefaultMessageStore slave = null;
        try {
            PutMessageResult none = master.putMessage(StoreTestSupport.message("T", 0, null, null, "x"));
            assertThat(none.getPutMessageStatus()).isEqualTo(PutMessageStatus.SLAVE_NOT_AVAILABLE);
            slave = slave(master);
            long deadline = System.currentTimeMillis() + 10_000;
            while (master.getHaService().connectionCount() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            awaitEqualOffsets(master, slave);
            for (int i = 0; i < 20; i++) {
                PutMessageResult r = master.putMessage(StoreTestSupport.message("T", 0, null, null, "s" + i));
                assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
                long end = r.getAppendMessageResult().getWroteOffset() + r.getAppendMessageResult().getWroteBytes();
                assertThat(master.getHaService().getPush2SlaveMaxOffset().get()).isGreaterThanOrEqualTo(end);
            }
            CompletableFuture<PutMessageResult> f = master.asyncPutMessage(
                StoreTestSupport.message("T", 0, null, null, "async"));
            assertThat(f.get(5, TimeUnit.SECONDS).getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }

    @Test
    void slaveReconnectsToARestartedMasterAndCatchesUp() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        MessageStoreConfig mc = StoreTestSupport.config(root.resolve("master"), FlushDiskType.ASYNC_FLUSH);
        mc.setHaListenPort(port);
        DefaultMessageStore master = StoreTestSupport.open(mc);
        DefaultMessageStore slave = null;
        try {
            slave = slave(master);
            for (int i = 0; i < 30; i++) {
                master.putMessage(StoreTestSupport.message("R", 0, null, null, "before-" + i));
            }
            awaitEqualOffsets(master, slave);
            master.shutdown();
            master = StoreTestSupport.open(mc);
            // the slave, retrying every second, may hold the port for an instant (a TCP self-connect it drops at
            // once): what is tested is the reconnect, so a restart that lost that race is simply retried
            for (int attempt = 0; attempt < 5 && master.getHaStartFailure() != null; attempt++) {
                master.shutdown();
                Thread.sleep(300);
                master = StoreTestSupport.open(mc);
            }
            assertThat(master.getHaStartFailure()).isNull();
            for (int i = 0; i < 30; i++) {
                master.putMessage(StoreTestSupport.message("R", 0, null, null, "after-" + i));
            }
            awaitEqualOffsets(master, slave);
            assertThat(slave.waitForDispatch(10_000)).isTrue();
            assertThat(slave.getMaxOffsetInQueue("R", 0)).isEqualTo(60);
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }

    @Test
    void aTakenHaListenPortIsReportedClearly() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            MessageStoreConfig c = StoreTestSupport.config(root.resolve("taken"), FlushDiskType.ASYNC_FLUSH);
            c.setHaListenPort(taken.getLocalPort());
            DefaultMessageStore store = StoreTestSupport.open(c);
            try {
                assertThat(store.getHaService()).isNull();
                assertThat(store.getHaStartFailure()).contains("Address already in use")
                    .contains(String.valueOf(taken.getLocalPort()));
            } finally {
                store.shutdown();
            }
        }
    }

    @Test
    void anEmptySlaveStartsAtTheMastersLastCommitLogFile() throws Exception {
        DefaultMessageStore master = master(BrokerRole.ASYNC_MASTER);
        DefaultMessageStore slave = null;
        try {
            for (int i = 0; i < 600; i++) {
                master.putMessage(StoreTestSupport.message("E", 0, null, null, "early-" + i));
            }
            long max = master.getMaxPhyOffset();
            long lastFileStart = max - max % StoreTestSupport.COMMIT_LOG_FILE_SIZE;
            assertThat(lastFileStart).isPositive();
            slave = slave(master);
            awaitEqualOffsets(master, slave);
            assertThat(slave.getMinPhyOffset()).isEqualTo(lastFileStart);
            master.putMessage(StoreTestSupport.message("E", 0, null, null, "late"));
            awaitEqualOffsets(master, slave);
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }
}
