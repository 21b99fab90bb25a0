package io.apogee.client.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;

/** Runs the local transaction after the half message is stored, and answers the broker's check-backs. */
public interface TransactionListener {
    LocalTransactionState executeLocalTransaction(Message msg, Object arg);

    LocalTransactionState checkLocalTransaction(MessageExt msg);
}
