package io.apogee.client.producer;

/** The local transaction's verdict, sent to the broker as END_TRANSACTION. */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    UNKNOW,
}
