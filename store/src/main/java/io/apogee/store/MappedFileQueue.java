package io.apogee.store;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.UtilAll;

/**
 * The ordered files of one log (the CommitLog, or one ConsumeQueue), each {@code mappedFileSize} bytes and
 * named by its 20-digit start offset, so offset → file is arithmetic. Tracks how far the whole log is
 * flushed and committed.
 */
public class MappedFileQueue {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int DELETE_FILES_BATCH_MAX = 10;

    private final String storePath;
    private final int mappedFileSize;
    private final CopyOnWriteArrayList<MappedFile> mappedFiles = new CopyOnWriteArrayList<>();
    private final AllocateMappedFileService allocateMappedFileService;
    private volatile long flushedWhere = 0;
    private volatile long committedWhere = 0;
    private volatile long storeTimestamp = 0;

    public MappedFileQueue(String storePath, int mappedFileSize, AllocateMappedFileService allocateMappedFileService) {
        this.storePath = storePath;
        this.mappedFileSize = mappedFileSize;
        this.allocateMappedFileService = allocateMappedFileService;
    }

    /** Maps every existing file; positions start at "full" until recovery sets the real ones. */
    public boolean load() {
        File dir = new File(storePath);
        File[] files = dir.listFiles(f -> f.isFile() && f.getName().matches("\\d{20}"));
        if (files == null) {
            return true;
        }
        Arrays.sort(files);
        for (int i = 0; i < files.length; i++) {
            File file = files[i];
            if (i == files.length - 1 && file.length() < mappedFileSize) {
                // A crash while the newest file was being created: it was never mapped, so never written.
                log.warn("{} is shorter ({}) than {}: a file whose creation was interrupted, deleting it", file,
                    file.length(), mappedFileSize);
                if (!file.delete()) {
                    return false;
                }
                continue;
            }
            if (file.length() != mappedFileSize) {
                log.warn("{}\t{} length not matched message store config value, please check it manually",
                    file, file.length());
                return false;
            }
            try {
                MappedFile mappedFile = new MappedFile(file.getPath(), mappedFileSize);
                mappedFile.setWrotePosition(mappedFileSize);
                mappedFile.setFlushedPosition(mappedFileSize);
                mappedFile.setCommittedPosition(mappedFileSize);
                mappedFiles.add(mappedFile);
                log.info("load {} OK", file.getPath());
            } catch (IOException e) {
                log.error("load file {} error", file, e);
                return false;
            }
        }
        return true;
    }

    /** Drops data at and after {@code offset}: later files are deleted, the file holding it is cut back. */
    public void truncateDirtyFiles(long offset) {
        List<MappedFile> willRemove = new ArrayList<>();
        for (MappedFile file : mappedFiles) {
            long fileTailOffset = file.getFileFromOffset() + mappedFileSize;
            if (fileTailOffset > offset) {
                if (offset >= file.getFileFromOffset()) {
                    int pos = (int) (offset % mappedFileSize);
                    file.setWrotePosition(pos);
                    file.setCommittedPosition(pos);
                    file.setFlushedPosition(pos);
                } else {
                    file.destroy(1000);
                    willRemove.add(file);
                }
            }
        }
        mappedFiles.removeAll(willRemove);
    }

    public long howMuchFallBehind() {
        if (mappedFiles.isEmpty()) {
            return 0;
        }
        long committed = flushedWhere;
        if (committed != 0) {
            MappedFile last = getLastMappedFile(0, false);
            if (last != null) {
                return last.getFileFromOffset() + last.getWrotePosition() - committed;
            }
        }
        return 0;
    }

    /**
     * The file appends go to; creates the next one (starting at {@code startOffset} when the queue is empty)
     * if the last is full and {@code needCreate}.
     */
    public MappedFile getLastMappedFile(long startOffset, boolean needCreate) {
        long createOffset = -1;
        MappedFile last = getLastMappedFile();
        if (last == null) {
            createOffset = startOffset - (startOffset % mappedFileSize);
        } else if (last.isFull()) {
            createOffset = last.getFileFromOffset() + mappedFileSize;
        }
        if (createOffset != -1 && needCreate) {
            return tryCreateMappedFile(createOffset);
        }
        return last;
    }

    public MappedFile getLastMappedFile(long startOffset) {
        return getLastMappedFile(startOffset, true);
    }

