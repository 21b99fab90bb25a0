package io.apogee.store;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoint} file: one 4096-byte page holding, at offsets 0/8/16, the store timestamps of the
 * last flushed CommitLog, ConsumeQueue and index data (protocol.md §5.4). Abnormal recovery starts from the
 * oldest of them, less 3 s of slack.
 */
public class StoreCheckpoint {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final RandomAccessFile randomAccessFile;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    private volatile long physicMsgTimestamp = 0;
    private volatile long logicsMsgTimestamp = 0;
    private volatile long indexMsgTimestamp = 0;

    public StoreCheckpoint(String scpPath) throws IOException {
        File file = new File(scpPath);
        File parent = file.getParentFile();
        if (parent != null) {
            parent.mkdirs();
        }
        boolean fileExists = file.exists();
        this.randomAccessFile = new RandomAccessFile(file, "rw");
        this.fileChannel = randomAccessFile.getChannel();
        this.mappedByteBuffer = fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, MappedFile.OS_PAGE_SIZE);
        if (fileExists) {
            log.info("store checkpoint file exists, {}", scpPath);
            this.physicMsgTimestamp = mappedByteBuffer.getLong(0);
            this.logicsMsgTimestamp = mappedByteBuffer.getLong(8);
            this.indexMsgTimestamp = mappedByteBuffer.getLong(16);
        } else {
            log.info("store checkpoint file not exists, {}", scpPath);
        }
    }

    public synchronized void shutdown() {
        flush();
        MappedFile.unmap(mappedByteBuffer);
        try {
            fileChannel.close();
            randomAccessFile.close();
        } catch (IOException e) {
            log.error("Failed to properly close the channel", e);
        }
    }

    public synchronized void flush() {
        mappedByteBuffer.putLong(0, physicMsgTimestamp);
        mappedByteBuffer.putLong(8, logicsMsgTimestamp);
        mappedByteBuffer.putLong(16, indexMsgTimestamp);
        mappedByteBuffer.force();
    }

    public long getPhysicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long physicMsgTimestamp) {
        this.physicMsgTimestamp = physicMsgTimestamp;
    }

    public long getLogicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long logicsMsgTimestamp) {
        this.logicsMsgTimestamp = logicsMsgTimestamp;
    }

    public long getIndexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long indexMsgTimestamp) {
        this.indexMsgTimestamp = indexMsgTimestamp;
    }

    /** Where abnormal recovery may start re-dispatching (3 s before the older of CommitLog and CQ). */
    public long getMinTimestamp() {
        long min = Math.min(physicMsgTimestamp, logicsMsgTimestamp);
        min -= 1000 * 3;
        return Math.max(min, 0);
    }

    public long getMinTimestampIndex() {
        return Math.min(getMinTimestamp(), indexMsgTimestamp);
    }
}
