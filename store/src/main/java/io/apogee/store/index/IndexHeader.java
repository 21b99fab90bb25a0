package io.apogee.store.index;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 40-byte head of an index file: begin/end store timestamps and CommitLog offsets (int64 each), used
 * slot count and next entry number (int32 each; entries are numbered from 1).
 */
public class IndexHeader {
    public static final int INDEX_HEADER_SIZE = 40;
    private static final int BEGIN_TIMESTAMP_INDEX = 0;
    private static final int END_TIMESTAMP_INDEX = 8;
    private static final int BEGIN_PHY_OFFSET_INDEX = 16;
    private static final int END_PHY_OFFSET_INDEX = 24;
    private static final int HASH_SLOTCOUNT_INDEX = 32;
    private static final int INDEX_COUNT_INDEX = 36;

    private final ByteBuffer byteBuffer;
    private final AtomicLong beginTimestamp = new AtomicLong(0);
    private final AtomicLong endTimestamp = new AtomicLong(0);
    private final AtomicLong beginPhyOffset = new AtomicLong(0);
    private final AtomicLong endPhyOffset = new AtomicLong(0);
    private final AtomicInteger hashSlotCount = new AtomicInteger(0);
    private final AtomicInteger indexCount = new AtomicInteger(1);

    public IndexHeader(ByteBuffer byteBuffer) {
        this.byteBuffer = byteBuffer;
    }

    public void load() {
        beginTimestamp.set(byteBuffer.getLong(BEGIN_TIMESTAMP_INDEX));
        endTimestamp.set(byteBuffer.getLong(END_TIMESTAMP_INDEX));
        beginPhyOffset.set(byteBuffer.getLong(BEGIN_PHY_OFFSET_INDEX));
        endPhyOffset.set(byteBuffer.getLong(END_PHY_OFFSET_INDEX));
        hashSlotCount.set(byteBuffer.getInt(HASH_SLOTCOUNT_INDEX));
        indexCount.set(byteBuffer.getInt(INDEX_COUNT_INDEX));
        if (indexCount.get() <= 0) {
            indexCount.set(1);
        }
    }

    public void updateByteBuffer() {
        byteBuffer.putLong(BEGIN_TIMESTAMP_INDEX, beginTimestamp.get());
        byteBuffer.putLong(END_TIMESTAMP_INDEX, endTimestamp.get());
        byteBuffer.putLong(BEGIN_PHY_OFFSET_INDEX, beginPhyOffset.get());
        byteBuffer.putLong(END_PHY_OFFSET_INDEX, endPhyOffset.get());
        byteBuffer.putInt(HASH_SLOTCOUNT_INDEX, hashSlotCount.get());
        byteBuffer.putInt(INDEX_COUNT_INDEX, indexCount.get());
    }

    public long getBeginTimestamp() {
        return beginTimestamp.get();
    }

    public void setBeginTimestamp(long v) {
        beginTimestamp.set(v);
        byteBuffer.putLong(BEGIN_TIMESTAMP_INDEX, v);
    }

    public long getEndTimestamp() {
        return endTimestamp.get();
    }

    public void setEndTimestamp(long v) {
        endTimestamp.set(v);
        byteBuffer.putLong(END_TIMESTAMP_INDEX, v);
    }

    public long getBeginPhyOffset() {
        return beginPhyOffset.get();
    }

    public void setBeginPhyOffset(long v) {
        beginPhyOffset.set(v);
        byteBuffer.putLong(BEGIN_PHY_OFFSET_INDEX, v);
    }

    public long getEndPhyOffset() {
        return endPhyOffset.get();
    }

    public void setEndPhyOffset(long v) {
        endPhyOffset.set(v);
        byteBuffer.putLong(END_PHY_OFFSET_INDEX, v);
    }

    public int getHashSlotCount() {
        return hashSlotCount.get();
    }

    public void incHashSlotCount() {
        byteBuffer.putInt(HASH_SLOTCOUNT_INDEX, hashSlotCount.incrementAndGet());
    }

    public int getIndexCount() {
        return indexCount.get();
    }

    public void incIndexCount() {
        byteBuffer.putInt(INDEX_COUNT_INDEX, indexCount.incrementAndGet());
    }
}
