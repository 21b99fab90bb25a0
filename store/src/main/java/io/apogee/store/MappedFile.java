package io.apogee.store;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One memory-mapped store file, named by the absolute offset of its first byte.
 *
 * <p>Positions (bytes from the file start): {@code wrotePosition} — appended so far; {@code committedPosition}
 * — moved from the transient pool buffer into the file (equal to wrote without a pool); {@code flushedPosition}
 * — forced to disk. Appends come from one thread at a time (the owner's lock); reads may run concurrently and
 * see only bytes below the read position, which is published after the bytes are in place.
 */
public class MappedFile extends ReferenceResource {
    public static final int OS_PAGE_SIZE = 4096;
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final AtomicLong TOTAL_MAPPED_VIRTUAL_MEMORY = new AtomicLong();
    private static final AtomicInteger TOTAL_MAPPED_FILES = new AtomicInteger();

    protected final AtomicInteger wrotePosition = new AtomicInteger(0);
    protected final AtomicInteger committedPosition = new AtomicInteger(0);
    private final AtomicInteger flushedPosition = new AtomicInteger(0);
    private final String fileName;
    private final long fileFromOffset;
    private final int fileSize;
    private final File file;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    /** Pooled direct buffer that appends go to first when transientStorePoolEnable is on; else null. */
    private ByteBuffer writeBuffer;
    private TransientStorePool transientStorePool;
    private boolean pooled;
    private volatile long storeTimestamp = 0;
    private boolean firstCreateInQueue = false;

    public MappedFile(String fileName, int fileSize) throws IOException {
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.file = new File(fileName);
        this.fileFromOffset = Long.parseLong(this.file.getName());
        File parent = file.getParentFile();
        if (parent != null && !parent.exists() && !parent.mkdirs() && !parent.exists()) {
            throw new IOException("cannot create directory " + parent);
        }
        boolean ok = false;
        RandomAccessFile raf = new RandomAccessFile(file, "rw");
        try {
            this.fileChannel = raf.getChannel();
            if (fileChannel.size() != fileSize) {
                raf.setLength(fileSize);
            }
            this.mappedByteBuffer = fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            TOTAL_MAPPED_VIRTUAL_MEMORY.addAndGet(fileSize);
            TOTAL_MAPPED_FILES.incrementAndGet();
            ok = true;
        } finally {
            if (!ok) {
                raf.close();
            }
        }
    }

    public MappedFile(String fileName, int fileSize, TransientStorePool pool) throws IOException {
        this(fileName, fileSize);
        this.writeBuffer = pool.borrowBuffer();
        this.transientStorePool = pool;
        this.pooled = true;
    }

    public static long getTotalMappedVirtualMemory() {
        return TOTAL_MAPPED_VIRTUAL_MEMORY.get();
    }

    public static int getTotalMappedFiles() {
        return TOTAL_MAPPED_FILES.get();
    }

    public long getLastModifiedTimestamp() {
        return file.lastModified();
    }

    public int getFileSize() {
        return fileSize;
    }

    public FileChannel getFileChannel() {
        return fileChannel;
    }

    /**
     * Copies {@code length} bytes of {@code src} from {@code srcOffset} to the write position in one copy.
     * The caller has checked that they fit.
     */
    public void appendEncoded(ByteBuffer src, int srcOffset, int length, long storeTimestamp) {
        int pos = wrotePosition.get();
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        target.put(pos, src, srcOffset, length);
        this.storeTimestamp = storeTimestamp;
        wrotePosition.set(pos + length);
    }

    /** Appends raw bytes (ConsumeQueue units, replicated CommitLog data); false when they do not fit. */
    public boolean appendMessage(byte[] data) {
        return appendMessage(data, 0, data.length);
    }

    public boolean appendMessage(byte[] data, int offset, int length) {
        int pos = wrotePosition.get();
        if (pos + length > fileSize) {
            return false;
        }
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        target.put(pos, data, offset, length);
        wrotePosition.set(pos + length);
        return true;
    }

    public boolean appendMessage(ByteBuffer data) {
        int length = data.remaining();
        int pos = wrotePosition.get();
        if (pos + length > fileSize) {
            return false;
        }
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        target.put(pos, data, data.position(), length);
        data.position(data.limit());
        wrotePosition.set(pos + length);
        return true;
    }

    /** Writes an int at an absolute position without moving the write position (blank markers, pre-fill). */
    void putIntAt(int pos, int value) {
        (writeBuffer != null ? writeBuffer : mappedByteBuffer).putInt(pos, value);
    }

    public long getFileFromOffset() {
        return fileFromOffset;
    }

    /** Forces written bytes to disk when at least {@code flushLeastPages} new pages (0 = any) are dirty. */
    public int flush(int flushLeastPages) {
        if (isAbleToFlush(flushLeastPages)) {
            if (hold()) {
                int value = getReadPosition();
                int from = flushedPosition.get();
                try {
                    if (pooled) {
                        fileChannel.force(false);
                    } else if (value > from) {
                        // msync only the dirty range: group commit flushes small ranges often
                        mappedByteBuffer.force(from, value - from);
                    }
                } catch (Throwable e) {
                    log.error("Error occurred when force data to disk.", e);
                }
                flushedPosition.set(value);
                release();
            } else {
                log.warn("in flush, hold failed, flush offset = {}", flushedPosition.get());
                flushedPosition.set(getReadPosition());
            }
        }
        return flushedPosition.get();
    }

    /** Moves pooled-buffer bytes into the file channel (transient store pool only). */
    public int commit(int commitLeastPages) {
        if (writeBuffer == null) {
            return wrotePosition.get();
        }
        if (isAbleToCommit(commitLeastPages)) {
            if (hold()) {
                commit0();
                release();
            } else {
                log.warn("in commit, hold failed, commit offset = {}", committedPosition.get());
            }
        }
        if (writeBuffer != null && transientStorePool != null && fileSize == committedPosition.get()) {
            transientStorePool.returnBuffer(writeBuffer);
            writeBuffer = null;
        }
        return committedPosition.get();
    }

    private void commit0() {
        int writePos = wrotePosition.get();
        int lastCommittedPosition = committedPosition.get();
        if (writePos > lastCommittedPosition) {
            try {
                ByteBuffer byteBuffer = writeBuffer.duplicate();
                byteBuffer.position(lastCommittedPosition);
                byteBuffer.limit(writePos);
                fileChannel.position(lastCommittedPosition);
                while (byteBuffer.hasRemaining()) {
                    fileChannel.write(byteBuffer);
                }
                committedPosition.set(writePos);
            } catch (IOException e) {
                log.error("Error occurred when commit data to FileChannel.", e);
            }
        }
    }

    private boolean isAbleToFlush(int flushLeastPages) {
        int flush = flushedPosition.get();
        int write = getReadPosition();
        if (isFull()) {
            return flush < fileSize;
        }
        if (flushLeastPages > 0) {
            return (write / OS_PAGE_SIZE) - (flush / OS_PAGE_SIZE) >= flushLeastPages;
        }
        return write > flush;
    }

    protected boolean isAbleToCommit(int commitLeastPages) {
        int commit = committedPosition.get();
        int write = wrotePosition.get();
        if (isFull()) {
            return commit < fileSize;
        }
        if (commitLeastPages > 0) {
            return (write / OS_PAGE_SIZE) - (commit / OS_PAGE_SIZE) >= commitLeastPages;
        }
        return write > commit;
    }

    public int getFlushedPosition() {
        return flushedPosition.get();
    }

    public void setFlushedPosition(int pos) {
        flushedPosition.set(pos);
    }

    public boolean isFull() {
        return fileSize == wrotePosition.get();
    }

    /** A slice of {@code size} bytes at {@code pos}, holding a reference; null if not readable yet. */
    public SelectMappedBufferResult selectMappedBuffer(int pos, int size) {
        int readPosition = getReadPosition();
        if (pos + size <= readPosition && pos >= 0 && size >= 0) {
            if (hold()) {
                ByteBuffer slice = mappedByteBuffer.slice(pos, size);
                return new SelectMappedBufferResult(fileFromOffset + pos, slice, size, this);
            }
            log.warn("matched, but hold failed, request pos: {}, fileFromOffset: {}", pos, fileFromOffset);
        }
        return null;
    }

    /** Everything readable from {@code pos} to the read position. */
    public SelectMappedBufferResult selectMappedBuffer(int pos) {
        int readPosition = getReadPosition();
        if (pos < readPosition && pos >= 0) {
            if (hold()) {
                int size = readPosition - pos;
                ByteBuffer slice = mappedByteBuffer.slice(pos, size);
                return new SelectMappedBufferResult(fileFromOffset + pos, slice, size, this);
            }
        }
        return null;
    }

    @Override
    public boolean cleanup(long currentRef) {
        if (isAvailable()) {
            log.error("this file[REF:{}] {} have not shutdown, stop unmapping.", currentRef, fileName);
            return false;
        }
        if (isCleanupOver()) {
            return true;
        }
        unmap(mappedByteBuffer);
        TOTAL_MAPPED_VIRTUAL_MEMORY.addAndGet(-fileSize);
        TOTAL_MAPPED_FILES.decrementAndGet();
        return true;
    }

    /** Shuts the mapping down and deletes the file once no reader holds it. */
    public boolean destroy(long intervalForcibly) {
        shutdown(intervalForcibly);
        if (isCleanupOver()) {
            try {
                fileChannel.close();
                if (writeBuffer != null && transientStorePool != null) {
                    transientStorePool.returnBuffer(writeBuffer);
                    writeBuffer = null;
                }
                boolean result = file.delete();
                log.info("delete file[REF:{}] {} {}, W:{} M:{}", getRefCount(), fileName,
                    result ? "OK" : "Failed", getWrotePosition(), getFlushedPosition());
            } catch (IOException e) {
                log.warn("close file channel {} failed", fileName, e);
            }
            return true;
        }
        log.warn("destroy mapped file[REF:{}] {} Failed. cleanupOver: {}", getRefCount(), fileName, cleanupOver);
        return false;
    }

    /** Unmaps and closes without deleting (shutdown). */
    public void close() {
        shutdown(0);
        if (isCleanupOver()) {
            try {
                fileChannel.close();
            } catch (IOException e) {
                log.warn("close file channel {} failed", fileName, e);
            }
        }
    }

    public int getWrotePosition() {
        return wrotePosition.get();
    }

    public void setWrotePosition(int pos) {
        wrotePosition.set(pos);
    }

    /** Highest offset readers may see: committed bytes with a pool, written bytes without one. */
    public int getReadPosition() {
        return writeBuffer == null ? wrotePosition.get() : committedPosition.get();
    }

    public void setCommittedPosition(int pos) {
        committedPosition.set(pos);
    }

    public int getCommittedPosition() {
        return committedPosition.get();
    }

    /** Touches every page so the first appends do not page-fault (warmMapedFileEnable). */
    public void warmMappedFile(FlushDiskTypeHint type, int pages) {
        long begin = System.currentTimeMillis();
        int flush = 0;
        for (int i = 0, j = 0; i < fileSize; i += OS_PAGE_SIZE, j++) {
            mappedByteBuffer.put(i, (byte) 0);
            if (type == FlushDiskTypeHint.SYNC && (i / OS_PAGE_SIZE) - (flush / OS_PAGE_SIZE) >= pages) {
                flush = i;
                mappedByteBuffer.force();
            }
        }
        if (type == FlushDiskTypeHint.SYNC) {
            mappedByteBuffer.force();
        }
        log.info("mapped file warm-up done. mappedFile={}, costTime={}", fileName, System.currentTimeMillis() - begin);
    }

    /** Whether warm-up should force pages as it goes (SYNC_FLUSH stores). */
    public enum FlushDiskTypeHint { SYNC, ASYNC }

    public String getFileName() {
        return fileName;
    }

    public MappedByteBuffer getMappedByteBuffer() {
        return mappedByteBuffer;
    }

    public ByteBuffer sliceByteBuffer() {
        return mappedByteBuffer.slice();
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long storeTimestamp) {
        this.storeTimestamp = storeTimestamp;
    }

    public boolean isFirstCreateInQueue() {
        return firstCreateInQueue;
    }

    public void setFirstCreateInQueue(boolean firstCreateInQueue) {
        this.firstCreateInQueue = firstCreateInQueue;
    }

    public File getFile() {
        return file;
    }

    @Override
    public String toString() {
        return fileName;
    }

    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method cleaner = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = f.get(null);
            cleaner = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot unmap files eagerly; mappings are released by GC", e);
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = cleaner;
    }

    /** Releases the mapping now instead of whenever GC finds the buffer; the buffer must not be used again. */
    static void unmap(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect() || INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("unmap failed", e);
        }
    }
}
