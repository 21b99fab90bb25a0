package io.apogee.tools.admin;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.admin.TopicOffset;
import io.apogee.common.admin.TopicStatsTable;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageId;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.BrokerStatsData;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.ConsumeStatsList;
import io.apogee.common.protocol.body.ConsumerConnection;
import io.apogee.common.protocol.body.GroupList;
import io.apogee.common.protocol.body.KVTable;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.ProducerConnection;
import io.apogee.common.protocol.body.QueryConsumeQueueResponseBody;
import io.apogee.common.protocol.body.ResetOffsetBody;
import io.apogee.common.protocol.body.SubscriptionGroupWrapper;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.body.TopicList;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Admin API used by mqadmin, named after RocketMQ's {@code DefaultMQAdminExt} so code written against
 * that class ports by changing imports. Every call is one or a few synchronous RPCs to the name
 * server(s) or broker(s), decoded with the common body classes (protocol.md §3.2, §3.4).
 */
public class DefaultMQAdminExt extends DefaultMQAdminExtImpl {
    private String commandName = "mqadmin";

    public DefaultMQAdminExt() {
    }

    public DefaultMQAdminExt(String namesrvAddr) {
        setNamesrvAddr(namesrvAddr);
    }

    public void setCommandName(String commandName) {
        this.commandName = commandName;
    }

    public String getCommandName() {
        return commandName;
    }

    public List<String> getNameServerAddressList() {
        return namesrvList();
    }

    // ------------------------------------------------------------------ name server

    public ClusterInfo examineBrokerClusterInfo() throws MQClientException, MQBrokerException {
        ClusterInfo info = invokeBody(null, request(RequestCode.GET_BROKER_CLUSTER_INFO), ClusterInfo.class);
        if (info == null) {
            info = new ClusterInfo();
        }
        if (info.getBrokerAddrTable() == null) {
            info.setBrokerAddrTable(new HashMap<>());
        }
        if (info.getClusterAddrTable() == null) {
            info.setClusterAddrTable(new HashMap<>());
        }
        return info;
    }

