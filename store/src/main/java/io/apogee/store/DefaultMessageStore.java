package io.apogee.store;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.MessageStoreConfig;
import io.apogee.store.index.IndexService;
import io.apogee.store.index.QueryOffsetResult;

/**
 * The store facade: wires the CommitLog, ConsumeQueues, index, checkpoint and their threads, runs recovery
 * in {@link #load()}, and answers the broker's puts, pulls and lookups. Holds no format logic of its own.
 */
public class DefaultMessageStore implements MessageStore {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private static final long TOTAL_PHYSICAL_MEMORY_SIZE = totalPhysicalMemory();

    private final MessageStoreConfig config;
    private final RunningFlags runningFlags = new RunningFlags();
    private final StoreStatsService storeStatsService = new StoreStatsService();
    private final StoreCheckpoint storeCheckpoint;
    private final TransientStorePool transientStorePool;
    private final AllocateMappedFileService allocateMappedFileService;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private final FlushConsumeQueueService flushConsumeQueueService;
    private final ReputMessageService reputMessageService;
    private final CleanCommitLogService cleanCommitLogService;
    private final CleanConsumeQueueService cleanConsumeQueueService;
    private final CleanResourceService cleanResourceService;
    private final List<CommitLogDispatcher> dispatcherList = new CopyOnWriteArrayList<>();
    private final StoreLock storeLock;
    private volatile boolean shutdown = true;
    private volatile boolean loaded = false;
    private volatile long lastNotWritableLog = 0;
    private volatile io.apogee.store.ha.HAService haService;
    private volatile io.apogee.store.ha.HAClient haClient;
    private volatile String haStartFailure;

    public DefaultMessageStore(MessageStoreConfig config) throws IOException {
        this(config, null, DiskSpaceProbe.DEFAULT);
    }

    public DefaultMessageStore(MessageStoreConfig config, MessageArrivingListener listener) throws IOException {
        this(config, listener, DiskSpaceProbe.DEFAULT);
    }

    public DefaultMessageStore(MessageStoreConfig config, MessageArrivingListener listener, DiskSpaceProbe probe)
        throws IOException {
        config.validate();
        this.config = config;
        this.storeLock = new StoreLock(config.getLockFile());
        this.storeCheckpoint = new StoreCheckpoint(config.getStoreCheckpoint());
        this.transientStorePool = config.isTransientStorePoolEnable() ? new TransientStorePool(config) : null;
        this.allocateMappedFileService = new AllocateMappedFileService(config, transientStorePool);
        DelayLevels delayLevels = new DelayLevels(config.getMessageDelayLevel());
        this.commitLog = new CommitLog(config, allocateMappedFileService, storeCheckpoint, storeStatsService,
            runningFlags, delayLevels);
        this.consumeQueueTable = new ConsumeQueueTable(config, runningFlags);
        this.indexService = new IndexService(config, storeCheckpoint);
        this.flushConsumeQueueService = new FlushConsumeQueueService(consumeQueueTable, config, storeCheckpoint,
            indexService);
        dispatcherList.add(consumeQueueTable);
        if (config.isMessageIndexEnable()) {
            dispatcherList.add(indexService);
        }
        this.reputMessageService = new ReputMessageService(commitLog, dispatcherList,
            flushConsumeQueueService::dispatched);
        this.reputMessageService.setMessageArrivingListener(listener);
        this.cleanCommitLogService = new CleanCommitLogService(config, commitLog, runningFlags, probe);
        this.cleanConsumeQueueService = new CleanConsumeQueueService(config, commitLog, consumeQueueTable,
            indexService);
        this.cleanResourceService = new CleanResourceService(config, cleanCommitLogService, cleanConsumeQueueService);
        new File(config.getStorePathRootDir()).mkdirs();
    }

