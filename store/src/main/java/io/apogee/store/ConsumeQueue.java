package io.apogee.store;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one topic/queue into the CommitLog: fixed 20-byte units, big-endian,
 * <pre>
 *  0                   8           12                  20
 *  +-------------------+-----------+-------------------+
 *  |  commitLogOffset  |   size    |     tagsCode      |
 *  +-------------------+-----------+-------------------+
 * </pre>
 * Logical offset k lives at byte k×20. Written only by the dispatcher thread; read by pulls concurrently.
 */
public class ConsumeQueue {
    public static final int CQ_STORE_UNIT_SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final Logger logError = LoggerFactory.getLogger(StoreLoggers.STORE_ERROR);

    private final MappedFileQueue mappedFileQueue;
    private final String topic;
    private final int queueId;
    private final ByteBuffer byteBufferIndex = ByteBuffer.allocate(CQ_STORE_UNIT_SIZE);
    private final int mappedFileSize;
    private volatile long maxPhysicOffset = -1;
    private volatile long minLogicOffset = 0;

    public ConsumeQueue(String topic, int queueId, String storePath, int mappedFileSize) {
        this.topic = topic;
        this.queueId = queueId;
        this.mappedFileSize = mappedFileSize;
        String queueDir = storePath + File.separator + topic + File.separator + queueId;
        this.mappedFileQueue = new MappedFileQueue(queueDir, mappedFileSize, null);
    }

    public boolean load() {
        boolean result = mappedFileQueue.load();
        log.info("load consume queue {}-{} {}", topic, queueId, result ? "OK" : "Failed");
        return result;
    }

