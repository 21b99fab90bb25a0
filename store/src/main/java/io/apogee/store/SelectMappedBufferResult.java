package io.apogee.store;

import java.nio.ByteBuffer;

/**
 * A read-only slice of a mapped file plus a reference on that file; the caller must {@link #release()} it
 * once the bytes were sent or copied.
 */
public class SelectMappedBufferResult {
    private final long startOffset;
    private final ByteBuffer byteBuffer;
    private int size;
    private MappedFile mappedFile;

    public SelectMappedBufferResult(long startOffset, ByteBuffer byteBuffer, int size, MappedFile mappedFile) {
        this.startOffset = startOffset;
        this.byteBuffer = byteBuffer;
        this.size = size;
        this.mappedFile = mappedFile;
    }

    public ByteBuffer getByteBuffer() {
        return byteBuffer;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int s) {
        this.size = s;
        this.byteBuffer.limit(s);
    }

    public long getStartOffset() {
        return startOffset;
    }

    public MappedFile getMappedFile() {
        return mappedFile;
    }

    public synchronized void release() {
        if (mappedFile != null) {
            mappedFile.release();
            mappedFile = null;
        }
    }
}
