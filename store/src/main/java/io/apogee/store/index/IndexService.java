package io.apogee.store.index;

import static io.apogee.store.RecordScanner.KEYS;
import static io.apogee.store.RecordScanner.NOT_ASCII;
import static io.apogee.store.RecordScanner.UNIQ_KEY;
import static io.apogee.store.RecordScanner.findValue;
import static io.apogee.store.RecordScanner.hash;
import static io.apogee.store.RecordScanner.indexOf;
import static io.apogee.store.RecordScanner.string;
import static io.apogee.store.RecordScanner.valueEnd;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.CommitLogDispatcher;
import io.apogee.store.DispatchRequest;
import io.apogee.store.StoreCheckpoint;
import io.apogee.store.StoreLoggers;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Owns the index files: adds the keys and unique key of each dispatched message ("topic#key") and answers
 * key lookups newest file first. Written by the dispatcher thread only.
 */
public class IndexService implements CommitLogDispatcher {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final int MAX_TRY_IDX_CREATE = 3;

    private final int hashSlotNum;
    private final int indexNum;
    private final String storePath;
    private final StoreCheckpoint checkpoint;
    private final List<IndexFile> indexFileList = new ArrayList<>();
    private final ReadWriteLock readWriteLock = new ReentrantReadWriteLock();
    private long lastFileNameMillis = 0;

    public IndexService(MessageStoreConfig config, StoreCheckpoint checkpoint) {
        this.hashSlotNum = config.getMaxHashSlotNum();
        this.indexNum = config.getMaxIndexNum();
        this.storePath = config.getStorePathIndex();
        this.checkpoint = checkpoint;
    }

    /**
     * Maps the existing files. After a crash they are kept: dispatch skips messages below a file's end offset,
     * and {@link #truncateDirty} drops files that indexed CommitLog data recovery cut off.
     */
    public boolean load(boolean lastExitOK) {
        File[] files = new File(storePath).listFiles(File::isFile);
        if (files == null) {
            return true;
        }
        Arrays.sort(files);
        for (File file : files) {
            try {
                IndexFile f = new IndexFile(file.getPath(), hashSlotNum, indexNum, 0, 0);
                f.load();
                log.info("load index file OK, {}", f.getFileName());
                indexFileList.add(f);
            } catch (IOException e) {
                log.error("load file {} error", file, e);
                return false;
            }
        }
        return true;
    }