    private static long totalPhysicalMemory() {
        try {
            var os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getTotalMemorySize();
            }
        } catch (Throwable e) {
            // fall through to the heap-based estimate
        }
        return Runtime.getRuntime().maxMemory() * 4;
    }

    @Override
    public boolean load() {
        try {
            storeLock.acquire();
        } catch (IOException e) {
            throw new RuntimeException("Lock failed,MQ already started", e);
        }
        boolean lastExitOK = !isTempFileExist();
        log.info("last shutdown {}", lastExitOK ? "normally" : "abnormally");
        boolean result = commitLog.load() && consumeQueueTable.load();
        if (result) {
            result = indexService.load(lastExitOK);
        }
        if (result) {
            recover(lastExitOK);
        }
        loaded = result;
        log.info("load over, and the result is {}", result);
        if (!result) {
            allocateMappedFileService.shutdown();
            storeLock.release();
        }
        return result;
    }

    private boolean isTempFileExist() {
        return new File(config.getAbortFile()).exists();
    }

    /**
     * Brings CommitLog, ConsumeQueues and index back in line: cut the CommitLog at its last valid record,
     * cut queue units and index files that point past it, then dispatch what the queues miss.
     */
    private void recover(boolean lastExitOK) {
        long beginTime = System.currentTimeMillis();
        for (ConsumeQueue cq : consumeQueueTable.all()) {
            cq.recover();
        }
        long redispatchFrom;
        if (lastExitOK) {
            commitLog.recoverNormally();
            redispatchFrom = Long.MAX_VALUE;
        } else {
            long safePoint = config.isMessageIndexEnable() ? storeCheckpoint.getMinTimestampIndex()
                : storeCheckpoint.getMinTimestamp();
            redispatchFrom = commitLog.recoverAbnormally(safePoint);
        }
        long maxPhyOffset = commitLog.getMaxOffset();
        long minPhyOffset = Math.max(0, commitLog.getMinOffset());
        long maxPhysicalPosInLogicQueue = minPhyOffset;
        for (ConsumeQueue cq : consumeQueueTable.all()) {
            if (cq.getMaxPhysicOffset() > maxPhyOffset) {
                log.warn("truncate consume queue {}-{} beyond commit log max offset {}", cq.getTopic(), cq.getQueueId(),
                    maxPhyOffset);
                cq.truncateDirtyLogicFiles(maxPhyOffset);
            }
            maxPhysicalPosInLogicQueue = Math.max(maxPhysicalPosInLogicQueue, cq.getMaxPhysicOffset());
        }
        indexService.truncateDirty(maxPhyOffset);
        long reputFrom = Math.min(Math.max(Math.min(redispatchFrom, maxPhysicalPosInLogicQueue), minPhyOffset),
            maxPhyOffset);
        reputMessageService.setReputFromOffset(reputFrom);
        // Dispatch synchronously so queue offsets are complete before the topic/queue table is rebuilt.
        reputMessageService.doReput();
        for (ConsumeQueue cq : consumeQueueTable.all()) {
            commitLog.setTopicQueueOffset(cq.getTopic(), cq.getQueueId(), cq.getMaxOffsetInQueue());
            cq.correctMinOffset(minPhyOffset);
        }
        log.info("recover {} done in {} ms: commit log max offset {}, dispatched from {}",
            lastExitOK ? "normally" : "abnormally", System.currentTimeMillis() - beginTime, maxPhyOffset, reputFrom);
    }

    @Override
    public void start() throws Exception {
        if (!loaded) {
            throw new IllegalStateException("load() must succeed before start()");
        }
        createTempFile();
        if (transientStorePool != null) {
            transientStorePool.init();
        }
        allocateMappedFileService.start();
        commitLog.start();
        reputMessageService.start();
        flushConsumeQueueService.start();
        storeStatsService.start();
        cleanResourceService.start();
        shutdown = false;
        startHa();
    }

    /** Masters accept slaves on haListenPort; slaves replicate from the master's HA address. */
    private void startHa() {
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            haClient = new io.apogee.store.ha.HAClient(this);
            if (config.getHaMasterAddress() != null && !config.getHaMasterAddress().isBlank()) {
                haClient.updateMasterAddress(config.getHaMasterAddress());
            }
            haClient.start();
        } else {
            io.apogee.store.ha.HAService service = new io.apogee.store.ha.HAService(this);
            try {
                service.start();
                haService = service;
            } catch (IOException e) {
                haStartFailure = e.getMessage();
                log.error("HA service not started, slaves cannot connect: {}", e.getMessage());
            }
        }
    }

    /** The master's HA address (host:port) a slave replicates from; ignored on a master. */
    public void updateHaMasterAddress(String newAddr) {
        io.apogee.store.ha.HAClient client = haClient;
        if (client != null) {
            client.updateMasterAddress(newAddr);
        }
    }

    /** Master side HA service, null on a slave or when haListenPort could not be bound. */
    public io.apogee.store.ha.HAService getHaService() {
        return haService;
    }

    /** Why the master's HA service could not start (haListenPort in use), or null. */
    public String getHaStartFailure() {
        return haStartFailure;
    }

    /** Slave side HA client, null on a master. */
    public io.apogee.store.ha.HAClient getHaClient() {
        return haClient;
    }

    /** SYNC_MASTER: the put counts only once a slave acknowledged its bytes (or fails with a slave status). */
    private boolean needsSlaveAck(PutMessageResult result, boolean waitStoreMsgOK) {
        if (config.getBrokerRole() != BrokerRole.SYNC_MASTER || !waitStoreMsgOK) {
            return false;
        }
        PutMessageStatus st = result.getPutMessageStatus();
        return st == PutMessageStatus.PUT_OK || st == PutMessageStatus.FLUSH_DISK_TIMEOUT;
    }

    private CompletableFuture<PutMessageResult> waitForSlave(PutMessageResult result) {
        AppendMessageResult append = result.getAppendMessageResult();
        long end = append.getWroteOffset() + append.getWroteBytes();
        io.apogee.store.ha.HAService service = haService;
        if (service == null || !service.isSlaveOK(end)) {
            result.setPutMessageStatus(PutMessageStatus.SLAVE_NOT_AVAILABLE);
            return CompletableFuture.completedFuture(result);
        }
        service.wakeupWriters();
        return service.waitForSlave(end, config.getSyncFlushTimeout()).thenApply(ok -> {
            if (!ok) {
                log.error("do sync transfer other node, wait return, but failed, end offset {}", end);
                result.setPutMessageStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
            }
            return result;
        });
    }

    private PutMessageResult waitForSlaveBlocking(PutMessageResult result) {
        try {
            return waitForSlave(result).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.setPutMessageStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
            return result;
        } catch (java.util.concurrent.ExecutionException e) {
            result.setPutMessageStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
            return result;
        }
    }

    private void createTempFile() throws IOException {
        File file = new File(config.getAbortFile());
        File parent = file.getParentFile();
        if (parent != null) {
            parent.mkdirs();
        }
        boolean result = file.createNewFile();
        log.info("{}{}", config.getAbortFile(), result ? " create OK" : " already exists");
    }

    @Override
    public void shutdown() {
        if (!shutdown) {
            shutdown = true;
            cleanResourceService.shutdown();
            storeStatsService.shutdown();
            if (haService != null) {
                haService.shutdown();
            }
            if (haClient != null) {
                haClient.shutdown(true);
            }
            reputMessageService.shutdown();
            flushConsumeQueueService.shutdown();
            commitLog.shutdown();
            allocateMappedFileService.shutdown();
            indexService.shutdown();
            storeCheckpoint.flush();
            storeCheckpoint.shutdown();
            commitLog.closeFiles();
            for (ConsumeQueue cq : consumeQueueTable.all()) {
                cq.shutdown();
            }
            if (runningFlags.isWriteable() && dispatchBehindBytes() == 0) {
                deleteFile(config.getAbortFile());
            } else {
                log.warn("the store may be wrong, so shutdown abnormally, and keep abort file.");
            }
            if (transientStorePool != null) {
                transientStorePool.destroy();
            }
        } else if (loaded) {
            allocateMappedFileService.shutdown();
            storeCheckpoint.shutdown();
            commitLog.closeFiles();
            indexService.shutdown();
            for (ConsumeQueue cq : consumeQueueTable.all()) {
                cq.shutdown();
            }
        }
        loaded = false;
        storeLock.release();
    }

    private static void deleteFile(String fileName) {
        File file = new File(fileName);
        boolean result = file.delete();
        log.info("{}{}", fileName, result ? " delete OK" : " delete Failed");
    }

    @Override
    public void destroy() {
        for (ConsumeQueue cq : consumeQueueTable.all()) {
            cq.destroy();
        }
        commitLog.destroy();
        indexService.destroy();
        deleteFile(config.getAbortFile());
        deleteFile(config.getStoreCheckpoint());
    }

    private PutMessageStatus checkStoreStatus() {
        if (shutdown) {
            log.warn("message store has shutdown, so putMessage is forbidden");
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            logNotWritable("broke role is slave, so putMessage is forbidden");
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (!runningFlags.isWriteable()) {
            logNotWritable(runningFlags.isDiskFull()
                ? "the disk is full (over diskSpaceWarningLevelRatio), so putMessage is forbidden"
                : "the message store is not writable. It may be caused by one of the following reasons: "
                    + "the broker's disk is full, write to logic queue error, write to index file error, etc");
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (isOSPageCacheBusy()) {
            return PutMessageStatus.OS_PAGECACHE_BUSY;
        }
        return PutMessageStatus.PUT_OK;
    }

    private void logNotWritable(String message) {
        long now = System.currentTimeMillis();
        if (now - lastNotWritableLog > 1000) {
            lastNotWritableLog = now;
            log.warn("{}, flagBits={}", message, runningFlags.getFlagBits());
        }
    }

    @Override
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        PutMessageStatus status = checkStoreStatus();
        if (status != PutMessageStatus.PUT_OK) {
            return new PutMessageResult(status, null);
        }
        String props = msg.getPropertiesString();
        if (props != null && props.length() > Short.MAX_VALUE) {
            log.warn("putMessage message properties length too long {}", props.length());
            return new PutMessageResult(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, null);
        }
        PutMessageResult result = commitLog.putMessage(msg);
        if (!result.isOk()) {
            storeStatsService.recordPutFailed();
        } else if (needsSlaveAck(result, msg.isWaitStoreMsgOK())) {
            return waitForSlaveBlocking(result);
        }
        return result;
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        PutMessageStatus status = checkStoreStatus();
        if (status != PutMessageStatus.PUT_OK) {
            return CompletableFuture.completedFuture(new PutMessageResult(status, null));
        }
        String props = msg.getPropertiesString();
        if (props != null && props.length() > Short.MAX_VALUE) {
            log.warn("putMessage message properties length too long {}", props.length());
            return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, null));
        }
        return commitLog.asyncPutMessage(msg).thenCompose(result -> {
            if (!result.isOk()) {
                storeStatsService.recordPutFailed();
            } else if (needsSlaveAck(result, msg.isWaitStoreMsgOK())) {
                return waitForSlave(result);
            }
            return CompletableFuture.completedFuture(result);
        });
    }

    @Override
    public PutMessageResult putMessages(MessageExtBatch batch) {
        PutMessageResult result = appendBatch(batch);
        return result.isOk() && needsSlaveAck(result, batch.isWaitStoreMsgOK()) ? waitForSlaveBlocking(result) : result;
    }

    /** As {@link #putMessages}, but a SYNC_MASTER's wait for its slave holds no thread. */
    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        PutMessageResult result = appendBatch(batch);
        return result.isOk() && needsSlaveAck(result, batch.isWaitStoreMsgOK()) ? waitForSlave(result)
            : CompletableFuture.completedFuture(result);
    }

    private PutMessageResult appendBatch(MessageExtBatch batch) {
        PutMessageStatus status = checkStoreStatus();
        if (status != PutMessageStatus.PUT_OK) {
            return new PutMessageResult(status, null);
        }
        PutMessageResult result = commitLog.putMessages(batch);
        if (!result.isOk()) {
            storeStatsService.recordPutFailed();
        }
        return result;
    }

    @Override
    public boolean isOSPageCacheBusy() {
        long begin = commitLog.getBeginTimeInLock();
        long diff = System.currentTimeMillis() - begin;
        return diff < 10_000_000 && diff > config.getOsPageCacheBusyTimeOutMills();
    }

    @Override
    public long lockTimeMills() {
        return commitLog.lockTimeMills();
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       MessageFilter messageFilter) {
        return getMessage(group, topic, queueId, offset, maxMsgNums, Integer.MAX_VALUE, messageFilter);
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       int maxTotalMsgSize, MessageFilter messageFilter) {
        if (shutdown && !loaded) {
            log.warn("message store has shutdown, so getMessage is forbidden");
            return null;
        }
        if (!runningFlags.isReadable()) {
            log.warn("message store is not readable, so getMessage is forbidden {}", runningFlags.getFlagBits());
            return null;
        }
        long beginTime = System.currentTimeMillis();
        GetMessageStatus status = GetMessageStatus.NO_MESSAGE_IN_QUEUE;
        long nextBeginOffset = offset;
        long minOffset = 0;
        long maxOffset = 0;
        GetMessageResult getResult = new GetMessageResult(Math.min(maxMsgNums, 64));
        long maxOffsetPy = commitLog.getMaxOffset();
        ConsumeQueue consumeQueue = consumeQueueTable.getConsumeQueue(topic, queueId);
        if (consumeQueue != null) {
            minOffset = consumeQueue.getMinOffsetInQueue();
            maxOffset = consumeQueue.getMaxOffsetInQueue();
            if (maxOffset == 0) {
                status = GetMessageStatus.NO_MESSAGE_IN_QUEUE;
                nextBeginOffset = nextOffsetCorrection(offset, 0);
            } else if (offset < minOffset) {
                status = GetMessageStatus.OFFSET_TOO_SMALL;
                nextBeginOffset = nextOffsetCorrection(offset, minOffset);
            } else if (offset == maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_ONE;
                nextBeginOffset = nextOffsetCorrection(offset, offset);
            } else if (offset > maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_BADLY;
                nextBeginOffset = nextOffsetCorrection(offset, minOffset == 0 ? minOffset : maxOffset);
            } else {
                SelectMappedBufferResult bufferConsumeQueue = consumeQueue.getIndexBuffer(offset);
                if (bufferConsumeQueue != null) {
                    try {
                        status = GetMessageStatus.NO_MATCHED_MESSAGE;
                        long nextPhyFileStartOffset = Long.MIN_VALUE;
                        int i = 0;
                        int maxFilterMessageCount = Math.max(16000, maxMsgNums * ConsumeQueue.CQ_STORE_UNIT_SIZE);
                        ByteBuffer cq = bufferConsumeQueue.getByteBuffer();
                        for (; i < bufferConsumeQueue.getSize() && i < maxFilterMessageCount;
                             i += ConsumeQueue.CQ_STORE_UNIT_SIZE) {
                            long offsetPy = cq.getLong(i);
                            int sizePy = cq.getInt(i + 8);
                            long tagsCode = cq.getLong(i + 12);
                            if (sizePy == Integer.MAX_VALUE && offsetPy == 0) {
                                continue; // blank pre-fill unit
                            }
                            if (nextPhyFileStartOffset != Long.MIN_VALUE && offsetPy < nextPhyFileStartOffset) {
                                continue;
                            }
                            boolean isInDisk = checkInDiskByCommitOffset(offsetPy, maxOffsetPy);
                            if (isTheBatchFull(sizePy, maxMsgNums, getResult.getBufferTotalSize(),
                                getResult.getMessageCount(), isInDisk)
                                || getResult.getMessageCount() > 0
                                && (long) getResult.getBufferTotalSize() + sizePy > maxTotalMsgSize) {
                                break;
                            }
                            if (messageFilter != null && !messageFilter.isMatchedByConsumeQueue(tagsCode, null)) {
                                if (getResult.getBufferTotalSize() == 0) {
                                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                                }
                                continue;
                            }
                            SelectMappedBufferResult selectResult = commitLog.getMessage(offsetPy, sizePy);
                            if (selectResult == null) {
                                if (getResult.getBufferTotalSize() == 0) {
                                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                                }
                                nextPhyFileStartOffset = commitLog.rollNextFile(offsetPy);
                                continue;
                            }
                            if (messageFilter != null
                                && !messageFilter.isMatchedByCommitLog(selectResult.getByteBuffer().slice(), null)) {
                                if (getResult.getBufferTotalSize() == 0) {
                                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                                }
                                selectResult.release();
                                continue;
                            }
                            getResult.addMessage(selectResult);
                            status = GetMessageStatus.FOUND;
                            nextPhyFileStartOffset = Long.MIN_VALUE;
                        }
                        nextBeginOffset = offset + (i / ConsumeQueue.CQ_STORE_UNIT_SIZE);
                        long diff = maxOffsetPy - maxPhyOffsetPulling(getResult, maxOffsetPy);
                        long memory = (long) (TOTAL_PHYSICAL_MEMORY_SIZE
                            * (config.getAccessMessageInMemoryMaxRatio() / 100.0));
                        getResult.setSuggestPullingFromSlave(diff > memory);
                    } finally {
                        bufferConsumeQueue.release();
                    }
                } else {
                    status = GetMessageStatus.OFFSET_FOUND_NULL;
                    nextBeginOffset = nextOffsetCorrection(offset, consumeQueue.rollNextFile(offset));
                    log.warn("consumer request topic: {} offset: {} minOffset: {} maxOffset: {}, but access logic "
                        + "queue failed.", topic, offset, minOffset, maxOffset);
                }
            }
        } else {
            status = GetMessageStatus.NO_MATCHED_LOGIC_QUEUE;
            nextBeginOffset = nextOffsetCorrection(offset, 0);
        }
        storeStatsService.recordGet(status == GetMessageStatus.FOUND, getResult.getMessageCount(),
            System.currentTimeMillis() - beginTime);
        getResult.setStatus(status);
        getResult.setNextBeginOffset(nextBeginOffset);
        getResult.setMaxOffset(maxOffset);
        getResult.setMinOffset(minOffset);
        return getResult;
    }

    private static long maxPhyOffsetPulling(GetMessageResult r, long fallback) {
        List<SelectMappedBufferResult> l = r.getMessageMapedList();
        return l.isEmpty() ? fallback : l.get(l.size() - 1).getStartOffset();
    }

    /** A slave with offsetCheckInSlave=false keeps the requested offset instead of correcting it. */
    private long nextOffsetCorrection(long oldOffset, long newOffset) {
        if (config.getBrokerRole() != BrokerRole.SLAVE || config.isOffsetCheckInSlave()) {
            return newOffset;
        }
        return oldOffset;
    }

    private boolean checkInDiskByCommitOffset(long offsetPy, long maxOffsetPy) {
        long memory = (long) (TOTAL_PHYSICAL_MEMORY_SIZE * (config.getAccessMessageInMemoryMaxRatio() / 100.0));
        return (maxOffsetPy - offsetPy) > memory;
    }

    private boolean isTheBatchFull(int sizePy, int maxMsgNums, int bufferTotal, int messageTotal, boolean isInDisk) {
        if (bufferTotal == 0 || messageTotal == 0) {
            return false;
        }
        if (maxMsgNums <= messageTotal) {
            return true;
        }
        if (isInDisk) {
            return bufferTotal + sizePy > config.getMaxTransferBytesOnMessageInDisk()
                || messageTotal > config.getMaxTransferCountOnMessageInDisk() - 1;
        }
        return bufferTotal + sizePy > config.getMaxTransferBytesOnMessageInMemory()
            || messageTotal > config.getMaxTransferCountOnMessageInMemory() - 1;
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        return cq == null ? 0 : cq.getMaxOffsetInQueue();
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        // A queue never written starts at 0, as RocketMQ answers; -1 made consumers and mqadmin differ.
        return cq == null ? 0 : cq.getMinOffsetInQueue();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        if (cq != null) {
            SelectMappedBufferResult r = cq.getIndexBuffer(consumeQueueOffset);
            if (r != null) {
                try {
                    return r.getByteBuffer().getLong(0);
                } finally {
                    r.release();
                }
            }
        }
        return 0;
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        if (cq == null) {
            return 0;
        }
        long offset = cq.getOffsetInQueueByTime(timestamp, commitLog);
        return Math.max(cq.getMinOffsetInQueue(), Math.min(offset, cq.getMaxOffsetInQueue()));
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        SelectMappedBufferResult sbr = commitLog.getMessage(commitLogOffset, 4);
        if (sbr == null) {
            return null;
        }
        int size;
        try {
            size = sbr.getByteBuffer().getInt(0);
        } finally {
            sbr.release();
        }
        return lookMessageByOffset(commitLogOffset, size);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        SelectMappedBufferResult result = commitLog.getMessage(commitLogOffset, size);
        if (result == null) {
            return null;
        }
        try {
            return MessageDecoder.decode(result.getByteBuffer(), true, false);
        } finally {
            result.release();
        }
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset) {
        SelectMappedBufferResult sbr = commitLog.getMessage(commitLogOffset, 4);
        if (sbr == null) {
            return null;
        }
        int size;
        try {
            size = sbr.getByteBuffer().getInt(0);
        } finally {
            sbr.release();
        }
        return commitLog.getMessage(commitLogOffset, size);
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize) {
        return commitLog.getMessage(commitLogOffset, msgSize);
    }

    @Override
    public String getRunningDataInfo() {
        return storeStatsService.getRuntimeInfo().toString();
    }

    @Override
    public HashMap<String, String> getRuntimeInfo() {
        HashMap<String, String> result = new HashMap<>(storeStatsService.getRuntimeInfo());
        double physicRatio = io.apogee.common.UtilAll.getDiskPartitionSpaceUsedPercent(config.getStorePathCommitLog());
        result.put("commitLogDiskRatio", String.valueOf(physicRatio));
        result.put("consumeQueueDiskRatio", String.valueOf(
            io.apogee.common.UtilAll.getDiskPartitionSpaceUsedPercent(config.getStorePathConsumeQueue())));
        result.put("commitLogMinOffset", String.valueOf(getMinPhyOffset()));
        result.put("commitLogMaxOffset", String.valueOf(getMaxPhyOffset()));
        return result;
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.getMaxOffset();
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.getMinOffset();
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        if (cq != null) {
            return getMessageStoreTimeStamp(topic, queueId, cq.getMinOffsetInQueue());
        }
        return -1;
    }

    @Override
    public long getEarliestMessageTime() {
        long minPhyOffset = getMinPhyOffset();
        if (minPhyOffset < 0) {
            return -1;
        }
        SelectMappedBufferResult sbr = commitLog.getMessage(minPhyOffset, 4);
        if (sbr == null) {
            return -1;
        }
        int size;
        try {
            size = sbr.getByteBuffer().getInt(0);
        } finally {
            sbr.release();
        }
        return commitLog.pickupStoreTimestamp(minPhyOffset, size);
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        if (cq != null) {
            SelectMappedBufferResult r = cq.getIndexBuffer(consumeQueueOffset);
            if (r != null) {
                try {
                    long phyOffset = r.getByteBuffer().getLong(0);
                    int size = r.getByteBuffer().getInt(8);
                    return commitLog.pickupStoreTimestamp(phyOffset, size);
                } finally {
                    r.release();
                }
            }
        }
        return -1;
    }

    @Override
    public long getMessageTotalInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueueTable.getConsumeQueue(topic, queueId);
        return cq == null ? -1 : cq.getMessageTotalInQueue();
    }

    @Override
    public SelectMappedBufferResult getCommitLogData(long offset) {
        if (shutdown && !loaded) {
            return null;
        }
        return commitLog.getData(offset);
    }

    @Override
    public boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength) {
        if (shutdown) {
            return false;
        }
        boolean result = commitLog.appendData(startOffset, data, dataStart, dataLength);
        if (result) {
            reputMessageService.wakeup();
        } else {
            log.error("appendToPhyQueue failed {} {}", startOffset, data.length);
        }
        return result;
    }

    @Override
    public void executeDeleteFilesManually() {
        cleanCommitLogService.executeDeleteFilesManually();
    }

    /** Runs one cleanup round now (what the background thread does every cleanResourceInterval). */
    public void cleanFilesNow() {
        cleanResourceService.cleanOnce();
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        QueryMessageResult queryMessageResult = new QueryMessageResult();
        QueryOffsetResult offsets = indexService.queryOffset(topic, key, maxNum, begin, end);
        queryMessageResult.setIndexLastUpdatePhyoffset(offsets.getIndexLastUpdatePhyoffset());
        queryMessageResult.setIndexLastUpdateTimestamp(offsets.getIndexLastUpdateTimestamp());
        List<Long> phyOffsets = new ArrayList<>(offsets.getPhyOffsets());
        Collections.sort(phyOffsets);
        for (long offset : phyOffsets) {
            if (queryMessageResult.getMessageMapedList().size() >= maxNum) {
                break;
            }
            SelectMappedBufferResult result = selectOneMessageByOffset(offset);
            if (result == null) {
                continue;
            }
            // The index compares hashes only: confirm topic and key on the record itself.
            MessageExt msg = MessageDecoder.decode(result.getByteBuffer().slice(), false, false);
            if (msg != null && topic.equals(msg.getTopic()) && hasKey(msg, key)) {
                queryMessageResult.addMessage(result);
            } else {
                result.release();
            }
        }
        return queryMessageResult;
    }

    private static boolean hasKey(MessageExt msg, String key) {
        if (key.equals(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
            return true;
        }
        String keys = msg.getKeys();
        if (keys != null) {
            for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
                if (k.equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public long slaveFallBehindMuch() {
        io.apogee.store.ha.HAService service = haService;
        return service == null ? 0 : Math.max(0, commitLog.getMaxOffset() - service.getPush2SlaveMaxOffset().get());
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public int cleanUnusedTopic(Set<String> topics) {
        int removed = 0;
        for (String topic : new ArrayList<>(consumeQueueTable.asMap().keySet())) {
            if (!topics.contains(topic) && !topic.equals(DelayLevels.SCHEDULE_TOPIC)) {
                log.info("cleanUnusedTopic: {} removed", topic);
                consumeQueueTable.removeTopic(topic);
                commitLog.removeQueueFromTopicQueueTable(topic);
                removed++;
            }
        }
        return removed;
    }

    /**
     * A queue whose last unit points below the commit log's first byte only indexes deleted messages (periodic
     * clean-up keeps its last file): destroy it, and restart its logical offsets at 0, as RocketMQ does.
     */
    @Override
    public int cleanExpiredConsumerQueue() {
        long minCommitLogOffset = commitLog.getMinOffset();
        int removed = 0;
        for (Map.Entry<String, ConcurrentMap<Integer, ConsumeQueue>> topic : consumeQueueTable.asMap().entrySet()) {
            if (topic.getKey().equals(DelayLevels.SCHEDULE_TOPIC)) {
                continue;
            }
            for (Iterator<ConsumeQueue> it = topic.getValue().values().iterator(); it.hasNext();) {
                ConsumeQueue cq = it.next();
                long lastUnit = cq.getLastOffset();
                // -1: nothing written yet (a queue created a moment ago), not expired
                if (lastUnit >= 0 && lastUnit < minCommitLogOffset) {
                    log.info("cleanExpiredConsumerQueue: {}-{} indexes only up to {}, commit log starts at {}; destroyed",
                        cq.getTopic(), cq.getQueueId(), lastUnit, minCommitLogOffset);
                    it.remove();
                    commitLog.resetQueueOffset(cq.getTopic(), cq.getQueueId());
                    cq.destroy();
                    removed++;
                }
            }
            if (topic.getValue().isEmpty()) {
                consumeQueueTable.asMap().remove(topic.getKey(), topic.getValue());
            }
        }
        return removed;
    }

    @Override
    public boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset) {
        long phyOffset = getCommitLogOffsetInQueue(topic, queueId, consumeOffset);
        return checkInDiskByCommitOffset(phyOffset, commitLog.getMaxOffset());
    }

    @Override
    public long dispatchBehindBytes() {
        return reputMessageService.behind();
    }

    @Override
    public long flush() {
        return commitLog.flush();
    }

    @Override
    public long getConfirmOffset() {
        return commitLog.getConfirmOffset();
    }

    @Override
    public void setConfirmOffset(long phyOffset) {
        commitLog.setConfirmOffset(phyOffset);
    }

    @Override
    public StoreStatsService getStoreStatsService() {
        return storeStatsService;
    }

    @Override
    public ConsumeQueue getConsumeQueue(String topic, int queueId) {
        return consumeQueueTable.getConsumeQueue(topic, queueId);
    }

    public ConsumeQueue findConsumeQueue(String topic, int queueId) {
        return consumeQueueTable.findConsumeQueue(topic, queueId);
    }

    public Map<String, ? extends Map<Integer, ConsumeQueue>> getConsumeQueueTable() {
        return consumeQueueTable.asMap();
    }

    @Override
    public RunningFlags getRunningFlags() {
        return runningFlags;
    }

    @Override
    public void setMessageArrivingListener(MessageArrivingListener listener) {
        reputMessageService.setMessageArrivingListener(listener);
    }

    public List<CommitLogDispatcher> getDispatcherList() {
        return dispatcherList;
    }

    public MessageStoreConfig getMessageStoreConfig() {
        return config;
    }

    public CommitLog getCommitLog() {
        return commitLog;
    }

    public StoreCheckpoint getStoreCheckpoint() {
        return storeCheckpoint;
    }

    public IndexService getIndexService() {
        return indexService;
    }

    public TransientStorePool getTransientStorePool() {
        return transientStorePool;
    }

    /** Waits (up to {@code timeoutMs}) until everything appended has been dispatched to queues and index. */
    public boolean waitForDispatch(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (dispatchBehindBytes() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            reputMessageService.wakeup();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
