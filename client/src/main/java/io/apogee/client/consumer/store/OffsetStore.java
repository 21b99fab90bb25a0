package io.apogee.client.consumer.store;

import java.util.Map;
import java.util.Set;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.remoting.exception.RemotingException;

/**
 * Consumption progress per queue: kept in memory, persisted to the broker (clustering) or a local file
 * (broadcasting). {@code readOffset} answers -1 when no offset is stored and -2 on a read error.
 */
public interface OffsetStore {
    void load() throws MQClientException;

    void updateOffset(MessageQueue mq, long offset, boolean increaseOnly);

    long readOffset(MessageQueue mq, ReadOffsetType type);

    void persistAll(Set<MessageQueue> mqs);

    void persist(MessageQueue mq);

    void removeOffset(MessageQueue mq);

    Map<MessageQueue, Long> cloneOffsetTable(String topic);

    void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
