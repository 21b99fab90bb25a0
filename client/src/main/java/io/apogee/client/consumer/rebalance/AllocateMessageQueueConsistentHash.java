package io.apogee.client.consumer.rebalance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.apogee.common.protocol.body.MessageQueue;

/**
 * A consistent-hash ring of consumers ({@code virtualNodeCnt} virtual nodes each, MD5 positions); a queue
 * goes to the first node clockwise of its own hash, so membership changes move few queues.
 */
public class AllocateMessageQueueConsistentHash extends AbstractAllocateMessageQueueStrategy {
    private final int virtualNodeCnt;

    public AllocateMessageQueueConsistentHash() {
        this(10);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt) {
        if (virtualNodeCnt < 0) {
            throw new IllegalArgumentException("illegal virtualNodeCnt :" + virtualNodeCnt);
        }
        this.virtualNodeCnt = virtualNodeCnt;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        TreeMap<Long, String> ring = new TreeMap<>();
        for (String cid : cidAll) {
            for (int i = 0; i < virtualNodeCnt; i++) {
                ring.put(hash(cid + "-" + i), cid);
            }
        }
        for (MessageQueue mq : mqAll) {
            SortedMap<Long, String> tail = ring.tailMap(hash(mq.toString()));
            String owner = tail.isEmpty() ? ring.firstEntry().getValue() : tail.get(tail.firstKey());
            if (currentCID.equals(owner)) {
                result.add(mq);
            }
        }
        return result;
    }

    private static long hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 4; i++) {
                h <<= 8;
                h |= d[i] & 0xFF;
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getName() {
        return "CONSISTENT_HASH";
    }

}
