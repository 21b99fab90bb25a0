package io.apogee.client.producer;

/** A send result plus the local transaction's verdict. */
public class TransactionSendResult extends SendResult {
    private LocalTransactionState localTransactionState;

    public LocalTransactionState getLocalTransactionState() {
        return localTransactionState;
    }

    public void setLocalTransactionState(LocalTransactionState localTransactionState) {
        this.localTransactionState = localTransactionState;
    }
}
