package io.apogee.broker.topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

import io.apogee.broker.config.BrokerPathConfigHelper;
import io.apogee.broker.config.ConfigManager;
import io.apogee.common.BrokerConfig;
import io.apogee.common.DataVersion;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.constant.PermName;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.topic.TopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's topic table ({@code topics.json}): system topics, TBW102 auto-creation, admin updates. */
public class TopicConfigManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final int SCHEDULE_QUEUE_NUMS = 18;

    private final BrokerConfig brokerConfig;
    private final String storePathRootDir;
    private final ConcurrentMap<String, TopicConfig> topicConfigTable = new ConcurrentHashMap<>(1024);
    private final DataVersion dataVersion = new DataVersion();
    private final Object createLock = new Object();
    /** Told about a topic created by a send, so the broker can re-register with the name servers. */
    private volatile Consumer<TopicConfig> onAutoCreate = t -> { };

    public TopicConfigManager(BrokerConfig brokerConfig, String storePathRootDir) {
        this.brokerConfig = brokerConfig;
        this.storePathRootDir = storePathRootDir;
        putSystemTopics();
    }

    public void setOnAutoCreate(Consumer<TopicConfig> onAutoCreate) {
        this.onAutoCreate = onAutoCreate;
    }

    private void putSystemTopics() {
        putSystem(TopicValidator.RMQ_SYS_SELF_TEST_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE);
        if (brokerConfig.isAutoCreateTopicEnable()) {
            int n = brokerConfig.getDefaultTopicQueueNums();
            putSystem(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, n, PermName.PERM_INHERIT | PermName.PERM_READ | PermName.PERM_WRITE);
        }
        putSystem(TopicValidator.RMQ_SYS_BENCHMARK_TOPIC, 1024, PermName.PERM_READ | PermName.PERM_WRITE);
        int clusterPerm = PermName.PERM_READ | PermName.PERM_WRITE;
        if (brokerConfig.isClusterTopicEnable()) {
            clusterPerm |= PermName.PERM_INHERIT;
        }
        putSystem(brokerConfig.getBrokerClusterName(), 16, clusterPerm);
        int brokerPerm = PermName.PERM_READ | PermName.PERM_WRITE;
        if (brokerConfig.isBrokerTopicEnable()) {
            brokerPerm |= PermName.PERM_INHERIT;
        }
        putSystem(brokerConfig.getBrokerName(), 1, brokerPerm);
        putSystem(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT, 1, PermName.PERM_READ | PermName.PERM_WRITE);
        putSystem(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, SCHEDULE_QUEUE_NUMS, PermName.PERM_READ | PermName.PERM_WRITE);
        if (brokerConfig.isTraceTopicEnable()) {
            putSystem(brokerConfig.getMsgTraceTopicName(), 1, PermName.PERM_READ | PermName.PERM_WRITE);
        }
        putSystem(MixAll.getReplyTopic(brokerConfig.getBrokerClusterName()), 1, PermName.PERM_READ | PermName.PERM_WRITE);
    }

    private void putSystem(String topic, int queueNums, int perm) {
        topicConfigTable.put(topic, new TopicConfig(topic, queueNums, queueNums, perm));
    }

    public TopicConfig selectTopicConfig(String topic) {
        return topicConfigTable.get(topic);
    }

    public ConcurrentMap<String, TopicConfig> getTopicConfigTable() {
        return topicConfigTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public boolean isOrderTopic(String topic) {
        TopicConfig tc = topicConfigTable.get(topic);
        return tc != null && tc.isOrder();
    }

    /**
     * A send to an unknown topic: create it from the default topic (TBW102) when that exists and is inheritable,
     * else return null (TOPIC_NOT_EXIST).
     */
    public TopicConfig createTopicInSendMessageMethod(String topic, String defaultTopic, String remoteAddress,
                                                      int clientDefaultTopicQueueNums, int topicSysFlag) {
        TopicConfig created;
        synchronized (createLock) {
            TopicConfig existing = topicConfigTable.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicConfig def = topicConfigTable.get(defaultTopic);
            if (def == null) {
                log.warn("create topic {} from {}: default topic does not exist", topic, remoteAddress);
                return null;
            }
            if (TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC.equals(defaultTopic) && !brokerConfig.isAutoCreateTopicEnable()) {
                return null;
            }
            if (!PermName.isInherited(def.getPerm())) {
                log.warn("create topic {} from {}: default topic {} has no inherit permission", topic, remoteAddress, defaultTopic);
                return null;
            }
            int queueNums = Math.min(clientDefaultTopicQueueNums, def.getWriteQueueNums());
            if (queueNums < 0) {
                queueNums = 0;
            }
            created = new TopicConfig(topic, queueNums, queueNums, def.getPerm() & ~PermName.PERM_INHERIT);
            created.setTopicSysFlag(topicSysFlag);
            created.setTopicFilterType(def.getTopicFilterType());
            topicConfigTable.put(topic, created);
            dataVersion.nextVersion();
            log.info("auto-created topic {} from {} for {}: {}", topic, defaultTopic, remoteAddress, created);
        }
        persist();
        onAutoCreate.accept(created);
        return created;
    }

    /** Retry and DLQ topics, created on demand with the given queue count. */
    public TopicConfig createTopicInSendMessageBackMethod(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicConfig existing = topicConfigTable.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig created;
        synchronized (createLock) {
            existing = topicConfigTable.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicConfig(topic, queueNums, queueNums, perm);
            created.setTopicSysFlag(topicSysFlag);
            topicConfigTable.put(topic, created);
            dataVersion.nextVersion();
            log.info("created topic {}", created);
        }
        persist();
        onAutoCreate.accept(created);
        return created;
    }

    public void updateTopicConfig(TopicConfig topicConfig) {
        TopicConfig old = topicConfigTable.put(topicConfig.getTopicName(), topicConfig);
        log.info("{} topic config {} (was {})", old == null ? "create" : "update", topicConfig, old);
        dataVersion.nextVersion();
        persist();
    }

    public void deleteTopicConfig(String topic) {
        TopicConfig old = topicConfigTable.remove(topic);
        if (old != null) {
            log.info("delete topic config {}", old);
            dataVersion.nextVersion();
            persist();
        }
    }

    public TopicConfigSerializeWrapper buildTopicConfigSerializeWrapper() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(topicConfigTable);
        wrapper.setDataVersion(dataVersion);
        return wrapper;
    }

    @Override
    public String configFilePath() {
        return BrokerPathConfigHelper.getTopicConfigPath(storePathRootDir);
    }

    @Override
    public String encode(boolean pretty) {
        return RemotingSerializable.toJson(buildTopicConfigSerializeWrapper(), pretty);
    }

    @Override
    protected void decode(String json) {
        TopicConfigSerializeWrapper wrapper = RemotingSerializable.fromJson(json, TopicConfigSerializeWrapper.class);
        if (wrapper == null) {
            return;
        }
        if (wrapper.getTopicConfigTable() != null) {
            for (Map.Entry<String, TopicConfig> e : wrapper.getTopicConfigTable().entrySet()) {
                topicConfigTable.put(e.getKey(), e.getValue());
            }
        }
        if (wrapper.getDataVersion() != null) {
            dataVersion.assignNewOne(wrapper.getDataVersion());
        }
    }
}
