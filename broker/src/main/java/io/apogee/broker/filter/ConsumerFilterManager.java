package io.apogee.broker.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;
import io.apogee.broker.config.BrokerPathConfigHelper;
import io.apogee.broker.config.ConfigManager;
import io.apogee.common.filter.ExpressionType;
import io.apogee.common.filter.expression.Expression;
import io.apogee.common.filter.expression.SqlFilterParser;
import io.apogee.common.filter.expression.SqlParseException;
import io.apogee.common.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL92 filters consumer groups registered, by topic then group, persisted to
 * {@code config/consumerFilter.json}. Compiling is cached by expression text, so a pull never parses.
 */
public class ConsumerFilterManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final int MAX_COMPILED = 4096;

    private final String storePathRootDir;
    private ConcurrentMap<String, FilterDataMapByTopic> filterDataByTopic = new ConcurrentHashMap<>();
    private final transient ConcurrentMap<String, Expression> compiled = new ConcurrentHashMap<>();

    public ConsumerFilterManager(String storePathRootDir) {
        this.storePathRootDir = storePathRootDir;
    }

    /** Parses (or takes from the cache) a SQL92 expression. */
    public Expression compile(String expression) throws SqlParseException {
        Expression e = compiled.get(expression);
        if (e != null) {
            return e;
        }
        e = SqlFilterParser.parse(expression);
        if (compiled.size() >= MAX_COMPILED) {
            // Expressions come from clients: bound the cache rather than trust their variety.
            compiled.clear();
        }
        compiled.put(expression, e);
        return e;
    }

    /**
     * Records a group's SQL92 filter on a topic (from a heartbeat). Returns false, keeping the old entry,
     * when the expression does not parse.
     */
    public boolean register(String topic, String group, String expression, String type, long clientVersion) {
        if (ExpressionType.isTagType(type)) {
            return false;
        }
        Expression e;
        try {
            e = compile(expression);
        } catch (SqlParseException ex) {
            log.warn("group {} registered an invalid SQL92 filter on {}: {}", group, topic, ex.getMessage());
            return false;
        }
        FilterDataMapByTopic byTopic = filterDataByTopic.computeIfAbsent(topic, FilterDataMapByTopic::new);
        ConsumerFilterData old = byTopic.getGroupFilterData().get(group);
        if (old != null && !old.isDead() && expression.equals(old.getExpression()) && old.getClientVersion() >= clientVersion) {
            return true;
        }
        ConsumerFilterData data = new ConsumerFilterData();
        data.setConsumerGroup(group);
        data.setTopic(topic);
        data.setExpression(expression);
        data.setExpressionType(type);
        data.setBornTime(System.currentTimeMillis());
        data.setClientVersion(clientVersion);
        data.compiledExpression(e);
        byTopic.getGroupFilterData().put(group, data);
        return true;
    }

    public ConsumerFilterData get(String topic, String group) {
        FilterDataMapByTopic byTopic = filterDataByTopic.get(topic);
        if (byTopic == null) {
            return null;
        }
        ConsumerFilterData data = byTopic.getGroupFilterData().get(group);
        if (data != null && data.compiledExpression() == null) {
            try {
                data.compiledExpression(compile(data.getExpression()));
            } catch (SqlParseException e) {
                return null;
            }
        }
        return data;
    }

    /** Marks a group's filters dead when its last consumer leaves; they are dropped on the next persist. */
    public void unRegister(String group) {
        long now = System.currentTimeMillis();
        for (FilterDataMapByTopic byTopic : filterDataByTopic.values()) {
            ConsumerFilterData data = byTopic.getGroupFilterData().get(group);
            if (data != null && !data.isDead()) {
                data.setDeadTime(now);
            }
        }
    }

    @Override
    public String configFilePath() {
        return BrokerPathConfigHelper.getConsumerFilterPath(storePathRootDir);
    }

    @Override
    public String encode(boolean pretty) {
        for (FilterDataMapByTopic byTopic : filterDataByTopic.values()) {
            byTopic.getGroupFilterData().values().removeIf(ConsumerFilterData::isDead);
        }
        filterDataByTopic.values().removeIf(t -> t.getGroupFilterData().isEmpty());
        Map<String, Object> root = Map.of("filterDataByTopic", filterDataByTopic);
        return pretty ? JSON.toJSONString(root, SerializerFeature.PrettyFormat) : JSON.toJSONString(root);
    }

    @Override
    protected void decode(String json) {
        Wrapper w = RemotingSerializable.fromJson(json, Wrapper.class);
        if (w != null && w.getFilterDataByTopic() != null) {
            filterDataByTopic = new ConcurrentHashMap<>(w.getFilterDataByTopic());
        }
    }

    public ConcurrentMap<String, FilterDataMapByTopic> getFilterDataByTopic() {
        return filterDataByTopic;
    }

    /** The persisted shape. */
    public static class Wrapper {
        private Map<String, FilterDataMapByTopic> filterDataByTopic;

        public Map<String, FilterDataMapByTopic> getFilterDataByTopic() { return filterDataByTopic; }
        public void setFilterDataByTopic(Map<String, FilterDataMapByTopic> v) { this.filterDataByTopic = v; }
    }

    public static class FilterDataMapByTopic {
        private String topic;
        private ConcurrentMap<String, ConsumerFilterData> groupFilterData = new ConcurrentHashMap<>();

        public FilterDataMapByTopic() {
        }

        FilterDataMapByTopic(String topic) {
            this.topic = topic;
        }

        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public ConcurrentMap<String, ConsumerFilterData> getGroupFilterData() { return groupFilterData; }
        public void setGroupFilterData(ConcurrentMap<String, ConsumerFilterData> v) { this.groupFilterData = v; }
    }
}
