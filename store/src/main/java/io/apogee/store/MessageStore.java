package io.apogee.store;

import java.util.HashMap;
import java.util.concurrent.CompletableFuture;

import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;

/** What the broker needs from the store: append, pull, look up, recover and clean. */
public interface MessageStore {
    /** Maps the files and recovers; false if the store directory cannot be used. */
    boolean load();

    /** Takes the lock file, creates the abort marker and starts every service. */
    void start() throws Exception;

    /** Stops the services, flushes everything and removes the abort marker. */
    void shutdown();

    /** Deletes every store file (tests, resets). */
    void destroy();

    PutMessageResult putMessage(MessageExtBrokerInner msg);

    default CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        return CompletableFuture.completedFuture(putMessage(msg));
    }

    PutMessageResult putMessages(MessageExtBatch messageExtBatch);

    default CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        return CompletableFuture.completedFuture(putMessages(batch));
    }

    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                MessageFilter messageFilter);

    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                int maxTotalMsgSize, MessageFilter messageFilter);

    long getMaxOffsetInQueue(String topic, int queueId);

    long getMinOffsetInQueue(String topic, int queueId);

    /** CommitLog offset of the message at {@code consumeQueueOffset}, or 0. */
    long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset);

    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    MessageExt lookMessageByOffset(long commitLogOffset);

    MessageExt lookMessageByOffset(long commitLogOffset, int size);

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset);

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize);

    String getRunningDataInfo();

    HashMap<String, String> getRuntimeInfo();

    long getMaxPhyOffset();

    long getMinPhyOffset();

    long getEarliestMessageTime(String topic, int queueId);

    long getEarliestMessageTime();

    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset);

    long getMessageTotalInQueue(String topic, int queueId);

    /** Raw CommitLog bytes from {@code offset} to the end of its file, for HA transfer. */
    SelectMappedBufferResult getCommitLogData(long offset);

    /** HA slave: appends replicated bytes at {@code startOffset}. */
    boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength);

    void executeDeleteFilesManually();

    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

    long slaveFallBehindMuch();

    long now();

    int cleanUnusedTopic(java.util.Set<String> topics);

    /** Destroys the consume queues whose messages the commit log no longer has; returns how many. */
    int cleanExpiredConsumerQueue();

    boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset);

    long dispatchBehindBytes();

    long flush();

    long getConfirmOffset();

    void setConfirmOffset(long phyOffset);

    boolean isOSPageCacheBusy();

    long lockTimeMills();

    StoreStatsService getStoreStatsService();

    ConsumeQueue getConsumeQueue(String topic, int queueId);

    RunningFlags getRunningFlags();

    void setMessageArrivingListener(MessageArrivingListener listener);
}
