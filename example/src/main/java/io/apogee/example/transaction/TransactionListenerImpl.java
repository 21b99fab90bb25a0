package io.apogee.example.transaction;

import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.TransactionListener;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A toy local transaction: every message answers UNKNOW at first, so the broker has to check back;
 * on the check, messages are committed, rolled back or left unknown in turn (i % 3), and an unknown
 * one is committed on a later check.
 */
public class TransactionListenerImpl implements TransactionListener {
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        outcomes.put(msg.getTransactionId(), sequence.getAndIncrement() % 3);
        return LocalTransactionState.UNKNOW;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        Integer outcome = outcomes.get(msg.getTransactionId());
        if (outcome == null) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        switch (outcome) {
            case 1:
                return LocalTransactionState.COMMIT_MESSAGE;
            case 2:
                return LocalTransactionState.ROLLBACK_MESSAGE;
            default:
                outcomes.put(msg.getTransactionId(), 1); // decided by the next check
                return LocalTransactionState.UNKNOW;
        }
    }
}
