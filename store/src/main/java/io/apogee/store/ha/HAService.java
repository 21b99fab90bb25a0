package io.apogee.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.StoreLoggers;

/**
 * Master side of commit-log replication (protocol.md §7). Accepts slave connections on {@code haListenPort};
 * each connection gets a reader (the slave's 8-byte offset reports) and a writer (transfer frames
 * {@code [int64 offset][int32 size][bytes]}). Keeps the highest offset any slave acknowledged, which
 * SYNC_MASTER puts wait for through {@link GroupTransferService}.
 */
public class HAService {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);

    private final DefaultMessageStore store;
    private final List<HAConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong push2SlaveMaxOffset = new AtomicLong(0);
    private final AcceptSocketService acceptSocketService;
    private final GroupTransferService groupTransferService;

    public HAService(DefaultMessageStore store) {
        this.store = store;
        this.acceptSocketService = new AcceptSocketService(store.getMessageStoreConfig().getHaListenPort());
        this.groupTransferService = new GroupTransferService(this);
    }

    public void start() throws IOException {
        acceptSocketService.bind();
        acceptSocketService.start();
        groupTransferService.start();
    }

    public void shutdown() {
        acceptSocketService.shutdown(true);
        for (HAConnection c : connections) {
            c.close();
        }
        connections.clear();
        groupTransferService.shutdown();
    }

    /** The port the acceptor is bound to (useful when haListenPort is 0). */
    public int getListenPort() {
        return acceptSocketService.boundPort;
    }

    public DefaultMessageStore getStore() {
        return store;
    }

    public int connectionCount() {
        return connections.size();
    }

    public List<HAConnection> getConnections() {
        return connections;
    }

    /** Whether a put ending at {@code masterPutWhere} may wait for a slave (SYNC_MASTER). */
    public boolean isSlaveOK(long masterPutWhere) {
        return !connections.isEmpty()
            && masterPutWhere - push2SlaveMaxOffset.get() < store.getMessageStoreConfig().getHaSlaveFallbehindMax();
    }

    /** A slave acknowledged everything below {@code offset}. */
    public void notifyTransferSome(long offset) {
        for (long value = push2SlaveMaxOffset.get(); offset > value; value = push2SlaveMaxOffset.get()) {
            if (push2SlaveMaxOffset.compareAndSet(value, offset)) {
                groupTransferService.notifyTransferSome();
                break;
            }
        }
    }

    public AtomicLong getPush2SlaveMaxOffset() {
        return push2SlaveMaxOffset;
    }

    /** Completes with true once a slave acked {@code endOffset}, false after {@code timeoutMs}. */
    public CompletableFuture<Boolean> waitForSlave(long endOffset, long timeoutMs) {
        return groupTransferService.putRequest(endOffset, timeoutMs);
    }

    /** New commit-log data was written: writers waiting for data stop sleeping. */
    public void wakeupWriters() {
        for (HAConnection c : connections) {
            c.wakeupWriter();
        }
    }

    void removeConnection(HAConnection c) {
        connections.remove(c);
    }

    class AcceptSocketService extends ServiceThread {
        private final int port;
        private ServerSocket serverSocket;
        private volatile int boundPort;

        AcceptSocketService(int port) {
            super(true);
            this.port = port;
        }

        void bind() throws IOException {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            try {
                serverSocket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                serverSocket.close();
                throw new IOException("Address already in use: HA listen port " + port + " (haListenPort) cannot be bound: "
                    + e.getMessage(), e);
            }
            boundPort = serverSocket.getLocalPort();
        }

        @Override
        public void shutdown(boolean interrupt) {
            try {
                serverSocket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            super.shutdown(interrupt);
        }

        @Override
        public String getServiceName() {
            return "HAAcceptSocketService";
        }

        @Override
        public void run() {
            log.info("{} service started on port {}", getServiceName(), boundPort);
            while (!isStopped()) {
                try {
                    Socket socket = serverSocket.accept();
                    log.info("HAService receive new connection, {}", socket.getRemoteSocketAddress());
                    HAConnection conn = new HAConnection(HAService.this, socket);
                    connections.add(conn);
                    conn.start();
                } catch (SocketException e) {
                    if (serverSocket.isClosed()) {
                        break;
                    }
                    log.warn("{} accept failed: {}", getServiceName(), e.toString());
                } catch (Exception e) {
                    log.error("{} service has exception.", getServiceName(), e);
                }
            }
            log.info("{} service end", getServiceName());
        }
    }
}
