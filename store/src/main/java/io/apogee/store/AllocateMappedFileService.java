package io.apogee.store;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Creates CommitLog files one step ahead: when the writer asks for file N it also queues N+1, so the next
 * roll-over finds its file already mapped (and warmed, if configured) instead of paying for it inline.
 */
public class AllocateMappedFileService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final long WAIT_TIMEOUT_MS = 5_000;

    private final Map<String, CompletableFuture<MappedFile>> requestTable = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Request> requestQueue = new LinkedBlockingQueue<>();
    private final MessageStoreConfig config;
    private final TransientStorePool transientStorePool;

    private record Request(String filePath, int fileSize, CompletableFuture<MappedFile> future) {
    }

    public AllocateMappedFileService(MessageStoreConfig config, TransientStorePool transientStorePool) {
        super(true);
        this.config = config;
        this.transientStorePool = transientStorePool;
    }

    @Override
    public String getServiceName() {
        return "AllocateMappedFileService";
    }

    /** Returns file {@code nextFilePath} (pre-created or made now) and schedules {@code nextNextFilePath}. */
    public MappedFile putRequestAndReturnMappedFile(String nextFilePath, String nextNextFilePath, int fileSize) {
        CompletableFuture<MappedFile> next = requestTable.computeIfAbsent(nextFilePath, p -> enqueue(p, fileSize));
        requestTable.computeIfAbsent(nextNextFilePath, p -> enqueue(p, fileSize));
        try {
            MappedFile f = next.get(WAIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            requestTable.remove(nextFilePath);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while waiting for {}", nextFilePath);
        } catch (Exception e) {
            log.error("create mapped file {} failed", nextFilePath, e);
            requestTable.remove(nextFilePath);
        }
        return null;
    }

    private CompletableFuture<MappedFile> enqueue(String path, int fileSize) {
        CompletableFuture<MappedFile> f = new CompletableFuture<>();
        if (isStopped() || !isStarted()) {
            complete(new Request(path, fileSize, f));
        } else {
            requestQueue.offer(new Request(path, fileSize, f));
        }
        return f;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                Request r = requestQueue.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    complete(r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void complete(Request r) {
        try {
            MappedFile f = config.isTransientStorePoolEnable() && transientStorePool != null
                && config.getBrokerRole() != io.apogee.store.config.BrokerRole.SLAVE
                ? new MappedFile(r.filePath(), r.fileSize(), transientStorePool)
                : new MappedFile(r.filePath(), r.fileSize());
            if (config.isWarmMapedFileEnable() && r.fileSize() >= config.getMappedFileSizeCommitLog()) {
                f.warmMappedFile(config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH
                    ? MappedFile.FlushDiskTypeHint.SYNC : MappedFile.FlushDiskTypeHint.ASYNC,
                    config.getFlushLeastPagesWhenWarmMapedFile());
            }
            r.future().complete(f);
        } catch (IOException | RuntimeException e) {
            r.future().completeExceptionally(e);
        }
    }

    /** Stops and unmaps any file created ahead but never handed out. */
    @Override
    public void shutdown() {
        super.shutdown(true);
        for (CompletableFuture<MappedFile> f : requestTable.values()) {
            MappedFile mf = f.getNow(null);
            if (mf != null) {
                log.info("delete pre allocated mapped file {}", mf.getFileName());
                mf.destroy(1000);
            }
        }
        requestTable.clear();
    }
}
