package io.apogee.store.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.store.MappedFile;
import io.apogee.store.StoreLoggers;

/**
 * A hash index from "topic#key" to CommitLog offsets (protocol.md §5.3): header, {@code hashSlotNum} int32
 * slots holding the newest entry number of their bucket, then {@code indexNum} 20-byte entries
 * (keyHash, phyOffset, timeDiff seconds, previous entry number) chained newest-first.
 */
public class IndexFile {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int HASH_SLOT_SIZE = 4;
    private static final int INDEX_SIZE = 20;
    private static final int INVALID_INDEX = 0;

    private final int hashSlotNum;
    private final int indexNum;
    private final MappedFile mappedFile;
    private final ByteBuffer mappedByteBuffer;
    private final IndexHeader indexHeader;

    public IndexFile(String fileName, int hashSlotNum, int indexNum, long endPhyOffset, long endTimestamp)
        throws IOException {
        int fileTotalSize = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + indexNum * INDEX_SIZE;
        // Index files are named by creation time (yyyyMMddHHmmssSSS), which MappedFile reads as its "offset".
        this.mappedFile = new MappedFile(fileName, fileTotalSize);
        this.mappedByteBuffer = mappedFile.getMappedByteBuffer();
        this.hashSlotNum = hashSlotNum;
        this.indexNum = indexNum;
        this.indexHeader = new IndexHeader(mappedByteBuffer.duplicate());
        if (endPhyOffset > 0) {
            indexHeader.setBeginPhyOffset(endPhyOffset);
            indexHeader.setEndPhyOffset(endPhyOffset);
        }
        if (endTimestamp > 0) {
            indexHeader.setBeginTimestamp(endTimestamp);
            indexHeader.setEndTimestamp(endTimestamp);
        }
    }

    public String getFileName() {
        return mappedFile.getFileName();
    }

    public void load() {
        indexHeader.load();
    }

    public void flush() {
        if (mappedFile.hold()) {
            indexHeader.updateByteBuffer();
            mappedFile.getMappedByteBuffer().force();
            mappedFile.release();
        }
    }

    public boolean isWriteFull() {
        return indexHeader.getIndexCount() >= indexNum;
    }

    public boolean destroy(long intervalForcibly) {
        return mappedFile.destroy(intervalForcibly);
    }

    public void close() {
        mappedFile.close();
    }

    /** Adds {@code key} → {@code phyOffset}; false when the file is full. */
    public boolean putKey(String key, long phyOffset, long storeTimestamp) {
        return putKeyHash(indexKeyHashMethod(key), phyOffset, storeTimestamp);
    }

    /** As {@link #putKey} with the key already hashed by {@link #indexKeyHashMethod}. */
    public boolean putKeyHash(int keyHash, long phyOffset, long storeTimestamp) {
        if (indexHeader.getIndexCount() >= indexNum) {
            log.warn("Over index file capacity: index count = {}; index max num = {}", indexHeader.getIndexCount(),
                indexNum);
            return false;
        }
        int slotPos = keyHash % hashSlotNum;
        int absSlotPos = IndexHeader.INDEX_HEADER_SIZE + slotPos * HASH_SLOT_SIZE;
        int slotValue = mappedByteBuffer.getInt(absSlotPos);
        if (slotValue <= INVALID_INDEX || slotValue > indexHeader.getIndexCount()) {
            slotValue = INVALID_INDEX;
        }
        long timeDiff = storeTimestamp - indexHeader.getBeginTimestamp();
        timeDiff = timeDiff / 1000;
        if (indexHeader.getBeginTimestamp() <= 0) {
            timeDiff = 0;
        } else if (timeDiff > Integer.MAX_VALUE) {
            timeDiff = Integer.MAX_VALUE;
        } else if (timeDiff < 0) {
            timeDiff = 0;
        }
        int absIndexPos = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE
            + indexHeader.getIndexCount() * INDEX_SIZE;
        mappedByteBuffer.putInt(absIndexPos, keyHash);
        mappedByteBuffer.putLong(absIndexPos + 4, phyOffset);
        mappedByteBuffer.putInt(absIndexPos + 4 + 8, (int) timeDiff);
        mappedByteBuffer.putInt(absIndexPos + 4 + 8 + 4, slotValue);
        mappedByteBuffer.putInt(absSlotPos, indexHeader.getIndexCount());
        if (indexHeader.getIndexCount() <= 1) {
            indexHeader.setBeginPhyOffset(phyOffset);
            indexHeader.setBeginTimestamp(storeTimestamp);
        }
        if (slotValue == INVALID_INDEX) {
            indexHeader.incHashSlotCount();
        }
        indexHeader.incIndexCount();
        indexHeader.setEndPhyOffset(phyOffset);
        indexHeader.setEndTimestamp(storeTimestamp);
        return true;
    }

