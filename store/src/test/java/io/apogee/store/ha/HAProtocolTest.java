package io.apogee.store.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.store.DefaultMessageStore;
import io.apogee.store.StoreTestSupport;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/** The master's side of the wire format, spoken to with a raw socket (protocol.md §7). */
class HAProtocolTest {
    @TempDir
    Path root;

    private DefaultMessageStore master() throws Exception {
        MessageStoreConfig c = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        c.setHaListenPort(0);
        c.setHaTransferBatchSize(1000);
        c.setHaSendHeartbeatInterval(300);
        DefaultMessageStore store = StoreTestSupport.open(c);
        for (int i = 0; i < 100; i++) {
            store.putMessage(StoreTestSupport.message("P", 0, null, null, "payload-" + i));
        }
        return store;
    }

    @Test
    void masterStreamsBatchesFromTheReportedOffsetThenHeartbeats() throws Exception {
        DefaultMessageStore master = master();
        try (Socket s = new Socket("127.0.0.1", master.getHaService().getListenPort())) {
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            long max = master.getMaxPhyOffset();
            out.writeLong(500);
            out.flush();
            long expected = 500;
            while (expected < max) {
                long offset = in.readLong();
                int size = in.readInt();
                assertThat(offset).isEqualTo(expected);
                assertThat(size).isBetween(1, 1000);
                in.readFully(new byte[size]);
                expected += size;
            }
            out.writeLong(expected);
            out.flush();
            // nothing new: a heartbeat header with size 0 at the current transfer offset
            assertThat(in.readLong()).isEqualTo(max);
            assertThat(in.readInt()).isZero();
            long deadline = System.currentTimeMillis() + 5000;
            while (master.getHaService().getPush2SlaveMaxOffset().get() < max && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(master.getHaService().getPush2SlaveMaxOffset().get()).isEqualTo(max);
            assertThat(master.slaveFallBehindMuch()).isZero();
        } finally {
            master.shutdown();
        }
    }

    @Test
    void masterClosesWhenTheSlaveReportsAnOffsetBeyondItsEnd() throws Exception {
        DefaultMessageStore master = master();
        try (Socket s = new Socket("127.0.0.1", master.getHaService().getListenPort())) {
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(master.getMaxPhyOffset() + 1);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            boolean closed = false;
            try {
                while (true) {
                    in.readByte();
                }
            } catch (EOFException | java.net.SocketException e) {
                closed = true;
            }
            assertThat(closed).isTrue();
        } finally {
            master.shutdown();
        }
    }

    @Test
    void masterClosesWhenTheSlaveReportsANegativeOffset() throws Exception {
        DefaultMessageStore master = master();
        try (Socket s = new Socket("127.0.0.1", master.getHaService().getListenPort())) {
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(-8);
            out.flush();
            assertThat(closedByPeer(new DataInputStream(s.getInputStream()))).isTrue();
            assertThat(master.getHaService().getPush2SlaveMaxOffset().get()).isZero();
        } finally {
            master.shutdown();
        }
    }

    /**
     * A peer posing as the master announces a 2 GiB frame: the slave closes that connection instead of allocating
     * it, and keeps its HA client running (it connects again).
     */
    @Test
    void slaveDropsAMasterThatAnnouncesAnOversizedFrameAndReconnects() throws Exception {
        try (java.net.ServerSocket fakeMaster = new java.net.ServerSocket(0, 1,
            java.net.InetAddress.getLoopbackAddress())) {
            fakeMaster.setSoTimeout(10_000);
            MessageStoreConfig c = StoreTestSupport.config(root.resolve("slave"), FlushDiskType.ASYNC_FLUSH);
            c.setBrokerRole(io.apogee.store.config.BrokerRole.SLAVE);
            c.setHaSendHeartbeatInterval(300);
            c.setHaMasterAddress("127.0.0.1:" + fakeMaster.getLocalPort());
            DefaultMessageStore slave = StoreTestSupport.open(c);
            try {
                try (Socket first = fakeMaster.accept()) {
                    first.setSoTimeout(5000);
                    DataInputStream in = new DataInputStream(first.getInputStream());
                    assertThat(in.readLong()).as("the slave reports its max offset first").isZero();
                    DataOutputStream out = new DataOutputStream(first.getOutputStream());
                    out.writeLong(0);
                    out.writeInt(Integer.MAX_VALUE);
                    out.flush();
                    assertThat(closedByPeer(in)).isTrue();
                }
                try (Socket second = fakeMaster.accept()) {
                    second.setSoTimeout(5000);
                    assertThat(new DataInputStream(second.getInputStream()).readLong()).isZero();
                }
                assertThat(slave.getMaxPhyOffset()).isZero();
            } finally {
                slave.shutdown();
            }
        }
    }

    /** Reads until the peer closes; heartbeats (offset reports) before that are fine. */
    private static boolean closedByPeer(DataInputStream in) throws java.io.IOException {
        try {
            while (true) {
                in.readByte();
            }
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }
}
