package io.apogee.broker.offset;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.broker.config.BrokerPathConfigHelper;
import io.apogee.broker.config.ConfigManager;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Committed consumer offsets per {@code topic@group} and queue ({@code consumerOffset.json}). */
public class ConsumerOffsetManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    public static final String TOPIC_GROUP_SEPARATOR = "@";

    private final String storePathRootDir;
    private final ConsumerOffsetSerializeWrapper wrapper = new ConsumerOffsetSerializeWrapper();

    public ConsumerOffsetManager(String storePathRootDir) {
        this.storePathRootDir = storePathRootDir;
    }

    public ConcurrentMap<String, ConcurrentMap<Integer, Long>> getOffsetTable() {
        return wrapper.getOffsetTable();
    }

    public void commitOffset(String clientHost, String group, String topic, int queueId, long offset) {
        String key = topic + TOPIC_GROUP_SEPARATOR + group;
        ConcurrentMap<Integer, Long> map = getOffsetTable().computeIfAbsent(key, k -> new ConcurrentHashMap<>(32));
        Long prev = map.put(queueId, offset);
        if (prev != null && offset < prev) {
            log.debug("[NOTIFYME] offset of {} queue {} moved back from {} to {} by {}", key, queueId, prev, offset, clientHost);
        }
    }

    /** The committed offset, or -1 when the group never committed one for that queue. */
    public long queryOffset(String group, String topic, int queueId) {
        ConcurrentMap<Integer, Long> map = getOffsetTable().get(topic + TOPIC_GROUP_SEPARATOR + group);
        if (map == null) {
            return -1;
        }
        Long v = map.get(queueId);
        return v == null ? -1 : v;
    }

    public Map<Integer, Long> queryOffset(String group, String topic) {
        ConcurrentMap<Integer, Long> map = getOffsetTable().get(topic + TOPIC_GROUP_SEPARATOR + group);
        return map == null ? new HashMap<>() : new HashMap<>(map);
    }

    /**
     * Per queue of {@code topic}, the smallest offset committed by any group except those in {@code filterGroups}
     * (comma-separated), counting only offsets still at or above the queue's minimum offset in the store.
     */
    public Map<Integer, Long> queryMinOffsetInAllGroup(String topic, String filterGroups,
                                                       java.util.function.IntToLongFunction minOffsetInQueue) {
        Set<String> skip = new HashSet<>();
        if (filterGroups != null && !filterGroups.isBlank()) {
            for (String g : filterGroups.split(",")) {
                skip.add(g.trim());
            }
        }
        Map<Integer, Long> min = new HashMap<>();
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : getOffsetTable().entrySet()) {
            int at = e.getKey().indexOf(TOPIC_GROUP_SEPARATOR);
            if (at < 0 || !e.getKey().substring(0, at).equals(topic) || skip.contains(e.getKey().substring(at + 1))) {
                continue;
            }
            for (Map.Entry<Integer, Long> q : e.getValue().entrySet()) {
                if (q.getValue() >= minOffsetInQueue.applyAsLong(q.getKey())) {
                    min.merge(q.getKey(), q.getValue(), Math::min);
                }
            }
        }
        return min;
    }

    public Set<String> whichTopicByConsumer(String group) {
        Set<String> topics = new HashSet<>();
        for (String key : getOffsetTable().keySet()) {
            String[] tg = key.split(TOPIC_GROUP_SEPARATOR);
            if (tg.length == 2 && group.equals(tg[1])) {
                topics.add(tg[0]);
            }
        }
        return topics;
    }

    public Set<String> whichGroupByTopic(String topic) {
        Set<String> groups = new HashSet<>();
        for (String key : getOffsetTable().keySet()) {
            String[] tg = key.split(TOPIC_GROUP_SEPARATOR);
            if (tg.length == 2 && topic.equals(tg[0])) {
                groups.add(tg[1]);
            }
        }
        return groups;
    }

    public void cloneOffset(String srcGroup, String destGroup, String topic) {
        ConcurrentMap<Integer, Long> src = getOffsetTable().get(topic + TOPIC_GROUP_SEPARATOR + srcGroup);
        if (src != null) {
            getOffsetTable().put(topic + TOPIC_GROUP_SEPARATOR + destGroup, new ConcurrentHashMap<>(src));
        }
    }

    public void removeOffset(String group) {
        for (Iterator<String> it = getOffsetTable().keySet().iterator(); it.hasNext(); ) {
            String[] tg = it.next().split(TOPIC_GROUP_SEPARATOR);
            if (tg.length == 2 && group.equals(tg[1])) {
                it.remove();
            }
        }
    }

    public void removeTopic(String topic) {
        getOffsetTable().keySet().removeIf(k -> k.startsWith(topic + TOPIC_GROUP_SEPARATOR));
    }

    @Override
    public String configFilePath() {
        return BrokerPathConfigHelper.getConsumerOffsetPath(storePathRootDir);
    }

    @Override
    public String encode(boolean pretty) {
        return RemotingSerializable.toJson(wrapper, pretty);
    }

    @Override
    protected void decode(String json) {
        ConsumerOffsetSerializeWrapper w = RemotingSerializable.fromJson(json, ConsumerOffsetSerializeWrapper.class);
        if (w != null && w.getOffsetTable() != null) {
            for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : w.getOffsetTable().entrySet()) {
                getOffsetTable().put(e.getKey(), new ConcurrentHashMap<>(e.getValue()));
            }
        }
    }
}
