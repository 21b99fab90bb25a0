package io.apogee.client.consumer.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasting-mode offsets, kept by each client in
 * {@code ${rocketmq.client.localOffsetStoreDir:-~/.rocketmq_offsets}/<clientId>/<group>/offsets.json}
 * ({@code {"offsetTable":{{"brokerName":..,"queueId":..,"topic":..}:offset}}}, the official layout).
 */
public class LocalFileOffsetStore implements OffsetStore {
    public static final String LOCAL_OFFSET_STORE_DIR = System.getProperty("rocketmq.client.localOffsetStoreDir",
        System.getProperty("user.home") + "/.rocketmq_offsets");
    private static final Logger log = LoggerFactory.getLogger(LocalFileOffsetStore.class);
    private final Path storePath;
    private final ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<>();

    public LocalFileOffsetStore(MQClientInstance mQClientFactory, String groupName) {
        this.storePath = Path.of(LOCAL_OFFSET_STORE_DIR, mQClientFactory.getClientId(), groupName, "offsets.json");
    }

    @Override
    public void load() throws MQClientException {
        String text = readFile(storePath);
        if (text == null) {
            text = readFile(Path.of(storePath + ".bak"));
        }
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            JSONObject root = JSON.parseObject(text);
            JSONObject table = root.getJSONObject("offsetTable");
            if (table == null) {
                return;
            }
            for (Map.Entry<String, Object> e : table.entrySet()) {
                MessageQueue mq = JSON.parseObject(e.getKey(), MessageQueue.class);
                offsetTable.put(mq, new AtomicLong(((Number) e.getValue()).longValue()));
            }
        } catch (RuntimeException e) {
            throw new MQClientException("readLocalOffset Exception, maybe fastjson version too low", e);
        }
    }

    private static String readFile(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : null;
        } catch (IOException e) {
            return null;
        }
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
        AtomicLong v = offsetTable.get(mq);
        if (v != null) {
            return v.get();
        }
        if (type == ReadOffsetType.READ_FROM_MEMORY) {
            return -1;
        }
        try {
            load();
            v = offsetTable.get(mq);
            return v == null ? -1 : v.get();
        } catch (MQClientException e) {
            return -1;
        }
    }

    @Override
    public synchronized void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("{\"offsetTable\":{");
        boolean first = true;
        for (Map.Entry<MessageQueue, AtomicLong> e : offsetTable.entrySet()) {
            if (!mqs.contains(e.getKey())) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(JSON.toJSONString(e.getKey())).append(':').append(e.getValue().get());
        }
        sb.append("}}");
        try {
            MixAll.string2File(sb.toString(), storePath.toString());
        } catch (IOException e) {
            log.error("persistAll consumer offset Exception, {}", storePath, e);
        }
    }

    @Override
    public void persist(MessageQueue mq) {
    }

    @Override
    public void removeOffset(MessageQueue mq) {
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

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) {
    }
}