    /** Drops newest files whose entries reach {@code maxPhyOffset} or beyond (data that no longer exists). */
    public void truncateDirty(long maxPhyOffset) {
        readWriteLock.writeLock().lock();
        try {
            while (!indexFileList.isEmpty()) {
                IndexFile last = indexFileList.get(indexFileList.size() - 1);
                if (last.getIndexCount() > 1 && last.getEndPhyOffset() >= maxPhyOffset) {
                    log.warn("index file {} points beyond the recovered commit log ({}), dropping it",
                        last.getFileName(), maxPhyOffset);
                    last.destroy(0);
                    indexFileList.remove(indexFileList.size() - 1);
                } else {
                    break;
                }
            }
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    public long getTotalSize() {
        readWriteLock.readLock().lock();
        try {
            return indexFileList.isEmpty() ? 0
                : (long) indexFileList.size() * (IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * 4L + indexNum * 20L);
        } finally {
            readWriteLock.readLock().unlock();
        }
    }

    /** Deletes index files (never the last) that only point below the CommitLog's new min {@code offset}. */
    public void deleteExpiredFile(long offset) {
        List<IndexFile> toDelete = new ArrayList<>();
        readWriteLock.readLock().lock();
        try {
            if (indexFileList.isEmpty()) {
                return;
            }
            for (int i = 0; i < indexFileList.size() - 1; i++) {
                IndexFile f = indexFileList.get(i);
                if (f.getEndPhyOffset() < offset) {
                    toDelete.add(f);
                } else {
                    break;
                }
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        if (!toDelete.isEmpty()) {
            readWriteLock.writeLock().lock();
            try {
                for (IndexFile f : toDelete) {
                    if (f.destroy(3000)) {
                        indexFileList.remove(f);
                    } else {
                        break;
                    }
                }
            } finally {
                readWriteLock.writeLock().unlock();
            }
        }
    }

    public void destroy() {
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.destroy(3000);
            }
            indexFileList.clear();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    public void shutdown() {
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.flush();
                f.close();
            }
            indexFileList.clear();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    public QueryOffsetResult queryOffset(String topic, String key, int maxNum, long begin, long end) {
        List<Long> phyOffsets = new ArrayList<>(maxNum);
        long indexLastUpdateTimestamp = 0;
        long indexLastUpdatePhyoffset = 0;
        maxNum = Math.min(maxNum, 64 * 1024);
        readWriteLock.readLock().lock();
        try {
            if (!indexFileList.isEmpty()) {
                for (int i = indexFileList.size(); i > 0; i--) {
                    IndexFile f = indexFileList.get(i - 1);
                    if (i == indexFileList.size()) {
                        indexLastUpdateTimestamp = f.getEndTimestamp();
                        indexLastUpdatePhyoffset = f.getEndPhyOffset();
                    }
                    if (f.isTimeMatched(begin, end)) {
                        f.selectPhyOffset(phyOffsets, buildKey(topic, key), maxNum, begin, end);
                    }
                    if (f.getBeginTimestamp() < begin || phyOffsets.size() >= maxNum) {
                        break;
                    }
                }
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        return new QueryOffsetResult(phyOffsets, indexLastUpdateTimestamp, indexLastUpdatePhyoffset);
    }

    private static String buildKey(String topic, String key) {
        return topic + "#" + key;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        buildIndex(request);
    }

    public void buildIndex(DispatchRequest req) {
        IndexFile indexFile = retryGetAndCreateIndexFile();
        if (indexFile == null) {
            log.error("build index error, stop building index");
            return;
        }
        if (req.getCommitLogOffset() < indexFile.getEndPhyOffset()) {
            return; // already indexed before a restart
        }
        int tranType = MessageSysFlag.getTransactionValue(req.getSysFlag());
        if (tranType == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        if (req.hasRawProperties()) {
            buildIndexFromBytes(indexFile, req);
            return;
        }
        String topic = req.getTopic();
        if (req.getUniqKey() != null) {
            indexFile = putKey(indexFile, req, IndexFile.indexKeyHashMethod(buildKey(topic, req.getUniqKey())));
            if (indexFile == null) {
                log.error("putKey error commitlog {} uniqkey {}", req.getCommitLogOffset(), req.getUniqKey());
                return;
            }
        }
        String keys = req.getKeys();
        if (keys != null && !keys.isEmpty()) {
            for (String key : keys.split(MessageConst.KEY_SEPARATOR)) {
                if (!key.isEmpty()) {
                    indexFile = putKey(indexFile, req, IndexFile.indexKeyHashMethod(buildKey(topic, key)));
                    if (indexFile == null) {
                        log.error("putKey error commitlog {} key {}", req.getCommitLogOffset(), key);
                        return;
                    }
                }
            }
        }
    }

    /**
     * The reput thread's path: hashes "topic#key" straight from the record's property bytes, the same value
     * String.hashCode gives for the concatenation, so no key string is built.
     */
    private void buildIndexFromBytes(IndexFile indexFile, DispatchRequest req) {
        byte[] b = req.properties();
        int pos = req.propertiesPosition();
        int len = req.propertiesLength();
        int end = pos + len;
        int seed = 31 * req.getTopic().hashCode() + '#';
        int uniq = findValue(b, pos, len, UNIQ_KEY);
        if (uniq >= 0) {
            indexFile = putKey(indexFile, req, keyHash(seed, b, uniq, valueEnd(b, uniq, end)));
            if (indexFile == null) {
                return;
            }
        }
        int keys = findValue(b, pos, len, KEYS);
        if (keys >= 0) {
            int keysEnd = valueEnd(b, keys, end);
            int i = keys;
            while (i < keysEnd) {
                int tokenEnd = indexOf(b, i, keysEnd, (byte) ' ');
                if (tokenEnd > i) {
                    indexFile = putKey(indexFile, req, keyHash(seed, b, i, tokenEnd));
                    if (indexFile == null) {
                        return;
                    }
                }
                i = tokenEnd + 1;
            }
        }
    }

    private static int keyHash(int seed, byte[] b, int from, int to) {
        long h = hash(seed, b, from, to);
        if (h == NOT_ASCII) {
            // non-ASCII key: hash the decoded text like the String path does
            int s = seed;
            String key = string(b, from, to);
            for (int i = 0; i < key.length(); i++) {
                s = 31 * s + key.charAt(i);
            }
            h = s;
        }
        return IndexFile.positiveHash((int) h);
    }

    private IndexFile putKey(IndexFile indexFile, DispatchRequest req, int keyHash) {
        for (boolean ok = indexFile.putKeyHash(keyHash, req.getCommitLogOffset(), req.getStoreTimestamp()); !ok; ) {
            log.warn("Index file [{}] is full, trying to create another one", indexFile.getFileName());
            indexFile = retryGetAndCreateIndexFile();
            if (indexFile == null) {
                log.error("putKey error commitlog {}: no index file", req.getCommitLogOffset());
                return null;
            }
            ok = indexFile.putKeyHash(keyHash, req.getCommitLogOffset(), req.getStoreTimestamp());
        }
        return indexFile;
    }

    public IndexFile retryGetAndCreateIndexFile() {
        IndexFile indexFile = null;
        for (int times = 0; indexFile == null && times < MAX_TRY_IDX_CREATE; times++) {
            indexFile = getAndCreateLastIndexFile();
            if (indexFile == null) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return indexFile;
    }

    /** The file being written, or a new one (named by time) when there is none or the last is full. */
    public IndexFile getAndCreateLastIndexFile() {
        IndexFile prev = null;
        long lastUpdateEndPhyOffset = 0;
        long lastUpdateIndexTimestamp = 0;
        readWriteLock.readLock().lock();
        try {
            if (!indexFileList.isEmpty()) {
                IndexFile tmp = indexFileList.get(indexFileList.size() - 1);
                if (!tmp.isWriteFull()) {
                    return tmp;
                }
                lastUpdateEndPhyOffset = tmp.getEndPhyOffset();
                lastUpdateIndexTimestamp = tmp.getEndTimestamp();
                prev = tmp;
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        long nameMillis = Math.max(System.currentTimeMillis(), lastFileNameMillis + 1);
        lastFileNameMillis = nameMillis;
        String fileName = storePath + File.separator + UtilAll.timeMillisToHumanString(nameMillis);
        try {
            IndexFile indexFile = new IndexFile(fileName, hashSlotNum, indexNum, lastUpdateEndPhyOffset,
                lastUpdateIndexTimestamp);
            readWriteLock.writeLock().lock();
            try {
                indexFileList.add(indexFile);
            } finally {
                readWriteLock.writeLock().unlock();
            }
            if (prev != null) {
                flush(prev);
            }
            return indexFile;
        } catch (IOException e) {
            log.error("getLastIndexFile exception", e);
            return null;
        }
    }

    /** Forces a file and records its last store time in the checkpoint. */
    public void flush(IndexFile f) {
        if (f == null) {
            return;
        }
        long indexMsgTimestamp = 0;
        if (f.isWriteFull()) {
            indexMsgTimestamp = f.getEndTimestamp();
        }
        f.flush();
        if (indexMsgTimestamp > 0) {
            checkpoint.setIndexMsgTimestamp(indexMsgTimestamp);
            checkpoint.flush();
        }
    }

    /** Flushes the file being written and advances the checkpoint's index timestamp. */
    public void flushLast() {
        IndexFile last;
        readWriteLock.readLock().lock();
        try {
            last = indexFileList.isEmpty() ? null : indexFileList.get(indexFileList.size() - 1);
        } finally {
            readWriteLock.readLock().unlock();
        }
        if (last != null) {
            long end = last.getEndTimestamp();
            last.flush();
            if (end > 0) {
                checkpoint.setIndexMsgTimestamp(end);
            }
        }
    }
}