    public static int indexKeyHashMethod(String key) {
        return positiveHash(key.hashCode());
    }

    /** abs(hash), with Integer.MIN_VALUE mapped to 0, as the reference index stores it. */
    public static int positiveHash(int keyHash) {
        int keyHashPositive = Math.abs(keyHash);
        if (keyHashPositive < 0) {
            keyHashPositive = 0;
        }
        return keyHashPositive;
    }

    public long getBeginTimestamp() {
        return indexHeader.getBeginTimestamp();
    }

    public long getEndTimestamp() {
        return indexHeader.getEndTimestamp();
    }

    public long getEndPhyOffset() {
        return indexHeader.getEndPhyOffset();
    }

    public int getIndexCount() {
        return indexHeader.getIndexCount();
    }

    public boolean isTimeMatched(long begin, long end) {
        boolean result = begin < indexHeader.getBeginTimestamp() && end > indexHeader.getEndTimestamp();
        result = result || begin >= indexHeader.getBeginTimestamp() && begin <= indexHeader.getEndTimestamp();
        result = result || end >= indexHeader.getBeginTimestamp() && end <= indexHeader.getEndTimestamp();
        return result;
    }

    /** Appends to {@code phyOffsets} the offsets of entries for {@code key} stored within [begin, end]. */
    public void selectPhyOffset(List<Long> phyOffsets, String key, int maxNum, long begin, long end) {
        if (!mappedFile.hold()) {
            return;
        }
        try {
            int keyHash = indexKeyHashMethod(key);
            int slotPos = keyHash % hashSlotNum;
            int absSlotPos = IndexHeader.INDEX_HEADER_SIZE + slotPos * HASH_SLOT_SIZE;
            int slotValue = mappedByteBuffer.getInt(absSlotPos);
            if (slotValue <= INVALID_INDEX || slotValue > indexHeader.getIndexCount()
                || indexHeader.getIndexCount() <= 1) {
                return;
            }
            for (int nextIndexToRead = slotValue; ; ) {
                if (phyOffsets.size() >= maxNum) {
                    break;
                }
                int absIndexPos = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE
                    + nextIndexToRead * INDEX_SIZE;
                int keyHashRead = mappedByteBuffer.getInt(absIndexPos);
                long phyOffsetRead = mappedByteBuffer.getLong(absIndexPos + 4);
                long timeDiff = mappedByteBuffer.getInt(absIndexPos + 4 + 8);
                int prevIndexRead = mappedByteBuffer.getInt(absIndexPos + 4 + 8 + 4);
                if (timeDiff < 0) {
                    break;
                }
                timeDiff *= 1000L;
                long timeRead = indexHeader.getBeginTimestamp() + timeDiff;
                boolean timeMatched = timeRead >= begin && timeRead <= end;
                if (keyHash == keyHashRead && timeMatched) {
                    phyOffsets.add(phyOffsetRead);
                }
                if (prevIndexRead <= INVALID_INDEX || prevIndexRead > indexHeader.getIndexCount()
                    || prevIndexRead == nextIndexToRead || timeRead < begin) {
                    break;
                }
                nextIndexToRead = prevIndexRead;
            }
        } finally {
            mappedFile.release();
        }
    }
}
