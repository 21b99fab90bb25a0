package io.apogee.broker.transaction;

import io.apogee.common.protocol.header.CheckTransactionStateRequestHeader;

/** Delivers a CHECK_TRANSACTION_STATE to one live producer of a group. */
@FunctionalInterface
public interface TransactionCheckSender {
    /** @return false when the group has no live producer to ask */
    boolean sendCheck(String producerGroup, CheckTransactionStateRequestHeader header, byte[] storedMessage);
}