    protected MappedFile tryCreateMappedFile(long createOffset) {
        String nextFilePath = storePath + File.separator + UtilAll.offset2FileName(createOffset);
        String nextNextFilePath = storePath + File.separator + UtilAll.offset2FileName(createOffset + mappedFileSize);
        MappedFile mappedFile = null;
        if (allocateMappedFileService != null) {
            mappedFile = allocateMappedFileService.putRequestAndReturnMappedFile(nextFilePath, nextNextFilePath,
                mappedFileSize);
        } else {
            try {
                mappedFile = new MappedFile(nextFilePath, mappedFileSize);
            } catch (IOException e) {
                log.error("create mappedFile exception", e);
            }
        }
        if (mappedFile != null) {
            if (mappedFiles.isEmpty()) {
                mappedFile.setFirstCreateInQueue(true);
            }
            mappedFiles.add(mappedFile);
        }
        return mappedFile;
    }

    public MappedFile getLastMappedFile() {
        while (!mappedFiles.isEmpty()) {
            try {
                return mappedFiles.get(mappedFiles.size() - 1);
            } catch (IndexOutOfBoundsException e) {
                // removed concurrently; try again
            }
        }
        return null;
    }

    public MappedFile getFirstMappedFile() {
        while (!mappedFiles.isEmpty()) {
            try {
                return mappedFiles.get(0);
            } catch (IndexOutOfBoundsException e) {
                // removed concurrently; try again
            }
        }
        return null;
    }

    /** Resets the write position back to {@code offset} (HA slave truncation); false if that is too far back. */
    public boolean resetOffset(long offset) {
        MappedFile last = getLastMappedFile();
        if (last != null) {
            long lastOffset = last.getFileFromOffset() + last.getWrotePosition();
            if (lastOffset - offset > mappedFileSize * 2L) {
                return false;
            }
        }
        truncateDirtyFiles(offset);
        return true;
    }

    public long getMinOffset() {
        MappedFile first = getFirstMappedFile();
        return first == null ? -1 : first.getFileFromOffset();
    }

