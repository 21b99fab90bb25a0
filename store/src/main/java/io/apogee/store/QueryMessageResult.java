package io.apogee.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Messages found through the index, as CommitLog slices to release after sending. */
public class QueryMessageResult {
    private final List<SelectMappedBufferResult> messageMapedList = new ArrayList<>();
    private final List<ByteBuffer> messageBufferList = new ArrayList<>();
    private long indexLastUpdateTimestamp;
    private long indexLastUpdatePhyoffset;
    private int bufferTotalSize = 0;

    public void addMessage(SelectMappedBufferResult mapedBuffer) {
        messageMapedList.add(mapedBuffer);
        messageBufferList.add(mapedBuffer.getByteBuffer());
        bufferTotalSize += mapedBuffer.getSize();
    }

    public void release() {
        for (SelectMappedBufferResult r : messageMapedList) {
            r.release();
        }
    }

    public long getIndexLastUpdateTimestamp() {
        return indexLastUpdateTimestamp;
    }

    public void setIndexLastUpdateTimestamp(long indexLastUpdateTimestamp) {
        this.indexLastUpdateTimestamp = indexLastUpdateTimestamp;
    }

    public long getIndexLastUpdatePhyoffset() {
        return indexLastUpdatePhyoffset;
    }

    public void setIndexLastUpdatePhyoffset(long indexLastUpdatePhyoffset) {
        this.indexLastUpdatePhyoffset = indexLastUpdatePhyoffset;
    }

    public List<ByteBuffer> getMessageBufferList() {
        return messageBufferList;
    }

    public List<SelectMappedBufferResult> getMessageMapedList() {
        return messageMapedList;
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }
}
