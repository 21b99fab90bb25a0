package io.apogee.store;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.store.config.MessageStoreConfig;

/**
 * Off-heap buffers, one per CommitLog file being written, that appends go to before a commit thread moves
 * them into the file channel (transientStorePoolEnable). Keeps the append path off page-fault stalls.
 */
public class TransientStorePool {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final int poolSize;
    private final int fileSize;
    private final Deque<ByteBuffer> availableBuffers = new ArrayDeque<>();

    public TransientStorePool(MessageStoreConfig config) {
        this.poolSize = config.getTransientStorePoolSize();
        this.fileSize = config.getMappedFileSizeCommitLog();
    }

    public synchronized void init() {
        for (int i = 0; i < poolSize; i++) {
            availableBuffers.offer(ByteBuffer.allocateDirect(fileSize));
        }
    }

    public synchronized void destroy() {
        for (ByteBuffer b : availableBuffers) {
            MappedFile.unmap(b);
        }
        availableBuffers.clear();
    }

    public synchronized void returnBuffer(ByteBuffer byteBuffer) {
        byteBuffer.clear();
        availableBuffers.offerFirst(byteBuffer);
    }

    public synchronized ByteBuffer borrowBuffer() {
        ByteBuffer buffer = availableBuffers.pollFirst();
        if (buffer == null) {
            log.warn("TransientStorePool exhausted, allocating an extra buffer");
            return ByteBuffer.allocateDirect(fileSize);
        }
        if (availableBuffers.size() < poolSize * 0.4) {
            log.warn("TransientStorePool only remain {} sheets.", availableBuffers.size());
        }
        return buffer;
    }

    public synchronized int availableBufferNums() {
        return availableBuffers.size();
    }
}
