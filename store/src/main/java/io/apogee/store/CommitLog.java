package io.apogee.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Every topic's messages, appended to one log of {@code mappedFileSizeCommitLog}-byte files in the RocketMQ
 * 4.x record layout. Appends are serialised by one lock; encoding happens before it, in the appending
 * thread's own {@link MessageEncoder}, and the record reaches the mapping in one copy.
 */
public class CommitLog {
    public static final int MESSAGE_MAGIC_CODE = MessageDecoder.MESSAGE_MAGIC_CODE;
    public static final int BLANK_MAGIC_CODE = MessageDecoder.BLANK_MAGIC_CODE;
    /** A file always keeps room for the 8-byte end-of-file blank record. */
    static final int END_FILE_MIN_BLANK_LENGTH = 4 + 4;
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);

    private final MappedFileQueue mappedFileQueue;
    private final MessageStoreConfig config;
    private final StoreCheckpoint checkpoint;
    private final StoreStatsService stats;
    private final RunningFlags runningFlags;
    private final DelayLevels delayLevels;
    private final FlushCommitLogService flushCommitLogService;
    private final CommitRealTimeService commitRealTimeService;
    private final PutMessageLock putMessageLock;
    private final TopicQueueOffsetTable topicQueueTable = new TopicQueueOffsetTable();
    private final ThreadLocal<MessageEncoder> encoders;
    private volatile long beginTimeInLock = 0;
    private volatile long confirmOffset = -1L;
    /** Set under the put lock once files are closing: an append must never touch an unmapped file. */
    private volatile boolean closed = false;

    public CommitLog(MessageStoreConfig config, AllocateMappedFileService allocateService, StoreCheckpoint checkpoint,
                     StoreStatsService stats, RunningFlags runningFlags, DelayLevels delayLevels) {
        this.config = config;
        this.checkpoint = checkpoint;
        this.stats = stats;
        this.runningFlags = runningFlags;
        this.delayLevels = delayLevels;
        this.mappedFileQueue = new MappedFileQueue(config.getStorePathCommitLog(), config.getMappedFileSizeCommitLog(),
            allocateService);
        this.flushCommitLogService = config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH
            ? new GroupCommitService(mappedFileQueue, checkpoint)
            : new FlushRealTimeService(mappedFileQueue, config, checkpoint);
        this.commitRealTimeService = config.isTransientStorePoolEnable()
            ? new CommitRealTimeService(mappedFileQueue, config, flushCommitLogService) : null;
        this.putMessageLock = PutMessageLock.create(config.isUseReentrantLockWhenPutMessage());
        int maxMessageSize = config.getMaxMessageSize();
        this.encoders = ThreadLocal.withInitial(() -> new MessageEncoder(maxMessageSize));
    }

    public boolean load() {
        boolean result = mappedFileQueue.load();
        log.info("load commit log {}", result ? "OK" : "Failed");
        return result;
    }

    public void start() {
        flushCommitLogService.start();
        if (commitRealTimeService != null) {
            commitRealTimeService.start();
        }
    }

    public void shutdown() {
        if (commitRealTimeService != null) {
            commitRealTimeService.shutdown();
        }
        flushCommitLogService.shutdown();
    }

    public void closeFiles() {
        putMessageLock.lock();
        try {
            closed = true;
        } finally {
            putMessageLock.unlock();
        }
        mappedFileQueue.shutdown(1000 * 3);
    }

    public void destroy() {
        mappedFileQueue.destroy();
    }

    public long flush() {
        mappedFileQueue.commit(0);
        mappedFileQueue.flush(0);
        return mappedFileQueue.getFlushedWhere();
    }

    /**
     * Appends one message. Kept small on purpose: the result objects are built here, after the work, from
     * fields of {@code msg}, so when the JIT inlines this into a caller that only reads the result it can
     * drop both allocations.
     */
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        MessageEncoder encoder = encoders.get();
        PutMessageStatus status = doPutMessage(msg, encoder);
        if (status == PutMessageStatus.PUT_OK || status == PutMessageStatus.FLUSH_DISK_TIMEOUT) {
            return new PutMessageResult(status, msg.getCommitLogOffset(), msg.getStoreSize(),
                encoder.storeHostBytes(), msg.getStoreTimestamp(), msg.getQueueOffset());
        }
        return encoder.takeFailure();
    }

    /**
     * Appends one message without waiting for a SYNC_FLUSH: the future completes when the group commit has
     * the message on disk (FLUSH_DISK_TIMEOUT after {@code syncFlushTimeout}). Other flush modes complete at once.
     */
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        if (config.getFlushDiskType() != FlushDiskType.SYNC_FLUSH || !msg.isWaitStoreMsgOK()
            || !(flushCommitLogService instanceof GroupCommitService groupCommit)) {
            return CompletableFuture.completedFuture(putMessage(msg));
        }
        MessageEncoder encoder = encoders.get();
        PutMessageStatus status = doPutMessage(msg, encoder, false);
        if (status != PutMessageStatus.PUT_OK) {
            return CompletableFuture.completedFuture(encoder.takeFailure());
        }
        long offset = msg.getCommitLogOffset();
        int size = msg.getStoreSize();
        byte[] storeHost = encoder.storeHostBytes();
        long storeTimestamp = msg.getStoreTimestamp();
        long queueOffset = msg.getQueueOffset();
        return groupCommit.flushAsync(offset + size, config.getSyncFlushTimeout()).thenApply(flushedOk -> {
            if (!flushedOk) {
                log.error("do groupcommit, wait for flush failed, end offset {}", offset + size);
            }
            return new PutMessageResult(flushedOk ? PutMessageStatus.PUT_OK : PutMessageStatus.FLUSH_DISK_TIMEOUT,
                offset, size, storeHost, storeTimestamp, queueOffset);
        });
    }

    private PutMessageStatus doPutMessage(MessageExtBrokerInner msg, MessageEncoder encoder) {
        return doPutMessage(msg, encoder, true);
    }

    /**
     * Encodes, appends under the lock and (if {@code waitForFlush}) waits for the flush policy; failures
     * leave their result in the encoder.
     */
    private PutMessageStatus doPutMessage(MessageExtBrokerInner msg, MessageEncoder encoder, boolean waitForFlush) {
        long beginTime = System.nanoTime();
        if (msg.getTopic() == null || msg.getTopic().length() > Byte.MAX_VALUE) {
            return encoder.fail(new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL, null));
        }
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if ((tranType == MessageSysFlag.TRANSACTION_NOT_TYPE || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE)
            && msg.getDelayTimeLevel() > 0) {
            parkInScheduleTopic(msg);
        }
        AppendMessageStatus encoded = encoder.encode(msg);
        if (encoded != AppendMessageStatus.PUT_OK) {
            return encoder.fail(encodeFailure(encoded, msg.getTopic()));
        }
        boolean assignsQueueOffset = tranType == MessageSysFlag.TRANSACTION_NOT_TYPE
            || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        putMessageLock.lock();
        try {
            if (closed) {
                return encoder.fail(new PutMessageResult(PutMessageStatus.SERVICE_NOT_AVAILABLE, null));
            }
            long beginLockTimestamp = System.currentTimeMillis();
            beginTimeInLock = beginLockTimestamp;
            msg.setStoreTimestamp(beginLockTimestamp);
            MappedFile mappedFile = mappedFileQueue.getLastMappedFile();
            if (mappedFile == null || mappedFile.isFull()) {
                mappedFile = mappedFileQueue.getLastMappedFile(0);
            }
            if (mappedFile == null) {
                log.error("create mapped file1 error, topic: {} clientAddr: {}", msg.getTopic(), msg.getBornHostString());
                beginTimeInLock = 0;
                return encoder.fail(new PutMessageResult(PutMessageStatus.CREATE_MAPEDFILE_FAILED, null));
            }
            AppendMessageStatus appended = append(mappedFile, encoder, msg.getTopic(), msg.getQueueId(),
                assignsQueueOffset, beginLockTimestamp);
            if (appended == AppendMessageStatus.END_OF_FILE) {
                mappedFile = mappedFileQueue.getLastMappedFile(0);
                if (mappedFile == null) {
                    log.error("create mapped file2 error, topic: {} clientAddr: {}", msg.getTopic(),
                        msg.getBornHostString());
                    beginTimeInLock = 0;
                    return encoder.fail(new PutMessageResult(PutMessageStatus.CREATE_MAPEDFILE_FAILED,
                        encoder.appendResult(AppendMessageStatus.END_OF_FILE)));
                }
                appended = append(mappedFile, encoder, msg.getTopic(), msg.getQueueId(), assignsQueueOffset,
                    beginLockTimestamp);
            }
            if (appended != AppendMessageStatus.PUT_OK) {
                beginTimeInLock = 0;
                return encoder.fail(new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR,
                    encoder.appendResult(appended)));
            }
            msg.setQueueOffset(encoder.lastQueueOffset);
            msg.setCommitLogOffset(encoder.lastWroteOffset);
            msg.setStoreSize(encoder.lastWroteBytes);
            beginTimeInLock = 0;
        } finally {
            putMessageLock.unlock();
        }
        stats.recordPut(msg.getTopic(), encoder.lastWroteBytes, System.nanoTime() - beginTime);
        if (!waitForFlush) {
            return PutMessageStatus.PUT_OK;
        }
        return handleDiskFlush(encoder.lastWroteOffset + encoder.lastWroteBytes, msg.isWaitStoreMsgOK());
    }

    public PutMessageResult putMessages(MessageExtBatch batch) {
        long beginTime = System.nanoTime();
        int tranType = MessageSysFlag.getTransactionValue(batch.getSysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL, null);
        }
        if (batch.getDelayTimeLevel() > 0) {
            return new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL, null);
        }
        if (batch.getTopic() == null || batch.getTopic().length() > Byte.MAX_VALUE) {
            return new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL, null);
        }
        MessageEncoder encoder = encoders.get();
        AppendMessageStatus encoded = encoder.encodeBatch(batch);
        if (encoded != AppendMessageStatus.PUT_OK) {
            return encodeFailure(encoded, batch.getTopic());
        }
        AppendMessageStatus appended;
        putMessageLock.lock();
        try {
            if (closed) {
                return new PutMessageResult(PutMessageStatus.SERVICE_NOT_AVAILABLE, null);
            }
            long beginLockTimestamp = System.currentTimeMillis();
            beginTimeInLock = beginLockTimestamp;
            batch.setStoreTimestamp(beginLockTimestamp);
            MappedFile mappedFile = mappedFileQueue.getLastMappedFile();
            if (mappedFile == null || mappedFile.isFull()) {
                mappedFile = mappedFileQueue.getLastMappedFile(0);
            }
            if (mappedFile == null) {
                beginTimeInLock = 0;
                return new PutMessageResult(PutMessageStatus.CREATE_MAPEDFILE_FAILED, null);
            }
            appended = append(mappedFile, encoder, batch.getTopic(), batch.getQueueId(), true, beginLockTimestamp);
            if (appended == AppendMessageStatus.END_OF_FILE) {
                mappedFile = mappedFileQueue.getLastMappedFile(0);
                if (mappedFile == null) {
                    beginTimeInLock = 0;
                    return new PutMessageResult(PutMessageStatus.CREATE_MAPEDFILE_FAILED,
                        encoder.appendResult(AppendMessageStatus.END_OF_FILE));
                }
                appended = append(mappedFile, encoder, batch.getTopic(), batch.getQueueId(), true, beginLockTimestamp);
            }
            if (appended != AppendMessageStatus.PUT_OK) {
                beginTimeInLock = 0;
                return new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, encoder.appendResult(appended));
            }
            beginTimeInLock = 0;
        } finally {
            putMessageLock.unlock();
        }
        AppendMessageResult result = encoder.appendResult(AppendMessageStatus.PUT_OK);
        result.setMsgNum(encoder.recordCount());
        // Batches answer with every offset id, comma-joined.
        StringBuilder ids = new StringBuilder(encoder.recordCount() * 33);
        byte[] host = encoder.storeHostBytes();
        for (int i = 0; i < encoder.recordCount(); i++) {
            if (i > 0) {
                ids.append(',');
            }
            ids.append(MessageDecoder.createMessageId(host, host.length,
                result.getWroteOffset() + encoder.recordStart(i)));
        }
        result.setMsgId(ids.toString());
        stats.recordPuts(batch.getTopic(), encoder.recordCount(), result.getWroteBytes(), System.nanoTime() - beginTime);
        PutMessageStatus flushStatus = handleDiskFlush(result.getWroteOffset() + result.getWroteBytes(),
            batch.isWaitStoreMsgOK());
        return new PutMessageResult(flushStatus, result);
    }

    private PutMessageResult encodeFailure(AppendMessageStatus status, String topic) {
        log.warn("message rejected before append, topic: {} reason: {}", topic, status);
        return switch (status) {
            case PROPERTIES_SIZE_EXCEEDED -> new PutMessageResult(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED,
                new AppendMessageResult(status));
            default -> new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL, new AppendMessageResult(status));
        };
    }

    /**
     * Appends the encoded record(s) to {@code mappedFile}, or closes the file with a blank record when they do
     * not fit (the caller then retries on the next file). Called under the put lock.
     */
    private AppendMessageStatus append(MappedFile mappedFile, MessageEncoder encoder, String topic, int queueId,
                                       boolean assignsQueueOffset, long storeTimestamp) {
        int wrotePosition = mappedFile.getWrotePosition();
        long wroteOffset = mappedFile.getFileFromOffset() + wrotePosition;
        int length = encoder.length();
        int maxBlank = mappedFile.getFileSize() - wrotePosition;
        encoder.lastWroteOffset = wroteOffset;
        encoder.lastStoreTimestamp = storeTimestamp;
        if (length + END_FILE_MIN_BLANK_LENGTH > maxBlank) {
            // Only the 8-byte marker is written; readers meeting it skip to the next file, so the write
            // position jumps to the file end.
            mappedFile.putIntAt(wrotePosition, maxBlank);
            mappedFile.putIntAt(wrotePosition + 4, BLANK_MAGIC_CODE);
            mappedFile.setWrotePosition(mappedFile.getFileSize());
            encoder.lastWroteBytes = maxBlank;
            encoder.lastQueueOffset = 0;
            return AppendMessageStatus.END_OF_FILE;
        }
        long queueOffset = assignsQueueOffset ? topicQueueTable.get(topic, queueId) : 0;
        int records = encoder.recordCount();
        for (int i = 0; i < records; i++) {
            encoder.patch(i, assignsQueueOffset ? queueOffset + i : 0, wroteOffset + encoder.recordStart(i),
                storeTimestamp);
        }
        mappedFile.appendEncoded(encoder.buffer(), 0, length, storeTimestamp);
        if (assignsQueueOffset) {
            topicQueueTable.set(topic, queueId, queueOffset + records);
        }
        encoder.lastWroteBytes = length;
        encoder.lastQueueOffset = queueOffset;
        return AppendMessageStatus.PUT_OK;
    }

    private PutMessageStatus handleDiskFlush(long endOffset, boolean waitStoreMsgOK) {
        if (config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH) {
            if (waitStoreMsgOK) {
                if (commitRealTimeService != null) {
                    commitRealTimeService.wakeup();
                }
                boolean flushOK = flushCommitLogService.waitForFlush(endOffset, config.getSyncFlushTimeout());
                if (!flushOK) {
                    log.error("do groupcommit, wait for flush failed, end offset {}", endOffset);
                    return PutMessageStatus.FLUSH_DISK_TIMEOUT;
                }
            } else {
                flushCommitLogService.wakeup();
            }
        } else if (commitRealTimeService != null) {
            commitRealTimeService.wakeup();
        } else {
            flushCommitLogService.waitForFlush(0, 0);
        }
        return PutMessageStatus.PUT_OK;
    }

    /** Delayed messages wait in SCHEDULE_TOPIC_XXXX, queue level-1, with the real topic/queue kept in properties. */
    private void parkInScheduleTopic(MessageExtBrokerInner msg) {
        int level = msg.getDelayTimeLevel();
        if (level > delayLevels.maxLevel()) {
            level = delayLevels.maxLevel();
            MessageAccessor.putProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
        }
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        msg.setTopic(DelayLevels.SCHEDULE_TOPIC);
        msg.setQueueId(level - 1);
    }

    /** The record at {@code offset}, {@code size} bytes; null if it is not (or no longer) there. */
    public SelectMappedBufferResult getMessage(long offset, int size) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset, offset == 0);
        if (mappedFile != null) {
            int pos = (int) (offset % mappedFileSize);
            return mappedFile.selectMappedBuffer(pos, size);
        }
        return null;
    }

    /** Everything readable from {@code offset} to the end of its file (HA transfer, dispatch). */
    public SelectMappedBufferResult getData(long offset) {
        return getData(offset, offset == 0);
    }

    public SelectMappedBufferResult getData(long offset, boolean returnFirstOnNotFound) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset, returnFirstOnNotFound);
        if (mappedFile != null) {
            int pos = (int) (offset % mappedFileSize);
            return mappedFile.selectMappedBuffer(pos);
        }
        return null;
    }

    /** Appends replicated bytes at {@code startOffset} (HA slave); false if they would not land in order. */
    public boolean appendData(long startOffset, byte[] data, int dataStart, int dataLength) {
        putMessageLock.lock();
        try {
            if (closed) {
                return false;
            }
            MappedFile mappedFile = mappedFileQueue.getLastMappedFile(startOffset);
            if (mappedFile == null) {
                log.error("appendData getLastMappedFile error {}", startOffset);
                return false;
            }
            if (mappedFile.getFileFromOffset() + mappedFile.getWrotePosition() != startOffset) {
                log.error("appendData offset mismatch: expected {} got {}",
                    mappedFile.getFileFromOffset() + mappedFile.getWrotePosition(), startOffset);
                return false;
            }
            return mappedFile.appendMessage(data, dataStart, dataLength);
        } finally {
            putMessageLock.unlock();
        }
    }

    public long rollNextFile(long offset) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        return offset + mappedFileSize - offset % mappedFileSize;
    }

    public long getMinOffset() {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        if (first != null) {
            if (first.isAvailable()) {
                return first.getFileFromOffset();
            }
            return rollNextFile(first.getFileFromOffset());
        }
        return -1;
    }

    public long getMaxOffset() {
        return mappedFileQueue.getMaxOffset();
    }

    public long remainHowManyDataToCommit() {
        return mappedFileQueue.remainHowManyDataToCommit();
    }

    public long remainHowManyDataToFlush() {
        return mappedFileQueue.remainHowManyDataToFlush();
    }

    public int deleteExpiredFile(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                 boolean cleanImmediately) {
        return mappedFileQueue.deleteExpiredFileByTime(expiredTime, deleteFilesInterval, intervalForcibly,
            cleanImmediately);
    }

    public boolean retryDeleteFirstFile(long intervalForcibly) {
        return mappedFileQueue.retryDeleteFirstFile(intervalForcibly);
    }

    /** Store time of the record at {@code offset}, or -1. */
    public long pickupStoreTimestamp(long offset, int size) {
        if (offset >= getMinOffset()) {
            SelectMappedBufferResult result = getMessage(offset, size);
            if (result != null) {
                try {
                    int sysFlag = result.getByteBuffer().getInt(MessageDecoder.SYSFLAG_POSITION);
                    return result.getByteBuffer().getLong(MessageDecoder.storeTimestampPosition(sysFlag));
                } finally {
                    result.release();
                }
            }
        }
        return -1;
    }

    /**
     * Reads the record at the buffer's position and advances past it. Size 0 with success means "end of this
     * file" (blank marker) or "no more data" (zeros); success=false means a damaged or torn record.
     *
     * @param expectedOffset the record's own offset, checked against its PHYSICALOFFSET field (-1 = unchecked)
     */
    public DispatchRequest checkMessageAndReturnSize(ByteBuffer byteBuffer, boolean checkCRC, long expectedOffset) {
        try {
            int start = byteBuffer.position();
            if (byteBuffer.remaining() < 8) {
                return new DispatchRequest(0, true);
            }
            int totalSize = byteBuffer.getInt();
            int magicCode = byteBuffer.getInt();
            if (magicCode == BLANK_MAGIC_CODE) {
                return new DispatchRequest(0, true);
            }
            if (magicCode != MESSAGE_MAGIC_CODE) {
                if (totalSize == 0 && magicCode == 0) {
                    return new DispatchRequest(0, true);
                }
                log.warn("found an illegal magic code 0x{} at {}", Integer.toHexString(magicCode), expectedOffset);
                return new DispatchRequest(-1, false);
            }
            if (totalSize <= 0 || totalSize > byteBuffer.remaining() + 8) {
                log.warn("found an illegal record size {} at {}", totalSize, expectedOffset);
                return new DispatchRequest(-1, false);
            }
            int bodyCRC = byteBuffer.getInt();
            int queueId = byteBuffer.getInt();
            byteBuffer.getInt(); // flag
            long queueOffset = byteBuffer.getLong();
            long physicOffset = byteBuffer.getLong();
            int sysFlag = byteBuffer.getInt();
            byteBuffer.getLong(); // born timestamp
            int bornHostLength = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);
            byteBuffer.position(byteBuffer.position() + bornHostLength);
            long storeTimestamp = byteBuffer.getLong();
            int storeHostLength = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
            byteBuffer.position(byteBuffer.position() + storeHostLength);
            byteBuffer.getInt(); // reconsume times
            long preparedTransactionOffset = byteBuffer.getLong();
            int bodyLen = byteBuffer.getInt();
            if (bodyLen < 0 || bodyLen > totalSize) {
                return new DispatchRequest(-1, false);
            }
            if (bodyLen > 0) {
                if (checkCRC) {
                    int crc = crc32(byteBuffer, byteBuffer.position(), bodyLen);
                    if (crc != bodyCRC) {
                        log.warn("CRC check failed. bodyCRC={}, currentCRC={} at {}", bodyCRC, crc, expectedOffset);
                        return new DispatchRequest(-1, false);
                    }
                }
                byteBuffer.position(byteBuffer.position() + bodyLen);
            }
            int topicLen = byteBuffer.get();
            if (topicLen <= 0) {
                return new DispatchRequest(-1, false);
            }
            byte[] topicBytes = new byte[topicLen];
            byteBuffer.get(topicBytes);
            String topic = new String(topicBytes, StandardCharsets.UTF_8);
            long tagsCode = 0;
            String keys = "";
            String uniqKey = null;
            short propertiesLength = byteBuffer.getShort();
            Map<String, String> propertiesMap = null;
            if (propertiesLength > 0) {
                byte[] props = new byte[propertiesLength];
                byteBuffer.get(props);
                propertiesMap = MessageDecoder.string2messageProperties(new String(props, StandardCharsets.UTF_8));
                keys = propertiesMap.getOrDefault(MessageConst.PROPERTY_KEYS, "");
                uniqKey = propertiesMap.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
                String tags = propertiesMap.get(MessageConst.PROPERTY_TAGS);
                if (tags != null && !tags.isEmpty()) {
                    tagsCode = MessageExtBrokerInner.tagsString2tagsCode(tags);
                }
                if (DelayLevels.SCHEDULE_TOPIC.equals(topic)) {
                    String level = propertiesMap.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
                    if (level != null) {
                        tagsCode = delayLevels.computeDeliverTimestamp(Integer.parseInt(level), storeTimestamp);
                    }
                }
            }
            int readLength = byteBuffer.position() - start;
            if (readLength != totalSize) {
                log.error("[BUG]read total count not equals msg total size. totalSize={}, readTotalCount={}, "
                    + "bodyLen={}, topicLen={}, propertiesLength={}", totalSize, readLength, bodyLen, topicLen,
                    propertiesLength);
                return new DispatchRequest(totalSize, false);
            }
            if (expectedOffset >= 0 && physicOffset != expectedOffset) {
                log.warn("record at {} claims physical offset {}", expectedOffset, physicOffset);
                return new DispatchRequest(-1, false);
            }
            return new DispatchRequest(topic, queueId, physicOffset, totalSize, tagsCode, storeTimestamp, queueOffset,
                keys, uniqKey, sysFlag, preparedTransactionOffset, propertiesMap);
        } catch (RuntimeException e) {
            return new DispatchRequest(-1, false);
        }
    }

    /**
     * The reput thread's allocation-free variant of {@link #checkMessageAndReturnSize}: fills {@code out} as
     * a view over the record at the buffer's position (no CRC check; the record was written by this store or
     * verified by recovery) and advances past it.
     */
    void readForDispatch(ByteBuffer b, DispatchRequest out, TopicCache topics) {
        int start = b.position();
        if (b.remaining() < 8) {
            out.resetAsResult(0, true);
            return;
        }
        int totalSize = b.getInt(start);
        int magicCode = b.getInt(start + 4);
        if (magicCode == BLANK_MAGIC_CODE || totalSize == 0 && magicCode == 0) {
            out.resetAsResult(0, true);
            return;
        }
        if (magicCode == MESSAGE_MAGIC_CODE && totalSize > b.remaining()) {
            // a record still being replicated (HA slave appends in chunks): wait for the rest
            out.resetAsResult(0, true);
            return;
        }
        if (magicCode != MESSAGE_MAGIC_CODE || totalSize <= 0) {
            out.resetAsResult(-1, false);
            return;
        }
        int queueId = b.getInt(start + 12);
        long queueOffset = b.getLong(start + 20);
        long physicOffset = b.getLong(start + 28);
        int sysFlag = b.getInt(start + 36);
        int p = start + 48 + MessageSysFlag.hostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);
        long storeTimestamp = b.getLong(p);
        p += 8 + MessageSysFlag.hostLength(sysFlag, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) + 4;
        long preparedTransactionOffset = b.getLong(p);
        p += 8;
        int bodyLen = b.getInt(p);
        p += 4 + bodyLen;
        int topicLen = b.get(p);
        p += 1;
        // one bulk copy of topic + properties into the reused scratch array; everything below scans that
        int tailLength = start + totalSize - p;
        if (topicLen <= 0 || tailLength < topicLen + 2) {
            out.resetAsResult(-1, false);
            return;
        }
        byte[] tail = out.scratch(tailLength);
        b.get(p, tail, 0, tailLength);
        String topic = topics.get(tail, 0, topicLen);
        int propertiesLength = ((tail[topicLen] & 0xFF) << 8 | (tail[topicLen + 1] & 0xFF));
        propertiesLength = (short) propertiesLength;
        int pp = topicLen + 2;
        if (pp + Math.max(0, propertiesLength) != tailLength) {
            out.resetAsResult(-1, false);
            return;
        }
        long tagsCode = 0;
        if (propertiesLength > 0) {
            int end = pp + propertiesLength;
            int tags = RecordScanner.findValue(tail, pp, propertiesLength, RecordScanner.TAGS);
            if (tags >= 0) {
                int tagsEnd = RecordScanner.valueEnd(tail, tags, end);
                long h = RecordScanner.hash(0, tail, tags, tagsEnd);
                tagsCode = h != RecordScanner.NOT_ASCII ? (int) h
                    : RecordScanner.string(tail, tags, tagsEnd).hashCode();
            }
            if (DelayLevels.SCHEDULE_TOPIC.equals(topic)) {
                int delay = RecordScanner.findValue(tail, pp, propertiesLength, RecordScanner.DELAY);
                if (delay >= 0) {
                    int level = RecordScanner.parseInt(tail, delay, RecordScanner.valueEnd(tail, delay, end));
                    tagsCode = delayLevels.computeDeliverTimestamp(level, storeTimestamp);
                }
            }
        }
        out.reset(topic, queueId, physicOffset, totalSize, tagsCode, storeTimestamp, queueOffset, sysFlag,
            preparedTransactionOffset, tail, pp, Math.max(0, propertiesLength));
        b.position(start + totalSize);
    }

    private static int crc32(ByteBuffer buffer, int position, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(buffer.slice(position, length));
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /**
     * Normal recovery (clean shutdown): re-reads the last three files to find the end of valid data and cuts
     * everything after it. Returns the recovered max offset.
     */
    public long recoverNormally() {
        var files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            mappedFileQueue.setFlushedWhere(0);
            mappedFileQueue.setCommittedWhere(0);
            return 0;
        }
        int index = Math.max(0, files.size() - 3);
        return scanAndTruncate(index, config.isCheckCRCOnRecover());
    }

    /**
     * Abnormal recovery (crash): verifies records (sizes, CRCs, offsets) from the file that contains the
     * checkpoint's safe point onwards and cuts the log at the first damaged or torn record. Returns the
     * offset from which dispatch must be redone.
     */
    public long recoverAbnormally(long minTimestamp) {
        var files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            mappedFileQueue.setFlushedWhere(0);
            mappedFileQueue.setCommittedWhere(0);
            return 0;
        }
        int index = files.size() - 1;
        for (; index >= 0; index--) {
            if (isMappedFileMatchedRecover(files.get(index), minTimestamp)) {
                log.info("recover from this mapped file {}", files.get(index).getFileName());
                break;
            }
        }
        if (index < 0) {
            index = 0;
        }
        scanAndTruncate(index, true);
        return files.isEmpty() ? 0 : files.get(Math.min(index, files.size() - 1)).getFileFromOffset();
    }

    private boolean isMappedFileMatchedRecover(MappedFile mappedFile, long minTimestamp) {
        ByteBuffer byteBuffer = mappedFile.sliceByteBuffer();
        if (byteBuffer.getInt(MessageDecoder.MESSAGE_MAGIC_CODE_POSTION) != MESSAGE_MAGIC_CODE) {
            return false;
        }
        int sysFlag = byteBuffer.getInt(MessageDecoder.SYSFLAG_POSITION);
        long storeTimestamp = byteBuffer.getLong(MessageDecoder.storeTimestampPosition(sysFlag));
        return storeTimestamp != 0 && storeTimestamp <= minTimestamp;
    }

    private long scanAndTruncate(int index, boolean checkCRC) {
        var files = mappedFileQueue.getMappedFiles();
        MappedFile mappedFile = files.get(index);
        ByteBuffer byteBuffer = mappedFile.sliceByteBuffer();
        long processOffset = mappedFile.getFileFromOffset();
        long mappedFileOffset = 0;
        while (true) {
            DispatchRequest r = checkMessageAndReturnSize(byteBuffer, checkCRC, processOffset + mappedFileOffset);
            int size = r.getMsgSize();
            if (r.isSuccess() && size > 0) {
                mappedFileOffset += size;
            } else if (r.isSuccess() && size == 0 && isBlankAt(byteBuffer, (int) mappedFileOffset)) {
                index++;
                if (index >= files.size()) {
                    log.info("recover last 3 physics file over, last mapped file {}", mappedFile.getFileName());
                    mappedFileOffset = mappedFile.getFileSize();
                    break;
                }
                mappedFile = files.get(index);
                byteBuffer = mappedFile.sliceByteBuffer();
                processOffset = mappedFile.getFileFromOffset();
                mappedFileOffset = 0;
                log.info("recover next physics file, {}", mappedFile.getFileName());
            } else {
                if (!r.isSuccess()) {
                    log.warn("recover physics file end at a damaged record, {} pos {}", mappedFile.getFileName(),
                        mappedFileOffset);
                }
                break;
            }
        }
        processOffset += mappedFileOffset;
        mappedFileQueue.setFlushedWhere(processOffset);
        mappedFileQueue.setCommittedWhere(processOffset);
        mappedFileQueue.truncateDirtyFiles(processOffset);
        scrubTornTail(processOffset);
        return processOffset;
    }

    private static boolean isBlankAt(ByteBuffer buffer, int pos) {
        return pos + 8 <= buffer.limit() && buffer.getInt(pos + 4) == BLANK_MAGIC_CODE;
    }

    /** Zeroes what a torn record left after the recovered end, so no later scan can mistake it for data. */
    private void scrubTornTail(long processOffset) {
        MappedFile last = mappedFileQueue.findMappedFileByOffset(processOffset);
        if (last == null) {
            return;
        }
        int pos = (int) (processOffset - last.getFileFromOffset());
        int end = (int) Math.min(last.getFileSize(), (long) pos + config.getMaxMessageSize() + 64 * 1024);
        ByteBuffer buffer = last.getMappedByteBuffer();
        boolean dirty = false;
        for (int i = pos; i < end; i++) {
            if (buffer.get(i) != 0) {
                buffer.put(i, (byte) 0);
                dirty = true;
            } else if ((i & 4095) == 0 && isZeroPage(buffer, i, end)) {
                break;
            }
        }
        if (dirty) {
            last.getMappedByteBuffer().force();
        }
    }

    private static boolean isZeroPage(ByteBuffer buffer, int from, int end) {
        int to = Math.min(end, from + 4096);
        for (int i = from; i < to; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    public void setTopicQueueOffset(String topic, int queueId, long offset) {
        topicQueueTable.set(topic, queueId, offset);
    }

    public long getTopicQueueOffset(String topic, int queueId) {
        return topicQueueTable.get(topic, queueId);
    }

    /** The queue's next message gets logical offset 0 again (its consume queue was destroyed). */
    public void resetQueueOffset(String topic, int queueId) {
        putMessageLock.lock();
        try {
            topicQueueTable.set(topic, queueId, 0);
        } finally {
            putMessageLock.unlock();
        }
    }

    public void removeQueueFromTopicQueueTable(String topic) {
        putMessageLock.lock();
        try {
            topicQueueTable.remove(topic);
        } finally {
            putMessageLock.unlock();
        }
    }

    public void clearTopicQueueTable() {
        topicQueueTable.clear();
    }

    /** How long the current append has held the lock (0 when none does); drives OS_PAGECACHE_BUSY. */
    public long lockTimeMills() {
        long begin = beginTimeInLock;
        return begin > 0 ? System.currentTimeMillis() - begin : 0;
    }

    public long getBeginTimeInLock() {
        return beginTimeInLock;
    }

    public long getConfirmOffset() {
        return confirmOffset;
    }

    public void setConfirmOffset(long confirmOffset) {
        this.confirmOffset = confirmOffset;
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }

    public FlushCommitLogService getFlushCommitLogService() {
        return flushCommitLogService;
    }

    static String fileNameOf(long offset) {
        return UtilAll.offset2FileName(offset);
    }
}
