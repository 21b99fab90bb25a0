package io.apogee.store.ha;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.SelectMappedBufferResult;
import io.apogee.store.StoreLoggers;
import io.apogee.store.config.MessageStoreConfig;

/** One slave connected to the master: a reader for its offset reports and a writer streaming the commit log. */
public class HAConnection {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    static final int HEADER_SIZE = 12;

    private final HAService haService;
    private final Socket socket;
    private final String clientAddr;
    private final ReadSocketService reader;
    private final WriteSocketService writer;
    private final AtomicBoolean closed = new AtomicBoolean(false);
    /** First offset the slave asked for; -1 until its first report. */
    private volatile long slaveRequestOffset = -1;
    /** Highest offset the slave acknowledged. */
    private volatile long slaveAckOffset = -1;

    HAConnection(HAService haService, Socket socket) throws IOException {
        this.haService = haService;
        this.socket = socket;
        this.clientAddr = String.valueOf(socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(false);
        socket.setSoTimeout(haService.getStore().getMessageStoreConfig().getHaHousekeepingInterval());
        this.reader = new ReadSocketService();
        this.writer = new WriteSocketService();
    }

    void start() {
        reader.start();
        writer.start();
    }

    public String getClientAddr() {
        return clientAddr;
    }

    public long getSlaveAckOffset() {
        return slaveAckOffset;
    }

    void wakeupWriter() {
        writer.wakeup();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
        haService.removeConnection(this);
        reader.shutdown(true);
        writer.shutdown(true);
        log.info("HA connection to slave {} closed", clientAddr);
    }

    class ReadSocketService extends ServiceThread {
        ReadSocketService() {
            super(true);
        }

        @Override
        public String getServiceName() {
            return "HAReadSocketService-" + clientAddr;
        }

        @Override
        public void run() {
            try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
                while (!isStopped()) {
                    long offset = in.readLong();
                    long masterMax = haService.getStore().getMaxPhyOffset();
                    if (offset < 0 || offset > masterMax) {
                        log.warn("slave {} reports offset {} outside the master's commit log [0, {}], closing",
                            clientAddr, offset, masterMax);
                        break;
                    }
                    slaveAckOffset = offset;
                    if (slaveRequestOffset < 0) {
                        slaveRequestOffset = offset;
                        log.info("slave {} requests offset {}", clientAddr, offset);
                        writer.wakeup();
                    }
                    haService.notifyTransferSome(offset);
                }
            } catch (SocketTimeoutException e) {
                log.warn("slave {} silent for {} ms, closing", clientAddr,
                    haService.getStore().getMessageStoreConfig().getHaHousekeepingInterval());
            } catch (IOException e) {
                if (!closed.get()) {
                    log.info("HA read from slave {} ended: {}", clientAddr, e.toString());
                }
            } finally {
                close();
            }
        }
    }

    class WriteSocketService extends ServiceThread {
        private final ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);

        WriteSocketService() {
            super(true);
        }

        @Override
        public String getServiceName() {
            return "HAWriteSocketService-" + clientAddr;
        }

        private void writeHeader(OutputStream out, long offset, int size) throws IOException {
            header.clear();
            header.putLong(offset).putInt(size);
            out.write(header.array(), 0, HEADER_SIZE);
        }

        @Override
        public void run() {
            DefaultMessageStore store = haService.getStore();
            MessageStoreConfig config = store.getMessageStoreConfig();
            byte[] chunk = new byte[Math.max(1, config.getHaTransferBatchSize())];
            long nextTransferFromWhere = -1;
            long lastWriteTimestamp = System.currentTimeMillis();
            try {
                OutputStream out = socket.getOutputStream();
                while (!isStopped()) {
                    if (slaveRequestOffset < 0) {
                        waitForRunning(10);
                        continue;
                    }
                    if (nextTransferFromWhere < 0) {
                        if (slaveRequestOffset == 0) {
                            long maxOffset = store.getMaxPhyOffset();
                            int fileSize = config.getMappedFileSizeCommitLog();
                            nextTransferFromWhere = maxOffset - maxOffset % fileSize;
                        } else {
                            nextTransferFromWhere = slaveRequestOffset;
                        }
                        log.info("master transfers to slave {} from offset {}", clientAddr, nextTransferFromWhere);
                    }
                    SelectMappedBufferResult data = store.getCommitLogData(nextTransferFromWhere);
                    if (data != null && data.getSize() > 0) {
                        int size;
                        try {
                            size = Math.min(data.getSize(), chunk.length);
                            data.getByteBuffer().get(chunk, 0, size);
                        } finally {
                            data.release();
                        }
                        writeHeader(out, nextTransferFromWhere, size);
                        out.write(chunk, 0, size);
                        out.flush();
                        nextTransferFromWhere += size;
                        lastWriteTimestamp = System.currentTimeMillis();
                        continue;
                    }
                    if (data != null) {
                        data.release();
                    }
                    if (System.currentTimeMillis() - lastWriteTimestamp > config.getHaSendHeartbeatInterval()) {
                        writeHeader(out, nextTransferFromWhere, 0);
                        out.flush();
                        lastWriteTimestamp = System.currentTimeMillis();
                    }
                    waitForRunning(100);
                }
            } catch (IOException e) {
                if (!closed.get()) {
                    log.info("HA write to slave {} ended: {}", clientAddr, e.toString());
                }
            } finally {
                close();
            }
        }
    }
}