    public long getMaxOffset() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getReadPosition();
    }

    public long getMaxWrotePosition() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getWrotePosition();
    }

    public long remainHowManyDataToCommit() {
        return getMaxWrotePosition() - committedWhere;
    }

    public long remainHowManyDataToFlush() {
        return getMaxOffset() - flushedWhere;
    }

    public void deleteLastMappedFile() {
        MappedFile last = getLastMappedFile();
        if (last != null) {
            last.destroy(1000);
            mappedFiles.remove(last);
            log.info("on recover, destroy a logic mapped file {}", last.getFileName());
        }
    }

    /** Deletes files (never the last) modified more than {@code expiredTime} ms ago, or all old ones if forced. */
    public int deleteExpiredFileByTime(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                       boolean cleanImmediately) {
        Object[] mfs = copyMappedFiles(0);
        if (mfs == null) {
            return 0;
        }
        int mfsLength = mfs.length - 1;
        int deleteCount = 0;
        List<MappedFile> files = new ArrayList<>();
        for (int i = 0; i < mfsLength; i++) {
            MappedFile mappedFile = (MappedFile) mfs[i];
            long liveMaxTimestamp = mappedFile.getLastModifiedTimestamp() + expiredTime;
            if (System.currentTimeMillis() >= liveMaxTimestamp || cleanImmediately) {
                if (mappedFile.destroy(intervalForcibly)) {
                    files.add(mappedFile);
                    deleteCount++;
                    if (files.size() >= DELETE_FILES_BATCH_MAX) {
                        break;
                    }
                    if (deleteFilesInterval > 0 && i + 1 < mfsLength) {
                        sleep(deleteFilesInterval);
                    }
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        deleteExpiredFile(files);
        return deleteCount;
    }

    /**
     * ConsumeQueue cleanup: deletes files (never the last) whose last unit points below {@code offset},
     * the CommitLog's new minimum.
     */
    public int deleteExpiredFileByOffset(long offset, int unitSize) {
        Object[] mfs = copyMappedFiles(0);
        List<MappedFile> files = new ArrayList<>();
        int deleteCount = 0;
        if (mfs != null) {
            int mfsLength = mfs.length - 1;
            for (int i = 0; i < mfsLength; i++) {
                MappedFile mappedFile = (MappedFile) mfs[i];
                boolean destroy;
                SelectMappedBufferResult result = mappedFile.selectMappedBuffer(mappedFileSize - unitSize);
                if (result != null) {
                    long maxOffsetInLogicQueue = result.getByteBuffer().getLong();
                    result.release();
                    destroy = maxOffsetInLogicQueue < offset;
                } else if (!mappedFile.isAvailable()) {
                    destroy = true;
                } else {
                    break;
                }
                if (destroy && mappedFile.destroy(1000 * 60)) {
                    files.add(mappedFile);
                    deleteCount++;
                } else {
                    break;
                }
            }
        }
        deleteExpiredFile(files);
        return deleteCount;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void deleteExpiredFile(List<MappedFile> files) {
        if (!files.isEmpty()) {
            if (!mappedFiles.removeAll(files)) {
                log.error("deleteExpiredFile remove failed.");
            }
        }
    }

    private Object[] copyMappedFiles(int reservedMappedFiles) {
        if (mappedFiles.size() <= reservedMappedFiles) {
            return null;
        }
        return mappedFiles.toArray();
    }

    /** Flushes the file holding {@code flushedWhere}; true when nothing new reached disk. */
    public boolean flush(int flushLeastPages) {
        boolean result = true;
        MappedFile mappedFile = findMappedFileByOffset(flushedWhere, flushedWhere == 0);
        if (mappedFile != null) {
            long tmpTimeStamp = mappedFile.getStoreTimestamp();
            int offset = mappedFile.flush(flushLeastPages);
            long where = mappedFile.getFileFromOffset() + offset;
            result = where == flushedWhere;
            flushedWhere = where;
            if (flushLeastPages == 0) {
                storeTimestamp = tmpTimeStamp;
            }
        }
        return result;
    }

    public boolean commit(int commitLeastPages) {
        boolean result = true;
        MappedFile mappedFile = findMappedFileByOffset(committedWhere, committedWhere == 0);
        if (mappedFile != null) {
            int offset = mappedFile.commit(commitLeastPages);
            long where = mappedFile.getFileFromOffset() + offset;
            result = where == committedWhere;
            committedWhere = where;
        }
        return result;
    }

    /** The file containing {@code offset}; with {@code returnFirstOnNotFound}, the first file instead of null. */
    public MappedFile findMappedFileByOffset(long offset, boolean returnFirstOnNotFound) {
        try {
            MappedFile first = getFirstMappedFile();
            MappedFile last = getLastMappedFile();
            if (first != null && last != null) {
                if (offset < first.getFileFromOffset() || offset >= last.getFileFromOffset() + mappedFileSize) {
                    log.debug("Offset not matched. Request offset: {}, firstOffset: {}, lastOffset: {}",
                        offset, first.getFileFromOffset(), last.getFileFromOffset() + mappedFileSize);
                } else {
                    int index = (int) ((offset / mappedFileSize) - (first.getFileFromOffset() / mappedFileSize));
                    MappedFile target = null;
                    try {
                        target = mappedFiles.get(index);
                    } catch (IndexOutOfBoundsException e) {
                        // concurrent deletion; fall back to a scan
                    }
                    if (target != null && offset >= target.getFileFromOffset()
                        && offset < target.getFileFromOffset() + mappedFileSize) {
                        return target;
                    }
                    for (MappedFile f : mappedFiles) {
                        if (offset >= f.getFileFromOffset() && offset < f.getFileFromOffset() + mappedFileSize) {
                            return f;
                        }
                    }
                }
                if (returnFirstOnNotFound) {
                    return first;
                }
            }
        } catch (RuntimeException e) {
            log.error("findMappedFileByOffset Exception", e);
        }
        return null;
    }

    public MappedFile findMappedFileByOffset(long offset) {
        return findMappedFileByOffset(offset, false);
    }

    public long getMappedMemorySize() {
        long size = 0;
        for (MappedFile f : mappedFiles) {
            if (f.isAvailable()) {
                size += mappedFileSize;
            }
        }
        return size;
    }

    /** Retries deleting a first file whose earlier destroy was blocked by a reader. */
    public boolean retryDeleteFirstFile(long intervalForcibly) {
        MappedFile first = getFirstMappedFile();
        if (first != null && !first.isAvailable()) {
            log.warn("the mappedFile was destroyed once, but still alive, {}", first.getFileName());
            boolean result = first.destroy(intervalForcibly);
            if (result) {
                log.info("the mappedFile re delete OK, {}", first.getFileName());
                mappedFiles.remove(first);
            } else {
                log.warn("the mappedFile re delete failed, {}", first.getFileName());
            }
            return result;
        }
        return false;
    }

    public void shutdown(long intervalForcibly) {
        for (MappedFile mf : mappedFiles) {
            mf.close();
        }
    }

    public void destroy() {
        for (MappedFile mf : mappedFiles) {
            mf.destroy(1000 * 3);
        }
        mappedFiles.clear();
        flushedWhere = 0;
        File file = new File(storePath);
        if (file.isDirectory()) {
            file.delete();
        }
    }

    public long getFlushedWhere() {
        return flushedWhere;
    }

    public void setFlushedWhere(long flushedWhere) {
        this.flushedWhere = flushedWhere;
    }

    public long getCommittedWhere() {
        return committedWhere;
    }

    public void setCommittedWhere(long committedWhere) {
        this.committedWhere = committedWhere;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public List<MappedFile> getMappedFiles() {
        return mappedFiles;
    }

    public int getMappedFileSize() {
        return mappedFileSize;
    }

    public String getStorePath() {
        return storePath;
    }
}
