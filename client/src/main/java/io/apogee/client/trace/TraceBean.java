package io.apogee.client.trace;

import io.apogee.client.producer.LocalTransactionState;

/** What a trace record says about one message. */
public class TraceBean {
    private String topic = "";
    private String msgId = "";
    private String offsetMsgId = "";
    private String tags = "";
    private String keys = "";
    private String storeHost = "";
    private String clientHost = "";
    private long storeTime;
    private int retryTimes;
    private int bodyLength;
    private TraceMessageType msgType;
    private String transactionId;
    private LocalTransactionState transactionState;
    private boolean fromTransactionCheck;

    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getMsgId() { return msgId; }
    public void setMsgId(String msgId) { this.msgId = msgId; }
    public String getOffsetMsgId() { return offsetMsgId; }
    public void setOffsetMsgId(String offsetMsgId) { this.offsetMsgId = offsetMsgId; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getKeys() { return keys; }
    public void setKeys(String keys) { this.keys = keys; }
    public String getStoreHost() { return storeHost; }
    public void setStoreHost(String storeHost) { this.storeHost = storeHost; }
    public String getClientHost() { return clientHost; }
    public void setClientHost(String clientHost) { this.clientHost = clientHost; }
    public long getStoreTime() { return storeTime; }
    public void setStoreTime(long storeTime) { this.storeTime = storeTime; }
    public int getRetryTimes() { return retryTimes; }
    public void setRetryTimes(int retryTimes) { this.retryTimes = retryTimes; }
    public int getBodyLength() { return bodyLength; }
    public void setBodyLength(int bodyLength) { this.bodyLength = bodyLength; }
    public TraceMessageType getMsgType() { return msgType; }
    public void setMsgType(TraceMessageType msgType) { this.msgType = msgType; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public LocalTransactionState getTransactionState() { return transactionState; }
    public void setTransactionState(LocalTransactionState transactionState) { this.transactionState = transactionState; }
    public boolean isFromTransactionCheck() { return fromTransactionCheck; }
    public void setFromTransactionCheck(boolean fromTransactionCheck) { this.fromTransactionCheck = fromTransactionCheck; }
}
