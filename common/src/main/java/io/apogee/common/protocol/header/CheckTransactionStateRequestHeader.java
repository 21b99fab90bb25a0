package io.apogee.common.protocol.header;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** CHECK_TRANSACTION_STATE (39), broker → producer: "what became of this half message?" */
public class CheckTransactionStateRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private Long tranStateTableOffset;
    @CFNotNull
    private Long commitLogOffset;
    private String msgId;
    private String transactionId;
    private String offsetMsgId;
    private String bname;

    public Long getTranStateTableOffset() { return tranStateTableOffset; }
    public void setTranStateTableOffset(Long tranStateTableOffset) { this.tranStateTableOffset = tranStateTableOffset; }
    public Long getCommitLogOffset() { return commitLogOffset; }
    public void setCommitLogOffset(Long commitLogOffset) { this.commitLogOffset = commitLogOffset; }
    public String getMsgId() { return msgId; }
    public void setMsgId(String msgId) { this.msgId = msgId; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public String getOffsetMsgId() { return offsetMsgId; }
    public void setOffsetMsgId(String offsetMsgId) { this.offsetMsgId = offsetMsgId; }
    public String getBname() { return bname; }
    public void setBname(String bname) { this.bname = bname; }
}
