package io.apogee.store.ha;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.StoreLoggers;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Slave side of commit-log replication (protocol.md §7): connects to the master's HA address, reports its
 * commit-log max offset after connecting, after each append and at least every {@code haSendHeartbeatInterval},
 * and appends each received frame at its own max offset. Any mismatch or fault closes the connection; the
 * loop reconnects.
 */
public class HAClient extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int READ_BUFFER_SIZE = 4 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final DefaultMessageStore store;
    private final AtomicReference<String> masterAddress = new AtomicReference<>();
    private volatile Socket socket;
    private final byte[] reportBuf = new byte[8];
    private long lastReportTimestamp;
    private volatile long lastReadTimestamp;
    private long lastConnectFailureLog;

    public HAClient(DefaultMessageStore store) {
        super(true);
        this.store = store;
    }

    public void updateMasterAddress(String newAddr) {
        String old = masterAddress.getAndSet(newAddr);
        if (newAddr != null && !newAddr.equals(old)) {
            log.info("update master address, OLD: {} NEW: {}", old, newAddr);
            wakeup();
        }
    }

    public String getMasterAddress() {
        return masterAddress.get();
    }

    public boolean isConnected() {
        Socket s = socket;
        return s != null && s.isConnected() && !s.isClosed();
    }

    public long getLastReadTimestamp() {
        return lastReadTimestamp;
    }

    @Override
    public String getServiceName() {
        return "HAClient";
    }

    @Override
    public void shutdown(boolean interrupt) {
        closeMaster();
        super.shutdown(interrupt);
    }

    private void closeMaster() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    private static InetSocketAddress parse(String addr) {
        int colon = addr.lastIndexOf(':');
        return new InetSocketAddress(addr.substring(0, colon).trim(), Integer.parseInt(addr.substring(colon + 1).trim()));
    }

    private void report(OutputStream out, long offset) throws IOException {
        ByteBuffer.wrap(reportBuf).putLong(0, offset);
        out.write(reportBuf);
        out.flush();
        lastReportTimestamp = System.currentTimeMillis();
    }

    @Override
    public void run() {
        log.info("{} service started", getServiceName());
        while (!isStopped()) {
            String addr = masterAddress.get();
            if (addr == null || addr.isEmpty()) {
                waitForRunning(1000);
                continue;
            }
            try {
                replicateFrom(addr);
            } catch (java.net.ConnectException e) {
                long now = System.currentTimeMillis();
                if (now - lastConnectFailureLog > 30_000) {
                    lastConnectFailureLog = now;
                    log.warn("{} cannot connect to master {}: {} (retrying every second)", getServiceName(), addr,
                        e.toString());
                }
            } catch (IOException e) {
                if (!isStopped()) {
                    log.warn("{} connection to master {} broken: {}", getServiceName(), addr, e.toString());
                }
            } catch (Exception e) {
                log.warn("{} service has exception.", getServiceName(), e);
            } finally {
                closeMaster();
            }
            if (!isStopped()) {
                waitForRunning(1000);
            }
        }
        log.info("{} service end", getServiceName());
    }

    private void replicateFrom(String addr) throws IOException {
        MessageStoreConfig config = store.getMessageStoreConfig();
        Socket s = new Socket();
        socket = s;
        s.setTcpNoDelay(true);
        s.setReceiveBufferSize(READ_BUFFER_SIZE);
        s.connect(parse(addr), CONNECT_TIMEOUT_MS);
        if (s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress())) {
            // TCP self-connect: with no master listening, the kernel may pick the master's own port as this
            // socket's ephemeral port and connect it to itself; holding it would keep the master from binding
            throw new java.net.ConnectException("connected to itself on " + addr + " (no master listening)");
        }
        // Wake up regularly to send heartbeats; give up on a master silent for haHousekeepingInterval.
        int heartbeat = Math.max(100, config.getHaSendHeartbeatInterval());
        s.setSoTimeout(Math.min(heartbeat, config.getHaHousekeepingInterval()));
        log.info("HAClient connected to master {}", addr);
        OutputStream out = s.getOutputStream();
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(s.getInputStream(), 256 * 1024));
        lastReadTimestamp = System.currentTimeMillis();
        report(out, store.getMaxPhyOffset());
        byte[] body = new byte[64 * 1024];
        while (!isStopped() && addr.equals(masterAddress.get())) {
            long masterPhyOffset;
            int bodySize;
            try {
                masterPhyOffset = readLongFirstByteTimed(in);
            } catch (SocketTimeoutException e) {
                if (System.currentTimeMillis() - lastReadTimestamp > config.getHaHousekeepingInterval()) {
                    log.warn("HAClient, housekeeping, found this connection[{}] expired", addr);
                    return;
                }
                if (System.currentTimeMillis() - lastReportTimestamp >= config.getHaSendHeartbeatInterval()) {
                    report(out, store.getMaxPhyOffset());
                }
                continue;
            }
            bodySize = in.readInt();
            // a corrupt or foreign peer must not make the slave allocate what it says: RocketMQ's slave reads
            // frames through a 4 MiB buffer, so no faithful master sends more at once
            if (bodySize < 0 || bodySize > Math.max(READ_BUFFER_SIZE, config.getHaTransferBatchSize())) {
                log.error("master {} sent a frame of {} bytes, closing the connection", addr, bodySize);
                return;
            }
            if (body.length < bodySize) {
                body = new byte[bodySize];
            }
            in.readFully(body, 0, bodySize);
            lastReadTimestamp = System.currentTimeMillis();
            long slavePhyOffset = store.getMaxPhyOffset();
            if (slavePhyOffset != 0 && slavePhyOffset != masterPhyOffset) {
                log.error("master pushed offset not equal the max phy offset in slave, SLAVE: {} MASTER: {}",
                    slavePhyOffset, masterPhyOffset);
                return;
            }
            if (bodySize > 0) {
                if (!store.appendToCommitLog(masterPhyOffset, body, 0, bodySize)) {
                    log.error("slave failed to append {} bytes at {}", bodySize, masterPhyOffset);
                    return;
                }
                report(out, store.getMaxPhyOffset());
            } else if (System.currentTimeMillis() - lastReportTimestamp >= config.getHaSendHeartbeatInterval()) {
                report(out, store.getMaxPhyOffset());
            }
        }
    }

    /**
     * Reads the 8-byte header offset. Only the wait for its first byte may time out (the heartbeat tick);
     * once a frame started, the rest is read under the same socket timeout, treated as a broken connection.
     */
    private long readLongFirstByteTimed(DataInputStream in) throws IOException {
        InputStream raw = in;
        int first = raw.read();
        if (first < 0) {
            throw new IOException("master closed the connection");
        }
        long v = first & 0xFF;
        for (int i = 1; i < 8; i++) {
            int b;
            try {
                b = raw.read();
            } catch (SocketTimeoutException e) {
                throw new IOException("master stalled inside a frame header", e);
            }
            if (b < 0) {
                throw new IOException("master closed the connection");
            }
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
