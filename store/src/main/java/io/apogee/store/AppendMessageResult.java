package io.apogee.store;

import io.apogee.common.message.MessageDecoder;

/**
 * Where an append landed. The offset message id is built on first request from the store host bytes and
 * offset, so appends that nobody asks the id of never build the string.
 */
public class AppendMessageResult {
    private AppendMessageStatus status;
    private long wroteOffset;
    private int wroteBytes;
    private String msgId;
    private byte[] storeHostBytes;
    private long storeTimestamp;
    private long logicsOffset;
    private long pagecacheRT = 0;
    private int msgNum = 1;

    public AppendMessageResult(AppendMessageStatus status) {
        this(status, 0, 0, "", 0, 0, 0);
    }

    public AppendMessageResult(AppendMessageStatus status, long wroteOffset, int wroteBytes, String msgId,
                               long storeTimestamp, long logicsOffset, long pagecacheRT) {
        this.status = status;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.msgId = msgId;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
        this.pagecacheRT = pagecacheRT;
    }

    AppendMessageResult(AppendMessageStatus status, long wroteOffset, int wroteBytes, byte[] storeHostBytes,
                        long storeTimestamp, long logicsOffset) {
        this.status = status;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.storeHostBytes = storeHostBytes;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
    }

    public boolean isOk() {
        return status == AppendMessageStatus.PUT_OK;
    }

    public AppendMessageStatus getStatus() {
        return status;
    }

    public void setStatus(AppendMessageStatus status) {
        this.status = status;
    }

    public long getWroteOffset() {
        return wroteOffset;
    }

    public int getWroteBytes() {
        return wroteBytes;
    }

    public String getMsgId() {
        if (msgId == null && storeHostBytes != null) {
            msgId = MessageDecoder.createMessageId(storeHostBytes, storeHostBytes.length, wroteOffset);
        }
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public long getLogicsOffset() {
        return logicsOffset;
    }

    public long getPagecacheRT() {
        return pagecacheRT;
    }

    public void setPagecacheRT(long pagecacheRT) {
        this.pagecacheRT = pagecacheRT;
    }

    public int getMsgNum() {
        return msgNum;
    }

    public void setMsgNum(int msgNum) {
        this.msgNum = msgNum;
    }

    @Override
    public String toString() {
        return "AppendMessageResult{status=" + status + ", wroteOffset=" + wroteOffset + ", wroteBytes=" + wroteBytes
            + ", msgId='" + getMsgId() + "', storeTimestamp=" + storeTimestamp + ", logicsOffset=" + logicsOffset
            + ", pagecacheRT=" + pagecacheRT + ", msgNum=" + msgNum + "}";
    }
}