    public TopicList fetchAllTopicList() throws MQClientException, MQBrokerException {
        TopicList list = invokeBody(null, request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER), TopicList.class);
        return list == null ? new TopicList() : list;
    }

    public TopicList fetchTopicsByCLuster(String clusterName) throws MQClientException, MQBrokerException {
        TopicList list = invokeBody(null, request(RequestCode.GET_TOPICS_BY_CLUSTER, "cluster", clusterName), TopicList.class);
        return list == null ? new TopicList() : list;
    }

    /** Route of a topic; an unknown topic fails with a message naming it. */
    public TopicRouteData examineTopicRouteInfo(String topic) throws MQClientException, MQBrokerException {
        RemotingCommand response = invokeRaw(null, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", topic));
        if (response.getCode() == ResponseCode.TOPIC_NOT_EXIST) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST,
                "topic [" + topic + "] does not exist (no route info on the name server)");
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark());
        }
        TopicRouteData route = RemotingSerializable.decode(response.getBody(), TopicRouteData.class);
        if (route == null) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "topic [" + topic + "] has no route data");
        }
        if (route.getBrokerDatas() == null) {
            route.setBrokerDatas(new ArrayList<>());
        }
        if (route.getQueueDatas() == null) {
            route.setQueueDatas(new ArrayList<>());
        }
        return route;
    }

    public void deleteTopicInNameServer(List<String> namesrvs, String topic, String clusterName)
        throws MQClientException, MQBrokerException {
        for (String ns : namesrvs.isEmpty() ? namesrvList() : namesrvs) {
            invoke(ns, request(RequestCode.DELETE_TOPIC_IN_NAMESRV, "topic", topic, "clusterName", clusterName));
        }
    }

    public void createAndUpdateKvConfig(String namespace, String key, String value) throws MQClientException, MQBrokerException {
        for (String ns : requireNamesrvs()) {
            invoke(ns, request(RequestCode.PUT_KV_CONFIG, "namespace", namespace, "key", key, "value", value));
        }
    }

    public void deleteKvConfig(String namespace, String key) throws MQClientException, MQBrokerException {
        for (String ns : requireNamesrvs()) {
            invoke(ns, request(RequestCode.DELETE_KV_CONFIG, "namespace", namespace, "key", key));
        }
    }

    /** Value of a KV entry, or null when the name server has none. */
    public String getKVConfig(String namespace, String key) throws MQClientException, MQBrokerException {
        RemotingCommand response = invokeRaw(null, request(RequestCode.GET_KV_CONFIG, "namespace", namespace, "key", key));
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            return null;
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark());
        }
        return response.getExtFields() == null ? null : response.getExtFields().get("value");
    }

    public KVTable getKVListByNamespace(String namespace) throws MQClientException, MQBrokerException {
        RemotingCommand response = invokeRaw(null, request(RequestCode.GET_KVLIST_BY_NAMESPACE, "namespace", namespace));
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            return new KVTable();
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark());
        }
        return RemotingSerializable.decode(response.getBody(), KVTable.class);
    }

    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(namesrvAddr, request(RequestCode.WIPE_WRITE_PERM_OF_BROKER, "brokerName", brokerName));
        return intHeader(r, "wipeTopicCount");
    }

    public int addWritePermOfBroker(String namesrvAddr, String brokerName) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(namesrvAddr, request(RequestCode.ADD_WRITE_PERM_OF_BROKER, "brokerName", brokerName));
        return intHeader(r, "addTopicCount");
    }

    /** Config of every given (or configured) name server, by address. */
    public Map<String, Properties> getNameServerConfig(List<String> namesrvs) throws MQClientException, MQBrokerException {
        Map<String, Properties> result = new LinkedHashMap<>();
        for (String ns : namesrvs == null || namesrvs.isEmpty() ? requireNamesrvs() : namesrvs) {
            RemotingCommand r = invoke(ns, request(RequestCode.GET_NAMESRV_CONFIG));
            result.put(ns, MixAll.string2Properties(body(r)));
        }
        return result;
    }

    public void updateNameServerConfig(Properties properties, List<String> namesrvs) throws MQClientException, MQBrokerException {
        String text = MixAll.properties2String(properties);
        for (String ns : namesrvs == null || namesrvs.isEmpty() ? requireNamesrvs() : namesrvs) {
            RemotingCommand req = request(RequestCode.UPDATE_NAMESRV_CONFIG);
            req.setBody(text.getBytes(StandardCharsets.UTF_8));
            invoke(ns, req);
        }
    }

    // ------------------------------------------------------------------ broker: topics and groups

    public void createAndUpdateTopicConfig(String addr, TopicConfig config) throws MQClientException, MQBrokerException {
        invoke(addr, request(RequestCode.UPDATE_AND_CREATE_TOPIC,
            "topic", config.getTopicName(),
            "defaultTopic", "TBW102",
            "readQueueNums", String.valueOf(config.getReadQueueNums()),
            "writeQueueNums", String.valueOf(config.getWriteQueueNums()),
            "perm", String.valueOf(config.getPerm()),
            "topicFilterType", String.valueOf(config.getTopicFilterType()),
            "topicSysFlag", String.valueOf(config.getTopicSysFlag()),
            "order", String.valueOf(config.isOrder())));
    }

    public void deleteTopicInBroker(List<String> addrs, String topic) throws MQClientException, MQBrokerException {
        for (String addr : addrs) {
            invoke(addr, request(RequestCode.DELETE_TOPIC_IN_BROKER, "topic", topic));
        }
    }

    public TopicConfigSerializeWrapper getAllTopicConfig(String addr) throws MQClientException, MQBrokerException {
        return invokeBody(addr, request(RequestCode.GET_ALL_TOPIC_CONFIG), TopicConfigSerializeWrapper.class);
    }

    /** The broker's config of one topic, or null. */
    public TopicConfig examineTopicConfig(String addr, String topic) throws MQClientException, MQBrokerException {
        TopicConfigSerializeWrapper w = getAllTopicConfig(addr);
        return w == null || w.getTopicConfigTable() == null ? null : w.getTopicConfigTable().get(topic);
    }

    public void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws MQClientException, MQBrokerException {
        RemotingCommand req = request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP);
        req.setBody(RemotingSerializable.encode(config));
        invoke(addr, req);
    }

    public SubscriptionGroupWrapper getAllSubscriptionGroup(String addr) throws MQClientException, MQBrokerException {
        return invokeBody(addr, request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG), SubscriptionGroupWrapper.class);
    }

    /** The broker's config of one group, or null. */
    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group) throws MQClientException, MQBrokerException {
        SubscriptionGroupWrapper w = getAllSubscriptionGroup(addr);
        if (w == null || w.getSubscriptionGroupTable() == null) {
            return null;
        }
        return w.getSubscriptionGroupTable().get(group);
    }

    public void deleteSubscriptionGroup(String addr, String group, boolean removeOffset) throws MQClientException, MQBrokerException {
        invoke(addr, request(RequestCode.DELETE_SUBSCRIPTIONGROUP, "groupName", group, "removeOffset", String.valueOf(removeOffset)));
    }

    // ------------------------------------------------------------------ broker: config and runtime

    public Properties getBrokerConfig(String addr) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(addr, request(RequestCode.GET_BROKER_CONFIG));
        return MixAll.string2Properties(body(r));
    }

    public void updateBrokerConfig(String addr, Properties properties) throws MQClientException, MQBrokerException {
        RemotingCommand req = request(RequestCode.UPDATE_BROKER_CONFIG);
        req.setBody(MixAll.properties2String(properties).getBytes(StandardCharsets.UTF_8));
        invoke(addr, req);
    }

    public KVTable fetchBrokerRuntimeStats(String addr) throws MQClientException, MQBrokerException {
        KVTable t = invokeBody(addr, request(RequestCode.GET_BROKER_RUNTIME_INFO), KVTable.class);
        return t == null ? new KVTable() : t;
    }

    public boolean cleanExpiredConsumerQueueByAddr(String addr) throws MQClientException, MQBrokerException {
        return invokeRaw(addr, request(RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE)).getCode() == ResponseCode.SUCCESS;
    }

    public boolean deleteExpiredCommitLogByAddr(String addr) throws MQClientException, MQBrokerException {
        return invokeRaw(addr, request(RequestCode.DELETE_EXPIRED_COMMITLOG)).getCode() == ResponseCode.SUCCESS;
    }

    public boolean cleanUnusedTopicByAddr(String addr) throws MQClientException, MQBrokerException {
        return invokeRaw(addr, request(RequestCode.CLEAN_UNUSED_TOPIC)).getCode() == ResponseCode.SUCCESS;
    }

    public BrokerStatsData viewBrokerStatsData(String addr, String statsName, String statsKey) throws MQClientException, MQBrokerException {
        return invokeBody(addr, request(RequestCode.VIEW_BROKER_STATS_DATA, "statsName", statsName, "statsKey", statsKey),
            BrokerStatsData.class);
    }

    public ConsumeStatsList fetchConsumeStatsInBroker(String addr, boolean isOrder, long timeoutMillis)
        throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(addr, request(RequestCode.GET_BROKER_CONSUME_STATS, "isOrder", String.valueOf(isOrder)), timeoutMillis);
        return RemotingSerializable.decode(r.getBody(), ConsumeStatsList.class);
    }

    public QueryConsumeQueueResponseBody queryConsumeQueue(String addr, String topic, int queueId, long index, int count,
        String group) throws MQClientException, MQBrokerException {
        return invokeBody(addr, request(RequestCode.QUERY_CONSUME_QUEUE, "topic", topic, "queueId", String.valueOf(queueId),
            "index", String.valueOf(index), "count", String.valueOf(count), "consumerGroup", group), QueryConsumeQueueResponseBody.class);
    }

    // ------------------------------------------------------------------ stats

    /** Min/max offsets of every queue of a topic, over all its brokers. */
    public TopicStatsTable examineTopicStats(String topic) throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(topic);
        TopicStatsTable all = new TopicStatsTable();
        Map<MessageQueue, TopicOffset> table = new HashMap<>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            TopicStatsTable t = invokeBody(addr, request(RequestCode.GET_TOPIC_STATS_INFO, "topic", topic), TopicStatsTable.class);
            if (t != null && t.getOffsetTable() != null) {
                table.putAll(t.getOffsetTable());
            }
        }
        all.setOffsetTable(table);
        return all;
    }

    public ConsumeStats examineConsumeStats(String group) throws MQClientException, MQBrokerException {
        return examineConsumeStats(group, null);
    }

    /**
     * Broker and consumer offsets of a group over every broker that hosts its retry topic (as
     * RocketMQ's tool does); an unknown group fails with a message naming it.
     */
    public ConsumeStats examineConsumeStats(String group, String topic) throws MQClientException, MQBrokerException {
        TopicRouteData route;
        try {
            route = examineTopicRouteInfo(MixAll.getRetryTopic(group));
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                throw new MQClientException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group [" + group + "] not found (no retry topic " + MixAll.getRetryTopic(group) + " on any broker)");
            }
            throw e;
        }
        ConsumeStats result = new ConsumeStats();
        Map<MessageQueue, OffsetWrapper> table = new HashMap<>();
        double tps = 0;
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            ConsumeStats cs = invokeBody(addr, request(RequestCode.GET_CONSUME_STATS, "consumerGroup", group, "topic", topic),
                ConsumeStats.class);
            if (cs != null) {
                if (cs.getOffsetTable() != null) {
                    table.putAll(cs.getOffsetTable());
                }
                tps += cs.getConsumeTps();
            }
        }
        result.setOffsetTable(table);
        result.setConsumeTps(tps);
        return result;
    }

    public ConsumerConnection examineConsumerConnectionInfo(String group) throws MQClientException, MQBrokerException {
        TopicRouteData route;
        try {
            route = examineTopicRouteInfo(MixAll.getRetryTopic(group));
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE,
                    "consumer group [" + group + "] not found or not online");
            }
            throw e;
        }
        MQClientException last = null;
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            try {
                return examineConsumerConnectionInfo(group, addr);
            } catch (MQClientException e) {
                last = e;
            }
        }
        throw last != null ? last : new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE,
            "consumer group [" + group + "] not online");
    }

    public ConsumerConnection examineConsumerConnectionInfo(String group, String brokerAddr) throws MQClientException, MQBrokerException {
        RemotingCommand r = invokeRaw(brokerAddr, request(RequestCode.GET_CONSUMER_CONNECTION_LIST, "consumerGroup", group));
        if (r.getCode() == ResponseCode.CONSUMER_NOT_ONLINE) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "consumer group [" + group + "] not online");
        }
        if (r.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(r.getCode(), r.getRemark(), brokerAddr);
        }
        ConsumerConnection cc = RemotingSerializable.decode(r.getBody(), ConsumerConnection.class);
        if (cc == null || cc.getConnectionSet() == null || cc.getConnectionSet().isEmpty()) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "consumer group [" + group + "] not online");
        }
        return cc;
    }

    public ProducerConnection examineProducerConnectionInfo(String group, String topic) throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(topic);
        ProducerConnection result = new ProducerConnection();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            RemotingCommand r = invokeRaw(addr, request(RequestCode.GET_PRODUCER_CONNECTION_LIST, "producerGroup", group));
            if (r.getCode() == ResponseCode.SUCCESS) {
                ProducerConnection pc = RemotingSerializable.decode(r.getBody(), ProducerConnection.class);
                if (pc != null && pc.getConnectionSet() != null) {
                    result.getConnectionSet().addAll(pc.getConnectionSet());
                }
            }
        }
        if (result.getConnectionSet().isEmpty()) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "producer group [" + group + "] has no connection (not online)");
        }
        return result;
    }

    /** GET_ALL_PRODUCER_INFO as a generic JSON object ({@code data}: group → list of producer infos). */
    public JSONObject getAllProducerInfo(String brokerAddr) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(brokerAddr, request(RequestCode.GET_ALL_PRODUCER_INFO));
        return r.getBody() == null ? new JSONObject() : JSON.parseObject(new String(r.getBody(), StandardCharsets.UTF_8));
    }

    public GroupList queryTopicConsumeByWho(String topic) throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(topic);
        GroupList result = new GroupList();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            GroupList gl = invokeBody(addr, request(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, "topic", topic), GroupList.class);
            if (gl != null && gl.getGroupList() != null) {
                result.getGroupList().addAll(gl.getGroupList());
            }
        }
        return result;
    }

    /** Raw ConsumerRunningInfo JSON of one client of a group (forwarded by a broker that knows the client). */
    public JSONObject getConsumerRunningInfo(String group, String clientId, boolean jstack) throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(MixAll.getRetryTopic(group));
        MQBrokerException last = null;
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            try {
                RemotingCommand r = invoke(addr, request(RequestCode.GET_CONSUMER_RUNNING_INFO, "consumerGroup", group,
                    "clientId", clientId, "jstackEnable", String.valueOf(jstack)), 12000);
                return r.getBody() == null ? new JSONObject() : JSON.parseObject(new String(r.getBody(), StandardCharsets.UTF_8));
            } catch (MQBrokerException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new MQClientException("no broker for group " + group, null);
    }

    // ------------------------------------------------------------------ offsets

    /**
     * Resets the group's offsets of a topic to the first message stored at or after {@code timestamp}
     * (−1 = the end) on every broker; online clients are told to follow. Returns the new offsets.
     */
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean force)
        throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(topic);
        Map<MessageQueue, Long> result = new TreeMap<>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            RemotingCommand r = invoke(addr, request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, "topic", topic, "group", group,
                "timestamp", String.valueOf(timestamp), "isForce", String.valueOf(force)));
            ResetOffsetBody body = RemotingSerializable.decode(r.getBody(), ResetOffsetBody.class);
            if (body != null && body.getOffsetTable() != null) {
                result.putAll(body.getOffsetTable());
            }
        }
        return result;
    }

    public void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean offline)
        throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(MixAll.getRetryTopic(srcGroup));
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                invoke(addr, request(RequestCode.CLONE_GROUP_OFFSET, "srcGroup", srcGroup, "destGroup", destGroup,
                    "topic", topic, "offline", String.valueOf(offline)));
            }
        }
    }

    public long maxOffset(String addr, String topic, int queueId) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(addr, request(RequestCode.GET_MAX_OFFSET, "topic", topic, "queueId", String.valueOf(queueId)));
        return longHeader(r, "offset");
    }

    public long minOffset(String addr, String topic, int queueId) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(addr, request(RequestCode.GET_MIN_OFFSET, "topic", topic, "queueId", String.valueOf(queueId)));
        return longHeader(r, "offset");
    }

    public long searchOffset(String addr, String topic, int queueId, long timestamp) throws MQClientException, MQBrokerException {
        RemotingCommand r = invoke(addr, request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, "topic", topic,
            "queueId", String.valueOf(queueId), "timestamp", String.valueOf(timestamp)));
        return longHeader(r, "offset");
    }

    // ------------------------------------------------------------------ messages

    /** Pulls up to {@code max} messages from one queue starting at {@code offset} (no subscription filter beyond tags). */
    public PullOutcome pull(String addr, MessageQueue mq, String subExpression, long offset, int max)
        throws MQClientException, MQBrokerException {
        String sub = subExpression == null || subExpression.isBlank() ? "*" : subExpression;
        RemotingCommand r = invokeRaw(addr, request(RequestCode.PULL_MESSAGE,
            "consumerGroup", MixAll.TOOLS_CONSUMER_GROUP, "topic", mq.getTopic(), "queueId", String.valueOf(mq.getQueueId()),
            "queueOffset", String.valueOf(offset), "maxMsgNums", String.valueOf(max), "sysFlag", "4",
            "commitOffset", "0", "suspendTimeoutMillis", "0", "subscription", sub, "subVersion", "0", "expressionType", "TAG"));
        PullOutcome out = new PullOutcome();
        out.code = r.getCode();
        out.nextBeginOffset = longHeaderOr(r, "nextBeginOffset", offset);
        out.minOffset = longHeaderOr(r, "minOffset", 0);
        out.maxOffset = longHeaderOr(r, "maxOffset", 0);
        if (r.getCode() == ResponseCode.SUCCESS && r.getBody() != null) {
            out.messages = MessageDecoder.decodes(ByteBuffer.wrap(r.getBody()), true);
            for (MessageExt m : out.messages) {
                m.setBrokerName(mq.getBrokerName());
            }
            if (!"*".equals(sub.trim())) {
                List<String> tags = new ArrayList<>();
                for (String t : sub.split("\\|\\|")) {
                    tags.add(t.trim());
                }
                out.messages.removeIf(m -> m.getTags() == null || !tags.contains(m.getTags()));
            }
        } else if (r.getCode() != ResponseCode.SUCCESS && r.getCode() != ResponseCode.PULL_NOT_FOUND
            && r.getCode() != ResponseCode.PULL_OFFSET_MOVED && r.getCode() != ResponseCode.PULL_RETRY_IMMEDIATELY) {
            throw new MQBrokerException(r.getCode(), r.getRemark(), addr);
        }
        return out;
    }

    /** Result of {@link #pull}. */
    public static final class PullOutcome {
        public int code;
        public long nextBeginOffset;
        public long minOffset;
        public long maxOffset;
        public List<MessageExt> messages = new ArrayList<>();

        public String status() {
            switch (code) {
                case ResponseCode.SUCCESS:
                    return messages.isEmpty() ? "NO_MATCHED_MSG" : "FOUND";
                case ResponseCode.PULL_NOT_FOUND:
                    return "NO_NEW_MSG";
                case ResponseCode.PULL_RETRY_IMMEDIATELY:
                    return "NO_MATCHED_MSG";
                case ResponseCode.PULL_OFFSET_MOVED:
                    return "OFFSET_ILLEGAL";
                default:
                    return "CODE_" + code;
            }
        }
    }

    /** A message by its offset message id (store host + commit log offset). */
    public MessageExt viewMessage(String offsetMsgId) throws MQClientException, MQBrokerException {
        MessageId id;
        try {
            id = MessageDecoder.decodeMessageId(offsetMsgId);
        } catch (Exception e) {
            throw new MQClientException("[" + offsetMsgId + "] is not a valid message id: " + e.getMessage(), null);
        }
        java.net.InetSocketAddress sa = (java.net.InetSocketAddress) id.getAddress();
        String addr = sa.getAddress().getHostAddress() + ":" + sa.getPort();
        RemotingCommand r = invokeRaw(addr, request(RequestCode.VIEW_MESSAGE_BY_ID, "offset", String.valueOf(id.getOffset())));
        if (r.getCode() != ResponseCode.SUCCESS || r.getBody() == null) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "message " + offsetMsgId + " not found"
                + (r.getRemark() != null ? " (" + r.getRemark() + ")" : ""));
        }
        return MessageDecoder.clientDecode(ByteBuffer.wrap(r.getBody()), true);
    }

    /**
     * Index query on every broker of the topic: messages whose key (or, with {@code uniqueKey}, whose
     * client-generated unique id) equals {@code key}, stored between the two timestamps.
     */
    public List<MessageExt> queryMessage(String topic, String key, int maxNum, long begin, long end, boolean uniqueKey)
        throws MQClientException, MQBrokerException {
        TopicRouteData route = examineTopicRouteInfo(topic);
        List<MessageExt> found = new ArrayList<>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            RemotingCommand req = request(RequestCode.QUERY_MESSAGE, "topic", topic, "key", key, "maxNum", String.valueOf(maxNum),
                "beginTimestamp", String.valueOf(begin), "endTimestamp", String.valueOf(end));
            if (uniqueKey) {
                req.addExtField(MixAll.UNIQUE_MSG_QUERY_FLAG, "true");
            }
            RemotingCommand r = invokeRaw(addr, req, 15000);
            if (r.getCode() == ResponseCode.SUCCESS && r.getBody() != null) {
                for (MessageExt m : MessageDecoder.decodes(ByteBuffer.wrap(r.getBody()), true)) {
                    m.setBrokerName(bd.getBrokerName());
                    boolean match;
                    if (uniqueKey) {
                        match = key.equals(m.getMsgId()) || key.equals(m.getProperty("UNIQ_KEY"));
                    } else {
                        String keys = m.getKeys();
                        match = false;
                        if (keys != null) {
                            for (String k : keys.split(" ")) {
                                if (k.equals(key)) {
                                    match = true;
                                    break;
                                }
                            }
                        }
                    }
                    if (match && topic.equals(m.getTopic())) {
                        found.add(m);
                    }
                }
            } else if (r.getCode() != ResponseCode.SUCCESS && r.getCode() != ResponseCode.QUERY_NOT_FOUND) {
                throw new MQBrokerException(r.getCode(), r.getRemark(), addr);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ ACL

    public void createAndUpdatePlainAccessConfig(String addr, Map<String, String> fields) throws MQClientException, MQBrokerException {
        RemotingCommand req = request(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG);
        fields.forEach((k, v) -> {
            if (v != null) {
                req.addExtField(k, v);
            }
        });
        aclInvoke(addr, req);
    }

    public void deletePlainAccessConfig(String addr, String accessKey) throws MQClientException, MQBrokerException {
        aclInvoke(addr, request(RequestCode.DELETE_ACL_CONFIG, "accessKey", accessKey));
    }

    public void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws MQClientException, MQBrokerException {
        aclInvoke(addr, request(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, "globalWhiteAddrs", globalWhiteAddrs,
            "aclFileFullPath", aclFileFullPath));
    }

    /** Response header of GET_BROKER_CLUSTER_ACL_INFO (version, allAclFileVersion, brokerName, brokerAddr, clusterName). */
    public Map<String, String> examineBrokerClusterAclVersionInfo(String addr) throws MQClientException, MQBrokerException {
        RemotingCommand r = aclInvoke(addr, request(RequestCode.GET_BROKER_CLUSTER_ACL_INFO));
        return r.getExtFields() == null ? new HashMap<>() : r.getExtFields();
    }

    public JSONObject examineBrokerClusterAclConfig(String addr) throws MQClientException, MQBrokerException {
        RemotingCommand r = aclInvoke(addr, request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG));
        return r.getBody() == null ? new JSONObject() : JSON.parseObject(new String(r.getBody(), StandardCharsets.UTF_8));
    }

    private RemotingCommand aclInvoke(String addr, RemotingCommand req) throws MQClientException, MQBrokerException {
        RemotingCommand r = invokeRaw(addr, req);
        if (r.getCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED
            || (r.getCode() != ResponseCode.SUCCESS && r.getRemark() != null && r.getRemark().toLowerCase().contains("acl")
            && r.getRemark().toLowerCase().contains("not"))) {
            throw new MQClientException(r.getCode(), "ACL is not enabled on this broker (" + addr + ")"
                + (r.getRemark() != null ? ": " + r.getRemark() : ""));
        }
        if (r.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(r.getCode(), r.getRemark(), addr);
        }
        return r;
    }

    // ------------------------------------------------------------------ helpers

    /** Master addresses of the brokers of a cluster; an unknown cluster fails with a message naming it. */
    public List<String> masterAddrsOfCluster(String cluster) throws MQClientException, MQBrokerException {
        ClusterInfo ci = examineBrokerClusterInfo();
        Set<String> names = ci.getClusterAddrTable().get(cluster);
        if (names == null) {
            throw new MQClientException("cluster [" + cluster + "] not found; known clusters: " + ci.getClusterAddrTable().keySet()
                + ". Make sure the specified clusterName exists or the name server connected to is correct.", null);
        }
        List<String> addrs = new ArrayList<>();
        for (String n : names) {
            BrokerData bd = ci.getBrokerAddrTable().get(n);
            if (bd != null && bd.getBrokerAddrs() != null && bd.getBrokerAddrs().get(MixAll.MASTER_ID) != null) {
                addrs.add(bd.getBrokerAddrs().get(MixAll.MASTER_ID));
            }
        }
        return addrs;
    }

    /** Every address (masters and slaves) of the brokers of a cluster. */
    public List<String> allAddrsOfCluster(String cluster) throws MQClientException, MQBrokerException {
        ClusterInfo ci = examineBrokerClusterInfo();
        if (!ci.getClusterAddrTable().containsKey(cluster)) {
            throw new MQClientException("cluster [" + cluster + "] not found; known clusters: " + ci.getClusterAddrTable().keySet(), null);
        }
        return List.of(ci.retrieveAllAddrByCluster(cluster));
    }

    /** Master address of a broker name, from the cluster info. */
    public String masterAddrOfBroker(String brokerName) throws MQClientException, MQBrokerException {
        ClusterInfo ci = examineBrokerClusterInfo();
        BrokerData bd = ci.getBrokerAddrTable().get(brokerName);
        if (bd == null || bd.getBrokerAddrs() == null || bd.getBrokerAddrs().isEmpty()) {
            throw new MQClientException("broker [" + brokerName + "] not found on the name server", null);
        }
        String addr = bd.getBrokerAddrs().get(MixAll.MASTER_ID);
        return addr != null ? addr : bd.selectBrokerAddr();
    }

    /** Queue data of a topic for one broker name, or null. */
    public static QueueData queueData(TopicRouteData route, String brokerName) {
        for (QueueData qd : route.getQueueDatas()) {
            if (qd.getBrokerName().equals(brokerName)) {
                return qd;
            }
        }
        return null;
    }

    private List<String> requireNamesrvs() throws MQClientException {
        List<String> list = namesrvList();
        if (list.isEmpty()) {
            throw new MQClientException("No name server address: pass -n host:port (e.g. -n 127.0.0.1:9876) "
                + "or set the NAMESRV_ADDR environment variable", null);
        }
        return list;
    }

    private static String body(RemotingCommand r) {
        return r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8);
    }

    private static int intHeader(RemotingCommand r, String key) {
        String v = r.getExtFields() == null ? null : r.getExtFields().get(key);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static long longHeader(RemotingCommand r, String key) {
        return longHeaderOr(r, key, 0);
    }

    private static long longHeaderOr(RemotingCommand r, String key, long dflt) {
        String v = r.getExtFields() == null ? null : r.getExtFields().get(key);
        return v == null ? dflt : Long.parseLong(v);
    }
}
