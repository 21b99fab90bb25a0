package io.apogee.store;

import java.nio.ByteBuffer;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;
import io.apogee.common.message.MessageSysFlag;

/**
 * Follows the CommitLog from {@code reputFromOffset}, turning every complete record into ConsumeQueue units
 * and index entries (the dispatcher list), then tells the {@link MessageArrivingListener} so held pulls can
 * be answered. Reads only below the CommitLog's published write position, so it never sees a half-copied
 * record.
 */
public class ReputMessageService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final CommitLog commitLog;
    private final List<CommitLogDispatcher> dispatchers;
    private final StoreCheckpointTimestamps timestamps;
    private volatile MessageArrivingListener messageArrivingListener;
    private volatile long reputFromOffset = 0;
    /** Reused for every record: dispatch allocates nothing per message. */
    private final DispatchRequest request = new DispatchRequest();
    private final TopicCache topicCache = new TopicCache();

    /** Receives the store time of the last dispatched message (the ConsumeQueue checkpoint). */
    public interface StoreCheckpointTimestamps {
        void dispatched(long storeTimestamp);
    }

    public ReputMessageService(CommitLog commitLog, List<CommitLogDispatcher> dispatchers,
                               StoreCheckpointTimestamps timestamps) {
        this.commitLog = commitLog;
        this.dispatchers = dispatchers;
        this.timestamps = timestamps;
    }

    @Override
    public String getServiceName() {
        return "ReputMessageService";
    }

    public void setMessageArrivingListener(MessageArrivingListener listener) {
        this.messageArrivingListener = listener;
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    public void setReputFromOffset(long reputFromOffset) {
        this.reputFromOffset = reputFromOffset;
    }

    public long behind() {
        return commitLog.getMaxOffset() - reputFromOffset;
    }

    private boolean isCommitLogAvailable() {
        return reputFromOffset < commitLog.getMaxOffset();
    }

    /** Dispatches everything currently readable; called by the thread, and by tests/recovery directly. */
    public synchronized void doReput() {
        if (reputFromOffset < commitLog.getMinOffset()) {
            log.warn("The reputFromOffset={} is smaller than minPyOffset={}, this usually indicate that the "
                + "dispatch behind too much and the commitlog has expired.", reputFromOffset, commitLog.getMinOffset());
            reputFromOffset = commitLog.getMinOffset();
        }
        for (boolean doNext = true; isCommitLogAvailable() && doNext; ) {
            SelectMappedBufferResult result = commitLog.getData(reputFromOffset);
            if (result == null) {
                break;
            }
            try {
                reputFromOffset = result.getStartOffset();
                ByteBuffer buffer = result.getByteBuffer();
                for (int readSize = 0; readSize < result.getSize() && doNext; ) {
                    int pos = buffer.position();
                    boolean blank = pos + 8 <= buffer.limit() && buffer.getInt(pos + 4) == CommitLog.BLANK_MAGIC_CODE;
                    DispatchRequest r = request;
                    commitLog.readForDispatch(buffer, r, topicCache);
                    int size = r.getMsgSize();
                    if (r.isSuccess()) {
                        if (size > 0) {
                            doDispatch(r);
                            reputFromOffset += size;
                            readSize += size;
                        } else if (blank) {
                            // end-of-file marker: continue in the next file
                            reputFromOffset = commitLog.rollNextFile(reputFromOffset);
                            readSize = result.getSize();
                        } else {
                            doNext = false;
                        }
                    } else {
                        log.error("[BUG]dispatch message to consume queue error, COMMITLOG OFFSET: {}", reputFromOffset);
                        if (size > 0) {
                            reputFromOffset += size;
                            readSize += size;
                        } else {
                            doNext = false;
                        }
                    }
                }
            } finally {
                result.release();
            }
        }
    }

    private void doDispatch(DispatchRequest r) {
        for (int i = 0, n = dispatchers.size(); i < n; i++) { // indexed: no iterator per message
            dispatchers.get(i).dispatch(r);
        }
        timestamps.dispatched(r.getStoreTimestamp());
        MessageArrivingListener listener = messageArrivingListener;
        int tranType = MessageSysFlag.getTransactionValue(r.getSysFlag());
        if (listener != null && (tranType == MessageSysFlag.TRANSACTION_NOT_TYPE
            || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE)) {
            listener.arriving(r.getTopic(), r.getQueueId(), r.getConsumeQueueOffset() + 1, r.getTagsCode(),
                r.getStoreTimestamp(), r.getBitMap(), r.getPropertiesMap());
        }
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(1);
                doReput();
            } catch (Throwable e) {
                log.warn("{} service has exception.", getServiceName(), e);
            }
        }
        log.info("{} service end", getServiceName());
    }

    /** Lets the thread drain what is already in the CommitLog (up to 50 s) before stopping. */
    @Override
    public void shutdown() {
        for (int i = 0; i < 50 && isCommitLogAvailable(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (isCommitLogAvailable()) {
            log.warn("shutdown ReputMessageService, but commitlog have not finish to be dispatched, CL: {} reputFromOffset: {}",
                commitLog.getMaxOffset(), reputFromOffset);
        }
        super.shutdown();
    }
}
