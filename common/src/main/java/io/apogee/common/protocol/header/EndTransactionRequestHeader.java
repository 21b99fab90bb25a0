package io.apogee.common.protocol.header;

import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.annotation.CFNotNull;

/** END_TRANSACTION (37): the producer's verdict on a half message (protocol.md §3.3, §6.6). */
public class EndTransactionRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String producerGroup;
    @CFNotNull
    private Long tranStateTableOffset;
    @CFNotNull
    private Long commitLogOffset;
    @CFNotNull
    private Integer commitOrRollback;
    private Boolean fromTransactionCheck = false;
    @CFNotNull
    private String msgId;
    private String transactionId;
    private String bname;

    @Override
    public void checkFields() throws RemotingCommandException {
        int v = commitOrRollback == null ? -1 : commitOrRollback;
        if (v != MessageSysFlag.TRANSACTION_NOT_TYPE && v != MessageSysFlag.TRANSACTION_COMMIT_TYPE
            && v != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            throw new RemotingCommandException("commitOrRollback must be 0, 8 or 12, got " + commitOrRollback);
        }
    }

    public String getProducerGroup() { return producerGroup; }
    public void setProducerGroup(String producerGroup) { this.producerGroup = producerGroup; }
    public Long getTranStateTableOffset() { return tranStateTableOffset; }
    public void setTranStateTableOffset(Long tranStateTableOffset) { this.tranStateTableOffset = tranStateTableOffset; }
    public Long getCommitLogOffset() { return commitLogOffset; }
    public void setCommitLogOffset(Long commitLogOffset) { this.commitLogOffset = commitLogOffset; }
    public Integer getCommitOrRollback() { return commitOrRollback; }
    public void setCommitOrRollback(Integer commitOrRollback) { this.commitOrRollback = commitOrRollback; }
    public Boolean getFromTransactionCheck() { return fromTransactionCheck; }
    public void setFromTransactionCheck(Boolean fromTransactionCheck) { this.fromTransactionCheck = fromTransactionCheck; }
    public String getMsgId() { return msgId; }
    public void setMsgId(String msgId) { this.msgId = msgId; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public String getBname() { return bname; }
    public void setBname(String bname) { this.bname = bname; }
}