    /**
     * Finds the last valid unit in the last three files. A unit is valid when it has a non-negative offset,
     * a positive size and does not point before its predecessor (stale bytes left by an earlier truncation).
     */
    public void recover() {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return;
        }
        int index = Math.max(0, files.size() - 3);
        MappedFile mappedFile = files.get(index);
        ByteBuffer byteBuffer = mappedFile.sliceByteBuffer();
        long processOffset = mappedFile.getFileFromOffset();
        long mappedFileOffset = 0;
        long maxExtAddr = -1;
        long lastEnd = -1;
        while (true) {
            boolean stop = false;
            for (int i = 0; i < mappedFileSize; i += CQ_STORE_UNIT_SIZE) {
                long offset = byteBuffer.getLong(i);
                int size = byteBuffer.getInt(i + 8);
                boolean blankPrefill = offset == 0 && size == Integer.MAX_VALUE;
                if (blankPrefill || (offset >= 0 && size > 0 && offset >= lastEnd)) {
                    mappedFileOffset = i + CQ_STORE_UNIT_SIZE;
                    if (!blankPrefill) {
                        maxPhysicOffset = offset + size;
                        lastEnd = offset + size;
                    }
                } else {
                    log.info("recover current consume queue file over, {} {} {} {}", mappedFile.getFileName(),
                        offset, size, maxExtAddr);
                    stop = true;
                    break;
                }
            }
            if (!stop && mappedFileOffset == mappedFileSize) {
                index++;
                if (index >= files.size()) {
                    log.info("recover last consume queue file over, last mapped file {}", mappedFile.getFileName());
                    break;
                }
                mappedFile = files.get(index);
                byteBuffer = mappedFile.sliceByteBuffer();
                processOffset = mappedFile.getFileFromOffset();
                mappedFileOffset = 0;
            } else {
                break;
            }
        }
        processOffset += mappedFileOffset;
        mappedFileQueue.setFlushedWhere(processOffset);
        mappedFileQueue.setCommittedWhere(processOffset);
        truncateTo(processOffset);
    }

    /** Binary search: the first logical offset whose message was stored at or after {@code timestamp}. */
    public long getOffsetInQueueByTime(long timestamp, CommitLog commitLog) {
        MappedFile mappedFile = findFileByTime(timestamp, commitLog);
        if (mappedFile == null) {
            return 0;
        }
        long minPhysicOffset = commitLog.getMinOffset();
        SelectMappedBufferResult sbr = mappedFile.selectMappedBuffer(0);
        if (sbr == null) {
            return 0;
        }
        try {
            ByteBuffer buffer = sbr.getByteBuffer();
            int low = minLogicOffset > mappedFile.getFileFromOffset()
                ? (int) (minLogicOffset - mappedFile.getFileFromOffset()) : 0;
            int high = buffer.limit() - CQ_STORE_UNIT_SIZE;
            long leftOffset = -1;
            long rightOffset = -1;
            long leftValue = -1;
            long rightValue = -1;
            int targetOffset = -1;
            while (high >= low) {
                int midOffset = (low + high) / (2 * CQ_STORE_UNIT_SIZE) * CQ_STORE_UNIT_SIZE;
                long phyOffset = buffer.getLong(midOffset);
                int size = buffer.getInt(midOffset + 8);
                if (phyOffset < minPhysicOffset) {
                    low = midOffset + CQ_STORE_UNIT_SIZE;
                    leftOffset = midOffset;
                    continue;
                }
                long storeTime = commitLog.pickupStoreTimestamp(phyOffset, size);
                if (storeTime < 0) {
                    return 0;
                } else if (storeTime == timestamp) {
                    // several messages may share a millisecond: keep looking left for the first
                    targetOffset = midOffset;
                    high = midOffset - CQ_STORE_UNIT_SIZE;
                } else if (storeTime > timestamp) {
                    high = midOffset - CQ_STORE_UNIT_SIZE;
                    rightOffset = midOffset;
                    rightValue = storeTime;
                } else {
                    low = midOffset + CQ_STORE_UNIT_SIZE;
                    leftOffset = midOffset;
                    leftValue = storeTime;
                }
            }
            if (targetOffset == -1) {
                if (leftValue == -1) {
                    targetOffset = (int) (rightOffset == -1 ? leftOffset : rightOffset);
                } else if (rightValue == -1) {
                    targetOffset = (int) leftOffset + CQ_STORE_UNIT_SIZE;
                } else {
                    targetOffset = (int) rightOffset;
                }
            }
            if (targetOffset < 0) {
                targetOffset = 0;
            }
            return (mappedFile.getFileFromOffset() + targetOffset) / CQ_STORE_UNIT_SIZE;
        } finally {
            sbr.release();
        }
    }

    /** The first file whose last unit was stored at or after {@code timestamp}, else the last file. */
    private MappedFile findFileByTime(long timestamp, CommitLog commitLog) {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        for (MappedFile f : files) {
            int readPos = f.getReadPosition();
            if (readPos < CQ_STORE_UNIT_SIZE) {
                continue;
            }
            ByteBuffer b = f.sliceByteBuffer();
            int last = readPos - CQ_STORE_UNIT_SIZE;
            long t = commitLog.pickupStoreTimestamp(b.getLong(last), b.getInt(last + 8));
            if (t >= timestamp) {
                return f;
            }
        }
        return mappedFileQueue.getLastMappedFile();
    }

    /** Cuts units pointing at or beyond {@code phyOffset} (CommitLog data that recovery dropped). */
    public void truncateDirtyLogicFiles(long phyOffset) {
        int logicFileSize = mappedFileSize;
        maxPhysicOffset = phyOffset;
        while (true) {
            MappedFile mappedFile = mappedFileQueue.getLastMappedFile();
            if (mappedFile == null) {
                break;
            }
            ByteBuffer byteBuffer = mappedFile.sliceByteBuffer();
            mappedFile.setWrotePosition(0);
            mappedFile.setCommittedPosition(0);
            mappedFile.setFlushedPosition(0);
            boolean keepFile = false;
            for (int i = 0; i < logicFileSize; i += CQ_STORE_UNIT_SIZE) {
                long offset = byteBuffer.getLong(i);
                int size = byteBuffer.getInt(i + 8);
                boolean blankPrefill = offset == 0 && size == Integer.MAX_VALUE;
                if (i == 0 && !blankPrefill && (size <= 0 || offset + size > phyOffset)) {
                    break;
                }
                if (blankPrefill || (offset >= 0 && size > 0 && offset + size <= phyOffset)) {
                    int pos = i + CQ_STORE_UNIT_SIZE;
                    mappedFile.setWrotePosition(pos);
                    mappedFile.setCommittedPosition(pos);
                    mappedFile.setFlushedPosition(pos);
                    keepFile = true;
                    if (!blankPrefill) {
                        maxPhysicOffset = offset + size;
                    }
                } else {
                    break;
                }
            }
            if (keepFile) {
                zeroFrom(mappedFile, mappedFile.getWrotePosition());
                break;
            }
            mappedFileQueue.deleteLastMappedFile();
        }
    }

    /** Truncates at a byte offset and zeroes the rest of that file. */
    private void truncateTo(long processOffset) {
        mappedFileQueue.truncateDirtyFiles(processOffset);
        MappedFile last = mappedFileQueue.findMappedFileByOffset(processOffset);
        if (last != null) {
            zeroFrom(last, (int) (processOffset - last.getFileFromOffset()));
        }
    }

    private void zeroFrom(MappedFile mappedFile, int pos) {
        ByteBuffer b = mappedFile.getMappedByteBuffer();
        boolean dirty = false;
        for (int i = pos; i + 8 <= mappedFileSize; i += 8) {
            if (b.getLong(i) != 0) {
                b.putLong(i, 0);
                dirty = true;
            }
        }
        if (dirty) {
            mappedFile.getMappedByteBuffer().force();
        }
    }

    /** CommitLog offset of the last unit, or -1. */
    public long getLastOffset() {
        MappedFile mappedFile = mappedFileQueue.getLastMappedFile();
        if (mappedFile == null) {
            return -1;
        }
        int position = mappedFile.getWrotePosition() - CQ_STORE_UNIT_SIZE;
        if (position < 0) {
            return -1;
        }
        return mappedFile.sliceByteBuffer().getLong(position);
    }

    public boolean flush(int flushLeastPages) {
        return mappedFileQueue.flush(flushLeastPages);
    }

    public int deleteExpiredFile(long offset) {
        int cnt = mappedFileQueue.deleteExpiredFileByOffset(offset, CQ_STORE_UNIT_SIZE);
        correctMinOffset(offset);
        return cnt;
    }

    /** Whether a file cleanup wanted to delete is still there (it was held); the next round retries it. */
    public boolean hasPendingDeletion() {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        return first != null && !first.isAvailable();
    }

    /**
     * Moves the min logical offset to the first unit pointing at or after the CommitLog's min offset. Files
     * being deleted are skipped; if every unit points below it, the queue is empty from its end on.
     */
    public void correctMinOffset(long phyMinOffset) {
        MappedFile last = null;
        int lastSize = 0;
        for (MappedFile mappedFile : mappedFileQueue.getMappedFiles()) {
            if (!mappedFile.isAvailable()) {
                continue; // a reader or the flusher held it when cleanup came by; deleted next round
            }
            SelectMappedBufferResult result = mappedFile.selectMappedBuffer(0);
            if (result == null) {
                continue;
            }
            try {
                ByteBuffer b = result.getByteBuffer();
                for (int i = 0; i < result.getSize(); i += CQ_STORE_UNIT_SIZE) {
                    long offsetPy = b.getLong(i);
                    int size = b.getInt(i + 8);
                    if (offsetPy >= phyMinOffset && size != Integer.MAX_VALUE) {
                        minLogicOffset = mappedFile.getFileFromOffset() + i;
                        log.info("Compute logical min offset: {}, topic: {}, queueId: {}", getMinOffsetInQueue(),
                            topic, queueId);
                        return;
                    }
                }
                last = mappedFile;
                lastSize = result.getSize();
            } finally {
                result.release();
            }
        }
        if (last != null && last == mappedFileQueue.getLastMappedFile()) {
            minLogicOffset = last.getFileFromOffset() + lastSize;
        }
    }

    public long getMinOffsetInQueue() {
        return minLogicOffset / CQ_STORE_UNIT_SIZE;
    }

    /**
     * Writes the unit for logical offset {@code cqOffset}. Units already present (re-dispatch after a crash)
     * are skipped; a first file starting past 0 is pre-filled with blank units.
     */
    public boolean putMessagePositionInfo(long offset, int size, long tagsCode, long cqOffset) {
        if (offset + size <= maxPhysicOffset) {
            return true;
        }
        long expectLogicOffset = cqOffset * CQ_STORE_UNIT_SIZE;
        MappedFile mappedFile = mappedFileQueue.getLastMappedFile(expectLogicOffset);
        if (mappedFile == null) {
            return false;
        }
        if (mappedFile.isFirstCreateInQueue() && cqOffset != 0 && mappedFile.getWrotePosition() == 0) {
            minLogicOffset = expectLogicOffset;
            mappedFileQueue.setFlushedWhere(expectLogicOffset);
            mappedFileQueue.setCommittedWhere(expectLogicOffset);
            fillPreBlank(mappedFile, expectLogicOffset);
            log.info("fill pre blank space {} {} {}", mappedFile.getFileName(), expectLogicOffset,
                mappedFile.getWrotePosition());
        }
        if (cqOffset != 0) {
            long currentLogicOffset = mappedFile.getWrotePosition() + mappedFile.getFileFromOffset();
            if (expectLogicOffset < currentLogicOffset) {
                log.warn("Build consume queue repeatedly, expectLogicOffset: {} currentLogicOffset: {} Topic: {} "
                    + "QID: {} Diff: {}", expectLogicOffset, currentLogicOffset, topic, queueId,
                    expectLogicOffset - currentLogicOffset);
                return true;
            }
            if (expectLogicOffset != currentLogicOffset) {
                logError.warn("[BUG]logic queue order maybe wrong, expectLogicOffset: {} currentLogicOffset: {} "
                    + "Topic: {} QID: {} Diff: {}", expectLogicOffset, currentLogicOffset, topic, queueId,
                    expectLogicOffset - currentLogicOffset);
            }
        }
        byteBufferIndex.clear();
        byteBufferIndex.putLong(offset).putInt(size).putLong(tagsCode).flip();
        maxPhysicOffset = offset + size;
        return mappedFile.appendMessage(byteBufferIndex);
    }

    private void fillPreBlank(MappedFile mappedFile, long untilWhere) {
        ByteBuffer blank = ByteBuffer.allocate(CQ_STORE_UNIT_SIZE);
        blank.putLong(0L).putInt(Integer.MAX_VALUE).putLong(0L);
        int until = (int) (untilWhere % mappedFileQueue.getMappedFileSize());
        for (int i = 0; i < until; i += CQ_STORE_UNIT_SIZE) {
            blank.flip();
            mappedFile.appendMessage(blank);
        }
    }

    /** Units from logical offset {@code startIndex} to the end of its file; null if that file is gone. */
    public SelectMappedBufferResult getIndexBuffer(long startIndex) {
        long offset = startIndex * CQ_STORE_UNIT_SIZE;
        if (offset >= minLogicOffset) {
            MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset);
            if (mappedFile != null) {
                return mappedFile.selectMappedBuffer((int) (offset % mappedFileSize));
            }
        }
        return null;
    }

    public long rollNextFile(long index) {
        int totalUnitsInFile = mappedFileSize / CQ_STORE_UNIT_SIZE;
        return index + totalUnitsInFile - index % totalUnitsInFile;
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public long getMaxPhysicOffset() {
        return maxPhysicOffset;
    }

    public void setMaxPhysicOffset(long maxPhysicOffset) {
        this.maxPhysicOffset = maxPhysicOffset;
    }

    public void setMinLogicOffset(long minLogicOffset) {
        this.minLogicOffset = minLogicOffset;
    }

    public long getMinLogicOffset() {
        return minLogicOffset;
    }

    /** Next logical offset to be written. */
    public long getMaxOffsetInQueue() {
        return mappedFileQueue.getMaxOffset() / CQ_STORE_UNIT_SIZE;
    }

    public long getMessageTotalInQueue() {
        return getMaxOffsetInQueue() - getMinOffsetInQueue();
    }

    public void destroy() {
        maxPhysicOffset = -1;
        minLogicOffset = 0;
        mappedFileQueue.destroy();
    }

    public void shutdown() {
        mappedFileQueue.shutdown(1000);
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }
}
