package io.apogee.store;

/**
 * Outcome of a put. A successful single put keeps where it landed in primitive fields and hands out an
 * {@link AppendMessageResult} view on request: a caller that reads the result right away (the common case)
 * lets the JIT remove both objects, so appending allocates nothing per message.
 */
public class PutMessageResult {
    private PutMessageStatus putMessageStatus;
    private final AppendMessageResult appendMessageResult;
    private final boolean appended;
    private final long wroteOffset;
    private final int wroteBytes;
    private final byte[] storeHostBytes;
    private final long storeTimestamp;
    private final long logicsOffset;

    public PutMessageResult(PutMessageStatus putMessageStatus, AppendMessageResult appendMessageResult) {
        this.putMessageStatus = putMessageStatus;
        this.appendMessageResult = appendMessageResult;
        this.appended = false;
        this.wroteOffset = 0;
        this.wroteBytes = 0;
        this.storeHostBytes = null;
        this.storeTimestamp = 0;
        this.logicsOffset = 0;
    }

    /** A message appended at {@code wroteOffset} ({@code storeHostBytes}: ip+port for the offset msgId). */
    PutMessageResult(PutMessageStatus putMessageStatus, long wroteOffset, int wroteBytes, byte[] storeHostBytes,
                     long storeTimestamp, long logicsOffset) {
        this.putMessageStatus = putMessageStatus;
        this.appendMessageResult = null;
        this.appended = true;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.storeHostBytes = storeHostBytes;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
    }

    public boolean isOk() {
        return appended || appendMessageResult != null && appendMessageResult.isOk();
    }

    /** Where the message landed; for a successful single put, a fresh equal view on each call. */
    public AppendMessageResult getAppendMessageResult() {
        if (appended) {
            return new AppendMessageResult(AppendMessageStatus.PUT_OK, wroteOffset, wroteBytes, storeHostBytes,
                storeTimestamp, logicsOffset);
        }
        return appendMessageResult;
    }

    public PutMessageStatus getPutMessageStatus() {
        return putMessageStatus;
    }

    public void setPutMessageStatus(PutMessageStatus putMessageStatus) {
        this.putMessageStatus = putMessageStatus;
    }

    @Override
    public String toString() {
        return "PutMessageResult [putMessageStatus=" + putMessageStatus + ", appendMessageResult="
            + getAppendMessageResult() + "]";
    }
}
