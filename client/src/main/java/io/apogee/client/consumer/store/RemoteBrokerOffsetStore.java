package io.apogee.client.consumer.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.FindBrokerResult;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clustering-mode offsets: the broker (master of each queue) is the store of record. */
public class RemoteBrokerOffsetStore implements OffsetStore {
    private static final Logger log = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);
    private final MQClientInstance mQClientFactory;
    private final String groupName;
    private final ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<>();

    public RemoteBrokerOffsetStore(MQClientInstance mQClientFactory, String groupName) {
        this.mQClientFactory = mQClientFactory;
        this.groupName = groupName;
    }

    @Override
    public void load() {
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq == null) {
            return;
        }
        AtomicLong old = offsetTable.putIfAbsent(mq, new AtomicLong(offset));
        if (old != null) {
            if (increaseOnly) {
                old.accumulateAndGet(offset, Math::max);
            } else {
                old.set(offset);
            }
        }
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        switch (type) {
            case MEMORY_FIRST_THEN_STORE:
            case READ_FROM_MEMORY: {
                AtomicLong offset = offsetTable.get(mq);
                if (offset != null) {
                    return offset.get();
                }
                if (type == ReadOffsetType.READ_FROM_MEMORY) {
                    return -1;
                }
            }
            // fall through
            case READ_FROM_STORE:
                try {
                    long brokerOffset = fetchConsumeOffsetFromBroker(mq);
                    updateOffset(mq, brokerOffset, false);
                    return brokerOffset;
                } catch (MQBrokerException e) {
                    if (e.getResponseCode() == ResponseCode.QUERY_NOT_FOUND) {
                        return -1;
                    }
                    log.warn("fetchConsumeOffsetFromBroker {} failed: {}", mq, e.toString());
                    return -2;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -2;
                } catch (Exception e) {
                    log.warn("fetchConsumeOffsetFromBroker {} failed: {}", mq, e.toString());
                    return -2;
                }
            default:
                return -1;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        for (Map.Entry<MessageQueue, AtomicLong> e : offsetTable.entrySet()) {
            MessageQueue mq = e.getKey();
            if (!mqs.contains(mq)) {
                continue;
            }
            try {
                updateConsumeOffsetToBroker(mq, e.getValue().get(), true);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                log.warn("updateConsumeOffsetToBroker exception, {}: {}", mq, ex.toString());
            }
        }
    }

    @Override
    public void persist(MessageQueue mq) {
        AtomicLong offset = offsetTable.get(mq);
        if (offset != null) {
            try {
                updateConsumeOffsetToBroker(mq, offset.get(), true);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("updateConsumeOffsetToBroker exception, {}: {}", mq, e.toString());
            }
        }
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        if (mq != null) {
            offsetTable.remove(mq);
        }
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        Map<MessageQueue, Long> result = new HashMap<>();
        for (Map.Entry<MessageQueue, AtomicLong> e : offsetTable.entrySet()) {
            if (topic == null || topic.isEmpty() || topic.equals(e.getKey().getTopic())) {
                result.put(e.getKey(), e.getValue().get());
            }
        }
        return result;
    }

    private String findMasterAddr(MessageQueue mq) {
        FindBrokerResult r = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
        if (r == null) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(mq.getTopic());
            r = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
        }
        return r == null ? null : r.getBrokerAddr();
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = findMasterAddr(mq);
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        UpdateConsumerOffsetRequestHeader h = new UpdateConsumerOffsetRequestHeader();
        h.setTopic(mq.getTopic());
        h.setConsumerGroup(groupName);
        h.setQueueId(mq.getQueueId());
        h.setCommitOffset(offset);
        long timeout = mQClientFactory.getClientConfig().getMqClientApiTimeout();
        if (isOneway) {
            mQClientFactory.getMQClientAPIImpl().updateConsumerOffsetOneway(addr, h, timeout);
        } else {
            mQClientFactory.getMQClientAPIImpl().updateConsumerOffset(addr, h, timeout);
        }
    }

    private long fetchConsumeOffsetFromBroker(MessageQueue mq)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = findMasterAddr(mq);
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        QueryConsumerOffsetRequestHeader h = new QueryConsumerOffsetRequestHeader();
        h.setTopic(mq.getTopic());
        h.setConsumerGroup(groupName);
        h.setQueueId(mq.getQueueId());
        return mQClientFactory.getMQClientAPIImpl().queryConsumerOffset(addr, h,
            mQClientFactory.getClientConfig().getMqClientApiTimeout());
    }
}
