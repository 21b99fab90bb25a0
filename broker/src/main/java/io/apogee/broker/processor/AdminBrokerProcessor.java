package io.apogee.broker.processor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;

import io.apogee.broker.BrokerController;
import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.common.MQVersion;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.TopicFilterType;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.admin.TopicOffset;
import io.apogee.common.admin.TopicStatsTable;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.BrokerStatsData;
import io.apogee.common.protocol.body.ConsumeQueueData;
import io.apogee.common.protocol.body.ConsumeStatsList;
import io.apogee.common.protocol.body.ConsumerConnection;
import io.apogee.common.protocol.body.Connection;
import io.apogee.common.protocol.body.GetConsumerStatusBody;
import io.apogee.common.protocol.body.GroupList;
import io.apogee.common.protocol.body.KVTable;
import io.apogee.common.protocol.body.LockBatchRequestBody;
import io.apogee.common.protocol.body.LockBatchResponseBody;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.ProducerConnection;
import io.apogee.common.protocol.body.QueryConsumeQueueResponseBody;
import io.apogee.common.protocol.body.QueryConsumeTimeSpanBody;
import io.apogee.common.protocol.body.QueueTimeSpan;
import io.apogee.common.protocol.body.ResetOffsetBody;
import io.apogee.common.protocol.body.TopicList;
import io.apogee.common.protocol.body.UnlockBatchRequestBody;
import io.apogee.common.protocol.header.CloneGroupOffsetRequestHeader;
import io.apogee.common.protocol.header.CreateTopicRequestHeader;
import io.apogee.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.apogee.common.protocol.header.DeleteTopicRequestHeader;
import io.apogee.common.protocol.header.GetBrokerConfigResponseHeader;
import io.apogee.common.protocol.header.GetConsumeStatsInBrokerHeader;
import io.apogee.common.protocol.header.GetConsumeStatsRequestHeader;
import io.apogee.common.protocol.header.GetConsumerConnectionListRequestHeader;
import io.apogee.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.apogee.common.protocol.header.GetConsumerStatusRequestHeader;
import io.apogee.common.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.apogee.common.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.apogee.common.protocol.header.GetMaxOffsetRequestHeader;
import io.apogee.common.protocol.header.GetMaxOffsetResponseHeader;
import io.apogee.common.protocol.header.GetMinOffsetRequestHeader;
import io.apogee.common.protocol.header.GetMinOffsetResponseHeader;
import io.apogee.common.protocol.header.GetProducerConnectionListRequestHeader;
import io.apogee.common.protocol.header.GetTopicStatsInfoRequestHeader;
import io.apogee.common.protocol.header.QueryConsumeQueueRequestHeader;
import io.apogee.common.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.apogee.common.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import io.apogee.common.protocol.header.ResetOffsetRequestHeader;
import io.apogee.common.protocol.header.SearchOffsetRequestHeader;
import io.apogee.common.protocol.header.SearchOffsetResponseHeader;
import io.apogee.common.protocol.header.ViewBrokerStatsDataRequestHeader;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.common.topic.TopicValidator;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.ConsumeQueue;
import io.apogee.common.protocol.body.QueryCorrectionOffsetBody;
import io.apogee.common.protocol.header.QueryCorrectionOffsetHeader;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStore;
import io.apogee.store.SelectMappedBufferResult;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.ha.HAClient;
import io.apogee.store.ha.HAService;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin request codes mqadmin and the dashboard send to a broker (protocol.md §3.4), plus offsets, queue
 * locks and the relays of GET_CONSUMER_RUNNING_INFO / CONSUME_MESSAGE_DIRECTLY to clients. One method per code;
 * the switch is the index. This is the broker's default processor, so unknown codes end here too.
 */
public class AdminBrokerProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    /** Keys that name files, directories or code: never changeable over the wire (CVE-2023-33246 class). */
    private static final Set<String> CONFIG_BLACKLIST = Set.of("brokerConfigPath", "rocketmqHome", "configStorePath",
        "storePathRootDir", "storePathCommitLog", "storePathConsumeQueue", "storePathIndex", "storeCheckpoint",
        "abortFile", "kvConfigPath", "configPath", "messageStorePlugIn", "filterServerNums", "namesrvAddr",
        "listenPort", "haListenPort", "bindAddress", "storePathDLedgerCommitLog", "dLegerPeers", "dLegerSelfId");

    private final BrokerController bc;

    public AdminBrokerProcessor(BrokerController brokerController) {
        this.bc = brokerController;
    }

    private MessageStore store() {
        return bc.getMessageStore();
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_TOPIC: return updateAndCreateTopic(request);
            case RequestCode.DELETE_TOPIC_IN_BROKER: return deleteTopic(request);
            case RequestCode.GET_ALL_TOPIC_CONFIG: return body(bc.getTopicConfigManager().encode(false));
            case RequestCode.UPDATE_BROKER_CONFIG: return updateBrokerConfig(request);
            case RequestCode.GET_BROKER_CONFIG: return getBrokerConfig();
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP: return searchOffsetByTimestamp(request);
            case RequestCode.GET_MAX_OFFSET: return getMaxOffset(request);
            case RequestCode.GET_MIN_OFFSET: return getMinOffset(request);
            case RequestCode.GET_EARLIEST_MSG_STORETIME: return getEarliestMsgStoretime(request);
            case RequestCode.GET_BROKER_RUNTIME_INFO: return getBrokerRuntimeInfo();
            case RequestCode.LOCK_BATCH_MQ: return lockBatchMQ(request);
            case RequestCode.UNLOCK_BATCH_MQ: return unlockBatchMQ(request);
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP: return updateAndCreateSubscriptionGroup(request);
            case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG: return body(bc.getSubscriptionGroupManager().encode(false));
            case RequestCode.DELETE_SUBSCRIPTIONGROUP: return deleteSubscriptionGroup(request);
            case RequestCode.GET_TOPIC_STATS_INFO: return getTopicStatsInfo(request);
            case RequestCode.GET_CONSUMER_CONNECTION_LIST: return getConsumerConnectionList(request);
            case RequestCode.GET_PRODUCER_CONNECTION_LIST: return getProducerConnectionList(request);
            case RequestCode.GET_CONSUME_STATS: return getConsumeStats(request);
            case RequestCode.GET_ALL_CONSUMER_OFFSET: return body(bc.getConsumerOffsetManager().encode(false));
            case RequestCode.GET_ALL_DELAY_OFFSET: return body(bc.getScheduleMessageService().encode(false));
            case RequestCode.INVOKE_BROKER_TO_RESET_OFFSET: return resetOffset(request);
            case RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS: return getConsumerStatus(request);
            case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO: return queryTopicConsumeByWho(request);
            case RequestCode.QUERY_CONSUME_TIME_SPAN: return queryConsumeTimeSpan(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER: return getSystemTopicList();
            case RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE:
                log.info("manually clean expired consume queues: {} destroyed", store().cleanExpiredConsumerQueue());
                return ok();
            case RequestCode.DELETE_EXPIRED_COMMITLOG:
                store().executeDeleteFilesManually();
                return ok();
            case RequestCode.CLEAN_UNUSED_TOPIC:
                store().cleanUnusedTopic(new HashSet<>(bc.getTopicConfigManager().getTopicConfigTable().keySet()));
                return ok();
            case RequestCode.GET_CONSUMER_RUNNING_INFO: return relayToConsumer(request, false);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY: return relayToConsumer(request, true);
            case RequestCode.CLONE_GROUP_OFFSET: return cloneGroupOffset(request);
            case RequestCode.VIEW_BROKER_STATS_DATA: return viewBrokerStatsData(request);
            case RequestCode.GET_BROKER_CONSUME_STATS: return fetchAllConsumeStatsInBroker(request);
            case RequestCode.QUERY_CONSUME_QUEUE: return queryConsumeQueue(request);
            case RequestCode.QUERY_CORRECTION_OFFSET: return queryCorrectionOffset(request);
            case RequestCode.GET_ALL_PRODUCER_INFO: return body(bc.getProducerManager().getProducerTable());
            default:
                log.warn("request type {} not supported", request.getCode());
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
        }
    }

    private static RemotingCommand ok() {
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand error(int code, String remark) {
        return RemotingCommand.createResponseCommand(code, remark);
    }

    private static RemotingCommand body(String json) {
        RemotingCommand r = ok();
        r.setBody(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static RemotingCommand body(RemotingSerializable obj) {
        RemotingCommand r = ok();
        r.setBody(obj.encode());
        return r;
    }

    private boolean isSlave() {
        return bc.getMessageStoreConfig().getBrokerRole() == BrokerRole.SLAVE;
    }

    private static final String SLAVE_REMARK =
        "Can't modify topic or subscription group from slave broker, please execute it from master broker.";

    private RemotingCommand updateAndCreateTopic(RemotingCommand request) throws RemotingCommandException {
        CreateTopicRequestHeader h = request.decodeCommandCustomHeader(CreateTopicRequestHeader.class);
        if (isSlave()) {
            return error(ResponseCode.SYSTEM_ERROR, SLAVE_REMARK);
        }
        String invalid = TopicValidator.validateTopic(h.getTopic());
        if (invalid != null) {
            return error(ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (TopicValidator.isSystemTopic(h.getTopic())) {
            return error(ResponseCode.SYSTEM_ERROR, "The topic[" + h.getTopic() + "] is conflict with system topic.");
        }
        TopicConfig tc = new TopicConfig(h.getTopic(), h.getReadQueueNums(), h.getWriteQueueNums(), h.getPerm());
        try {
            tc.setTopicFilterType(TopicFilterType.valueOf(h.getTopicFilterType()));
        } catch (IllegalArgumentException e) {
            return error(ResponseCode.SYSTEM_ERROR, "invalid topicFilterType " + h.getTopicFilterType());
        }
        tc.setTopicSysFlag(h.getTopicSysFlag() == null ? 0 : h.getTopicSysFlag());
        tc.setOrder(Boolean.TRUE.equals(h.getOrder()));
        bc.getTopicConfigManager().updateTopicConfig(tc);
        // Registered before answering (as RocketMQ does), so a topicRoute right after updateTopic finds it.
        bc.registerBrokerAll(true, false, true);
        return ok();
    }

    private RemotingCommand deleteTopic(RemotingCommand request) throws RemotingCommandException {
        DeleteTopicRequestHeader h = request.decodeCommandCustomHeader(DeleteTopicRequestHeader.class);
        if (isSlave()) {
            return error(ResponseCode.SYSTEM_ERROR, SLAVE_REMARK);
        }
        if (TopicValidator.isSystemTopic(h.getTopic())) {
            return error(ResponseCode.SYSTEM_ERROR, "The topic[" + h.getTopic() + "] is conflict with system topic.");
        }
        bc.getTopicConfigManager().deleteTopicConfig(h.getTopic());
        bc.getConsumerOffsetManager().removeTopic(h.getTopic());
        store().cleanUnusedTopic(new HashSet<>(bc.getTopicConfigManager().getTopicConfigTable().keySet()));
        return ok();
    }

    private RemotingCommand updateBrokerConfig(RemotingCommand request) {
        if (request.getBody() == null) {
            return ok();
        }
        Properties props = MixAll.string2Properties(new String(request.getBody(), StandardCharsets.UTF_8));
        if (props == null) {
            return error(ResponseCode.SYSTEM_ERROR, "string2Properties error");
        }
        for (String key : props.stringPropertyNames()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (CONFIG_BLACKLIST.contains(key) || lower.endsWith("path") || lower.endsWith("dir") || lower.endsWith("file")) {
                log.warn("refused to update broker config key {} from the network", key);
                return error(ResponseCode.NO_PERMISSION, "Can not update config in black list.");
            }
        }
        int permBefore = bc.getBrokerConfig().getBrokerPermission();
        List<PropertiesBinder.UnknownKey> unknown;
        try {
            unknown = PropertiesBinder.bind(props, bc.getBrokerConfig(), bc.getNettyServerConfig(),
                bc.getNettyClientConfig(), bc.getMessageStoreConfig());
        } catch (IllegalArgumentException e) {
            return error(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (!unknown.isEmpty()) {
            return error(ResponseCode.SYSTEM_ERROR, unknown.toString());
        }
        log.info("updateBrokerConfig, new config: [{}] client: {}", props, request.getRemark());
        bc.getConfigDataVersion().nextVersion();
        Map<String, String> changes = new HashMap<>();
        for (String k : props.stringPropertyNames()) {
            changes.put(k, props.getProperty(k).trim());
        }
        try {
            bc.getConfigFile().update(changes);
        } catch (Exception e) {
            log.error("persist updated broker config failed", e);
        }
        if (permBefore != bc.getBrokerConfig().getBrokerPermission()) {
            bc.registerBrokerAll(false, false, true);
        }
        return ok();
    }

    private RemotingCommand getBrokerConfig() {
        RemotingCommand r = RemotingCommand.createResponseCommand(GetBrokerConfigResponseHeader.class);
        GetBrokerConfigResponseHeader h = (GetBrokerConfigResponseHeader) r.readCustomHeader();
        h.setVersion(bc.getConfigDataVersion().toJson());
        r.setBody(MixAll.properties2String(bc.allConfigs()).getBytes(StandardCharsets.UTF_8));
        r.setCode(ResponseCode.SUCCESS);
        r.setRemark(null);
        return r;
    }

    private RemotingCommand searchOffsetByTimestamp(RemotingCommand request) throws RemotingCommandException {
        SearchOffsetRequestHeader h = request.decodeCommandCustomHeader(SearchOffsetRequestHeader.class);
        RemotingCommand r = RemotingCommand.createResponseCommand(SearchOffsetResponseHeader.class);
        ((SearchOffsetResponseHeader) r.readCustomHeader()).setOffset(store().getOffsetInQueueByTime(h.getTopic(), h.getQueueId(), h.getTimestamp()));
        return success(r);
    }

    /**
     * QUERY_CORRECTION_OFFSET: per queue, the smallest offset the other groups (all but {@code filterGroups})
     * committed; Long.MAX_VALUE where {@code compareGroup} itself is still behind that offset.
     */
    private RemotingCommand queryCorrectionOffset(RemotingCommand request) throws RemotingCommandException {
        QueryCorrectionOffsetHeader h = request.decodeCommandCustomHeader(QueryCorrectionOffsetHeader.class);
        Map<Integer, Long> correction = bc.getConsumerOffsetManager().queryMinOffsetInAllGroup(h.getTopic(),
            h.getFilterGroups(), queueId -> store().getMinOffsetInQueue(h.getTopic(), queueId));
        Map<Integer, Long> compare = bc.getConsumerOffsetManager().queryOffset(h.getCompareGroup(), h.getTopic());
        for (Map.Entry<Integer, Long> e : compare.entrySet()) {
            Long min = correction.get(e.getKey());
            if (min != null && min > e.getValue()) {
                correction.put(e.getKey(), Long.MAX_VALUE);
            }
        }
        QueryCorrectionOffsetBody b = new QueryCorrectionOffsetBody();
        b.setCorrectionOffsets(correction);
        return body(b);
    }

    private RemotingCommand getMaxOffset(RemotingCommand request) throws RemotingCommandException {
        GetMaxOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMaxOffsetRequestHeader.class);
        RemotingCommand r = RemotingCommand.createResponseCommand(GetMaxOffsetResponseHeader.class);
        ((GetMaxOffsetResponseHeader) r.readCustomHeader()).setOffset(store().getMaxOffsetInQueue(h.getTopic(), h.getQueueId()));
        return success(r);
    }

    private RemotingCommand getMinOffset(RemotingCommand request) throws RemotingCommandException {
        GetMinOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMinOffsetRequestHeader.class);
        RemotingCommand r = RemotingCommand.createResponseCommand(GetMinOffsetResponseHeader.class);
        ((GetMinOffsetResponseHeader) r.readCustomHeader()).setOffset(store().getMinOffsetInQueue(h.getTopic(), h.getQueueId()));
        return success(r);
    }

    private RemotingCommand getEarliestMsgStoretime(RemotingCommand request) throws RemotingCommandException {
        GetEarliestMsgStoretimeRequestHeader h = request.decodeCommandCustomHeader(GetEarliestMsgStoretimeRequestHeader.class);
        RemotingCommand r = RemotingCommand.createResponseCommand(GetEarliestMsgStoretimeResponseHeader.class);
        ((GetEarliestMsgStoretimeResponseHeader) r.readCustomHeader()).setTimestamp(store().getEarliestMessageTime(h.getTopic(), h.getQueueId()));
        return success(r);
    }

    private static RemotingCommand success(RemotingCommand r) {
        r.setCode(ResponseCode.SUCCESS);
        r.setRemark(null);
        return r;
    }

    private RemotingCommand getBrokerRuntimeInfo() {
        HashMap<String, String> t = new HashMap<>(store().getRuntimeInfo());
        t.put("brokerVersionDesc", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        t.put("brokerVersion", String.valueOf(MQVersion.CURRENT_VERSION));
        t.put("msgPutTotalYesterdayMorning", String.valueOf(bc.getBrokerStats().msgPutTotalYesterdayMorning()));
        t.put("msgPutTotalTodayMorning", String.valueOf(bc.getBrokerStats().msgPutTotalTodayMorning()));
        t.put("msgPutTotalTodayNow", String.valueOf(bc.getBrokerStats().msgPutTotalTodayNow()));
        t.put("msgGetTotalYesterdayMorning", String.valueOf(bc.getBrokerStats().msgGetTotalYesterdayMorning()));
        t.put("msgGetTotalTodayMorning", String.valueOf(bc.getBrokerStats().msgGetTotalTodayMorning()));
        t.put("msgGetTotalTodayNow", String.valueOf(bc.getBrokerStats().msgGetTotalTodayNow()));
        queueInfo(t, "sendThreadPoolQueue", "SendMessageThread_", bc.getBrokerConfig().getSendThreadPoolQueueCapacity());
        queueInfo(t, "pullThreadPoolQueue", "PullMessageThread_", bc.getBrokerConfig().getPullThreadPoolQueueCapacity());
        queueInfo(t, "queryThreadPoolQueue", "QueryMessageThread_", bc.getBrokerConfig().getQueryThreadPoolQueueCapacity());
        t.put("EndTransactionQueueSize", "0");
        t.put("EndTransactionThreadPoolQueueCapacity", String.valueOf(bc.getBrokerConfig().getEndTransactionPoolQueueCapacity()));
        t.put("dispatchBehindBytes", String.valueOf(store().dispatchBehindBytes()));
        t.put("pageCacheLockTimeMills", String.valueOf(store().lockTimeMills()));
        t.put("sendThreadPoolQueueHeadWaitTimeMills", Long.toString(io.apogee.broker.SendQueueClock.headWaitTimeMills()));
        t.put("pullThreadPoolQueueHeadWaitTimeMills", "0");
        t.put("queryThreadPoolQueueHeadWaitTimeMills", "0");
        t.put("earliestMessageTimeStamp", String.valueOf(store().getEarliestMessageTime()));
        t.put("startAcceptSendRequestTimeStamp", String.valueOf(bc.getBrokerConfig().getStartAcceptSendRequestTimeStamp()));
        io.apogee.store.config.MessageStoreConfig storeConfig = bc.getMessageStoreConfig();
        // without a transient store pool RocketMQ reports Integer.MAX_VALUE buffers and no commit backlog
        t.put("remainTransientStoreBufferNumbs", String.valueOf(Integer.MAX_VALUE));
        if (storeConfig.isTransientStorePoolEnable()) {
            t.put("remainHowManyDataToCommit", humanReadableBytes(0));
        }
        t.put("remainHowManyDataToFlush", humanReadableBytes(store() instanceof DefaultMessageStore d
            ? d.getCommitLog().remainHowManyDataToFlush() : 0L));
        java.io.File commitLogDir = new java.io.File(storeConfig.getStorePathCommitLog());
        t.put("commitLogDirCapacity", String.format("Total : %s, Free : %s.", humanReadableBytes(commitLogDir.getTotalSpace()),
            humanReadableBytes(commitLogDir.getFreeSpace())));
        String ratio = t.get("commitLogDiskRatio");
        if (ratio != null) {
            t.put("commitLogDiskRatio_" + storeConfig.getStorePathCommitLog(), ratio);
        }
        t.put("putTps", bc.getBrokerStats().putTps());
        t.put("getTransferedTps", bc.getBrokerStats().getTransferedTps());
        for (Map.Entry<Integer, String> e : bc.getScheduleMessageService().runtimeOffsets().entrySet()) {
            t.put("scheduleMessageOffset_" + e.getKey(), e.getValue());
        }
        replicationInfo(t);
        KVTable kv = new KVTable();
        kv.setTable(t);
        return body(kv);
    }

    /**
     * Apogee's own keys (RocketMQ 4.9 only logs the lag): on a master the bytes its slaves still miss and how many
     * are connected, on a slave the HA address it replicates from, so brokerStatus and clusterList show the lag.
     */
    private void replicationInfo(Map<String, String> t) {
        if (!(store() instanceof DefaultMessageStore d)) {
            return;
        }
        HAService ha = d.getHaService();
        if (ha != null) {
            t.put("haConnectionCount", String.valueOf(ha.connectionCount()));
            t.put("slaveFallBehindMuch", String.valueOf(d.slaveFallBehindMuch()));
        }
        HAClient client = d.getHaClient();
        if (client != null) {
            String master = client.getMasterAddress();
            t.put("haMasterAddress", master == null ? "" : master);
            t.put("haMasterConnected", String.valueOf(client.isConnected()));
        }
    }

    /** Binary-unit size as RocketMQ's admin output shows it: "512 B", "1.5 KiB", "78.5 GiB". */
    static String humanReadableBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int exp = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %siB", bytes / Math.pow(1024, exp), "KMGTPE".charAt(exp - 1));
    }

    private void queueInfo(Map<String, String> t, String prefix, String pool, int capacity) {
        int size = 0;
        if (bc.getExecutors().get(pool) instanceof ThreadPoolExecutor tpe) {
            size = tpe.getQueue().size();
        }
        t.put(prefix + "Size", String.valueOf(size));
        t.put(prefix + "Capacity", String.valueOf(capacity));
    }

    private RemotingCommand lockBatchMQ(RemotingCommand request) {
        LockBatchRequestBody body = RemotingSerializable.decode(request.getBody(), LockBatchRequestBody.class);
        if (body == null) {
            return error(ResponseCode.SYSTEM_ERROR, "lock request body is missing");
        }
        Set<MessageQueue> locked = bc.getRebalanceLockManager().tryLockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
        LockBatchResponseBody out = new LockBatchResponseBody();
        out.setLockOKMQSet(locked);
        return body(out);
    }

    private RemotingCommand unlockBatchMQ(RemotingCommand request) {
        UnlockBatchRequestBody body = RemotingSerializable.decode(request.getBody(), UnlockBatchRequestBody.class);
        if (body != null) {
            bc.getRebalanceLockManager().unlockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
        }
        return ok();
    }

    private RemotingCommand updateAndCreateSubscriptionGroup(RemotingCommand request) {
        if (isSlave()) {
            return error(ResponseCode.SYSTEM_ERROR, SLAVE_REMARK);
        }
        SubscriptionGroupConfig config = RemotingSerializable.decode(request.getBody(), SubscriptionGroupConfig.class);
        if (config == null || config.getGroupName() == null) {
            return error(ResponseCode.SYSTEM_ERROR, "subscription group config body is missing");
        }
        bc.getSubscriptionGroupManager().updateSubscriptionGroupConfig(config);
        return ok();
    }

    private RemotingCommand deleteSubscriptionGroup(RemotingCommand request) throws RemotingCommandException {
        DeleteSubscriptionGroupRequestHeader h = request.decodeCommandCustomHeader(DeleteSubscriptionGroupRequestHeader.class);
        if (isSlave()) {
            return error(ResponseCode.SYSTEM_ERROR, SLAVE_REMARK);
        }
        bc.getSubscriptionGroupManager().deleteSubscriptionGroupConfig(h.getGroupName());
        if (h.isRemoveOffset()) {
            bc.getConsumerOffsetManager().removeOffset(h.getGroupName());
        }
        return ok();
    }

    private RemotingCommand getTopicStatsInfo(RemotingCommand request) throws RemotingCommandException {
        GetTopicStatsInfoRequestHeader h = request.decodeCommandCustomHeader(GetTopicStatsInfoRequestHeader.class);
        TopicConfig tc = bc.getTopicConfigManager().selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.getTopic() + "] not exist");
        }
        TopicStatsTable table = new TopicStatsTable();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            MessageQueue mq = new MessageQueue(h.getTopic(), bc.getBrokerConfig().getBrokerName(), i);
            TopicOffset to = new TopicOffset();
            long min = Math.max(0, store().getMinOffsetInQueue(h.getTopic(), i));
            long max = Math.max(0, store().getMaxOffsetInQueue(h.getTopic(), i));
            to.setMinOffset(min);
            to.setMaxOffset(max);
            to.setLastUpdateTimestamp(max > 0 ? store().getMessageStoreTimeStamp(h.getTopic(), i, max - 1) : 0);
            table.getOffsetTable().put(mq, to);
        }
        return body(table);
    }

    private RemotingCommand getConsumerConnectionList(RemotingCommand request) throws RemotingCommandException {
        GetConsumerConnectionListRequestHeader h = request.decodeCommandCustomHeader(GetConsumerConnectionListRequestHeader.class);
        ConsumerGroupInfo cgi = bc.getConsumerManager().getConsumerGroupInfo(h.getConsumerGroup());
        if (cgi == null) {
            return error(ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[" + h.getConsumerGroup() + "] not online");
        }
        ConsumerConnection cc = new ConsumerConnection();
        cc.setConsumeType(cgi.getConsumeType());
        cc.setMessageModel(cgi.getMessageModel());
        cc.setConsumeFromWhere(cgi.getConsumeFromWhere());
        cc.getSubscriptionTable().putAll(cgi.getSubscriptionTable());
        for (ClientChannelInfo info : cgi.getChannelInfoTable().values()) {
            cc.getConnectionSet().add(connection(info));
        }
        return body(cc);
    }

    private static Connection connection(ClientChannelInfo info) {
        Connection c = new Connection();
        c.setClientId(info.getClientId());
        c.setLanguage(info.getLanguage() == null ? "JAVA" : info.getLanguage().name());
        c.setVersion(info.getVersion());
        c.setClientAddr(RemotingHelper.parseChannelRemoteAddr(info.getChannel()));
        return c;
    }

    private RemotingCommand getProducerConnectionList(RemotingCommand request) throws RemotingCommandException {
        GetProducerConnectionListRequestHeader h = request.decodeCommandCustomHeader(GetProducerConnectionListRequestHeader.class);
        Map<Channel, ClientChannelInfo> channels = bc.getProducerManager().getGroupChannelTable().get(h.getProducerGroup());
        if (channels == null || channels.isEmpty()) {
            return error(ResponseCode.SYSTEM_ERROR, "the producer group[" + h.getProducerGroup() + "] not exist");
        }
        ProducerConnection pc = new ProducerConnection();
        for (ClientChannelInfo info : channels.values()) {
            pc.getConnectionSet().add(connection(info));
        }
        return body(pc);
    }

    private ConsumeStats consumeStats(String group, String topic, ConsumeStats into) {
        TopicConfig tc = bc.getTopicConfigManager().selectTopicConfig(topic);
        if (tc == null) {
            return into;
        }
        for (int i = 0; i < tc.getReadQueueNums(); i++) {
            MessageQueue mq = new MessageQueue(topic, bc.getBrokerConfig().getBrokerName(), i);
            OffsetWrapper ow = new OffsetWrapper();
            long brokerOffset = Math.max(0, store().getMaxOffsetInQueue(topic, i));
            long consumerOffset = Math.max(0, bc.getConsumerOffsetManager().queryOffset(group, topic, i));
            ow.setBrokerOffset(brokerOffset);
            ow.setConsumerOffset(consumerOffset);
            ow.setLastTimestamp(consumerOffset > 0 ? store().getMessageStoreTimeStamp(topic, i, consumerOffset - 1) : 0);
            into.getOffsetTable().put(mq, ow);
        }
        into.setConsumeTps(into.getConsumeTps() + bc.getBrokerStats().consumeTps(group, topic));
        return into;
    }

    private RemotingCommand getConsumeStats(RemotingCommand request) throws RemotingCommandException {
        GetConsumeStatsRequestHeader h = request.decodeCommandCustomHeader(GetConsumeStatsRequestHeader.class);
        Set<String> topics = new HashSet<>();
        if (h.getTopic() == null || h.getTopic().isBlank()) {
            topics.addAll(bc.getConsumerOffsetManager().whichTopicByConsumer(h.getConsumerGroup()));
        } else {
            topics.add(h.getTopic());
        }
        ConsumeStats stats = new ConsumeStats();
        ConsumerGroupInfo cgi = bc.getConsumerManager().getConsumerGroupInfo(h.getConsumerGroup());
        for (String topic : topics) {
            if (cgi != null && !cgi.getSubscriptionTable().isEmpty() && cgi.findSubscriptionData(topic) == null) {
                continue;
            }
            consumeStats(h.getConsumerGroup(), topic, stats);
        }
        return body(stats);
    }

    private RemotingCommand resetOffset(RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader h = request.decodeCommandCustomHeader(ResetOffsetRequestHeader.class);
        TopicConfig tc = bc.getTopicConfigManager().selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(ResponseCode.SYSTEM_ERROR, "[reset-offset] reset offset failed, no topic in this broker. topic=" + h.getTopic());
        }
        Map<MessageQueue, Long> offsets = new HashMap<>();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            long consumerOffset = bc.getConsumerOffsetManager().queryOffset(h.getGroup(), h.getTopic(), i);
            if (consumerOffset == -1) {
                return error(ResponseCode.SYSTEM_ERROR, String.format("THe consumer group <%s> not exist", h.getGroup()));
            }
            long target = h.getTimestamp() == -1 ? store().getMaxOffsetInQueue(h.getTopic(), i)
                : store().getOffsetInQueueByTime(h.getTopic(), i, h.getTimestamp());
            if (target < 0) {
                target = 0;
            }
            offsets.put(new MessageQueue(h.getTopic(), bc.getBrokerConfig().getBrokerName(), i),
                h.isIsForce() || target < consumerOffset ? target : consumerOffset);
        }
        ConsumerGroupInfo cgi = bc.getConsumerManager().getConsumerGroupInfo(h.getGroup());
        if (cgi == null || cgi.getAllChannel().isEmpty()) {
            return error(ResponseCode.CONSUMER_NOT_ONLINE, String.format(
                "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d", h.getGroup(), h.getTopic(), h.getTimestamp()));
        }
        ResetOffsetBody body = new ResetOffsetBody();
        body.setOffsetTable(offsets);
        for (Channel ch : cgi.getAllChannel()) {
            try {
                RemotingCommand toClient = RemotingCommand.createRequestCommand(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, h);
                toClient.setBody(body.encode());
                bc.getRemotingServer().invokeOneway(ch, toClient, 5000);
            } catch (Exception e) {
                log.warn("[reset-offset] notify {} failed: {}", RemotingHelper.parseChannelRemoteAddr(ch), e.toString());
            }
        }
        return body(body);
    }

    private RemotingCommand getConsumerStatus(RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader h = request.decodeCommandCustomHeader(GetConsumerStatusRequestHeader.class);
        GetConsumerStatusBody out = new GetConsumerStatusBody();
        ConsumerGroupInfo cgi = bc.getConsumerManager().getConsumerGroupInfo(h.getGroup());
        if (cgi == null) {
            return error(ResponseCode.SYSTEM_ERROR, "No Any Consumer online in the consumer group: [" + h.getGroup() + "]");
        }
        for (ClientChannelInfo info : cgi.getChannelInfoTable().values()) {
            String addr = RemotingHelper.parseChannelRemoteAddr(info.getChannel());
            if (h.getClientAddr() != null && !h.getClientAddr().isBlank() && !h.getClientAddr().equals(addr)) {
                continue;
            }
            try {
                RemotingCommand toClient = RemotingCommand.createRequestCommand(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, h);
                RemotingCommand resp = bc.getRemotingServer().invokeSync(info.getChannel(), toClient, 5000);
                if (resp != null && resp.getCode() == ResponseCode.SUCCESS && resp.getBody() != null) {
                    GetConsumerStatusBody b = RemotingSerializable.decode(resp.getBody(), GetConsumerStatusBody.class);
                    out.getConsumerTable().put(info.getClientId(), b.getMessageQueueTable());
                }
            } catch (Exception e) {
                log.warn("get consumer status from {} failed: {}", addr, e.toString());
            }
        }
        return body(out);
    }

    private RemotingCommand queryTopicConsumeByWho(RemotingCommand request) throws RemotingCommandException {
        QueryTopicConsumeByWhoRequestHeader h = request.decodeCommandCustomHeader(QueryTopicConsumeByWhoRequestHeader.class);
        GroupList gl = new GroupList();
        gl.getGroupList().addAll(bc.getConsumerManager().queryTopicConsumeByWho(h.getTopic()));
        gl.getGroupList().addAll(bc.getConsumerOffsetManager().whichGroupByTopic(h.getTopic()));
        return body(gl);
    }

    private RemotingCommand queryConsumeTimeSpan(RemotingCommand request) throws RemotingCommandException {
        QueryConsumeTimeSpanRequestHeader h = request.decodeCommandCustomHeader(QueryConsumeTimeSpanRequestHeader.class);
        TopicConfig tc = bc.getTopicConfigManager().selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.getTopic() + "] not exist");
        }
        List<QueueTimeSpan> spans = new ArrayList<>();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            QueueTimeSpan s = new QueueTimeSpan();
            s.setMessageQueue(new MessageQueue(h.getTopic(), bc.getBrokerConfig().getBrokerName(), i));
            s.setMinTimeStamp(store().getEarliestMessageTime(h.getTopic(), i));
            long max = store().getMaxOffsetInQueue(h.getTopic(), i);
            s.setMaxTimeStamp(max > 0 ? store().getMessageStoreTimeStamp(h.getTopic(), i, max - 1) : 0);
            long consumerOffset = bc.getConsumerOffsetManager().queryOffset(h.getGroup(), h.getTopic(), i);
            s.setConsumeTimeStamp(consumerOffset > 0 ? store().getMessageStoreTimeStamp(h.getTopic(), i, consumerOffset - 1) : 0);
            long next = consumerOffset >= 0 && consumerOffset < max ? store().getMessageStoreTimeStamp(h.getTopic(), i, consumerOffset) : 0;
            s.setDelayTime(next > 0 ? System.currentTimeMillis() - next : 0);
            spans.add(s);
        }
        QueryConsumeTimeSpanBody body = new QueryConsumeTimeSpanBody();
        body.setConsumeTimeSpanSet(spans);
        return body(body);
    }

    private RemotingCommand getSystemTopicList() {
        TopicList tl = new TopicList();
        Set<String> topics = new HashSet<>();
        for (String t : bc.getTopicConfigManager().getTopicConfigTable().keySet()) {
            if (TopicValidator.isSystemTopic(t)) {
                topics.add(t);
            }
        }
        tl.setTopicList(topics);
        return body(tl);
    }

    private RemotingCommand relayToConsumer(RemotingCommand request, boolean directly) throws Exception {
        String group;
        String clientId;
        if (directly) {
            Map<String, String> ext = request.getExtFields();
            group = ext == null ? null : ext.get("consumerGroup");
            clientId = ext == null ? null : ext.get("clientId");
            if (group == null) {
                throw new RemotingCommandException("the custom field <consumerGroup> is null");
            }
            request.addExtField("brokerName", bc.getBrokerConfig().getBrokerName());
        } else {
            GetConsumerRunningInfoRequestHeader h = request.decodeCommandCustomHeader(GetConsumerRunningInfoRequestHeader.class);
            group = h.getConsumerGroup();
            clientId = h.getClientId();
        }
        ClientChannelInfo info = bc.getConsumerManager().findChannel(group, clientId);
        if (info == null) {
            return error(ResponseCode.SYSTEM_ERROR, String.format("The Consumer <%s> <%s> not online", group, clientId));
        }
        RemotingCommand toClient = RemotingCommand.createRequestCommand(request.getCode(), null);
        toClient.setExtFields(request.getExtFields());
        if (directly) {
            String msgId = request.getExtFields().get("msgId");
            try {
                long offset = io.apogee.common.message.MessageDecoder.decodeMessageId(msgId).getOffset();
                SelectMappedBufferResult sel = store().selectOneMessageByOffset(offset);
                if (sel != null) {
                    try {
                        ByteBuffer d = sel.getByteBuffer().duplicate();
                        byte[] b = new byte[sel.getSize()];
                        d.get(b);
                        toClient.setBody(b);
                    } finally {
                        sel.release();
                    }
                }
            } catch (Exception e) {
                return error(ResponseCode.SYSTEM_ERROR, "cannot load message " + msgId + ": " + e.getMessage());
            }
        }
        try {
            return bc.getRemotingServer().invokeSync(info.getChannel(), toClient, 10_000);
        } catch (RemotingTimeoutException e) {
            return error(ResponseCode.CONSUME_MSG_TIMEOUT, String.format("consumer <%s> <%s> Timeout: %s", group, clientId, e.getMessage()));
        } catch (Exception e) {
            return error(ResponseCode.SYSTEM_ERROR, String.format("invoke consumer <%s> <%s> Exception: %s", group, clientId, e.getMessage()));
        }
    }

    private RemotingCommand cloneGroupOffset(RemotingCommand request) throws RemotingCommandException {
        CloneGroupOffsetRequestHeader h = request.decodeCommandCustomHeader(CloneGroupOffsetRequestHeader.class);
        Set<String> topics = new HashSet<>();
        if (h.getTopic() == null || h.getTopic().isBlank()) {
            topics.addAll(bc.getConsumerOffsetManager().whichTopicByConsumer(h.getSrcGroup()));
        } else {
            topics.add(h.getTopic());
        }
        for (String t : topics) {
            bc.getConsumerOffsetManager().cloneOffset(h.getSrcGroup(), h.getDestGroup(), t);
        }
        return ok();
    }

    private RemotingCommand viewBrokerStatsData(RemotingCommand request) throws RemotingCommandException {
        ViewBrokerStatsDataRequestHeader h = request.decodeCommandCustomHeader(ViewBrokerStatsDataRequestHeader.class);
        BrokerStatsData data = bc.getBrokerStats().statsData(h.getStatsName(), h.getStatsKey());
        if (data == null) {
            return error(ResponseCode.SYSTEM_ERROR, String.format("The stats <%s> <%s> not exist", h.getStatsName(), h.getStatsKey()));
        }
        return body(data);
    }

    private RemotingCommand fetchAllConsumeStatsInBroker(RemotingCommand request) throws RemotingCommandException {
        GetConsumeStatsInBrokerHeader h = request.decodeCommandCustomHeader(GetConsumeStatsInBrokerHeader.class);
        ConsumeStatsList list = new ConsumeStatsList();
        long totalDiff = 0;
        for (String group : bc.getSubscriptionGroupManager().table().keySet()) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String topic : bc.getConsumerOffsetManager().whichTopicByConsumer(group)) {
                TopicConfig tc = bc.getTopicConfigManager().selectTopicConfig(topic);
                if (tc == null || (h.isIsOrder() && !tc.isOrder())) {
                    continue;
                }
                SubscriptionData sub = bc.getConsumerManager().findSubscriptionData(group, topic);
                ConsumerGroupInfo cgi = bc.getConsumerManager().getConsumerGroupInfo(group);
                if (sub == null && cgi != null && !cgi.getSubscriptionTable().isEmpty()) {
                    continue;
                }
                ConsumeStats cs = consumeStats(group, topic, new ConsumeStats());
                for (OffsetWrapper ow : cs.getOffsetTable().values()) {
                    totalDiff += ow.getBrokerOffset() - ow.getConsumerOffset();
                }
                perTopic.add(cs);
            }
            if (!perTopic.isEmpty()) {
                Map<String, List<ConsumeStats>> m = new HashMap<>();
                m.put(group, perTopic);
                list.getConsumeStatsList().add(m);
            }
        }
        list.setBrokerAddr(bc.getBrokerAddr());
        list.setTotalDiff(totalDiff);
        return body(list);
    }

    private RemotingCommand queryConsumeQueue(RemotingCommand request) throws RemotingCommandException {
        QueryConsumeQueueRequestHeader h = request.decodeCommandCustomHeader(QueryConsumeQueueRequestHeader.class);
        ConsumeQueue cq = store().getConsumeQueue(h.getTopic(), h.getQueueId());
        if (cq == null) {
            return error(ResponseCode.SYSTEM_ERROR, String.format("%d@%s is not exist!", h.getQueueId(), h.getTopic()));
        }
        QueryConsumeQueueResponseBody body = new QueryConsumeQueueResponseBody();
        body.setMaxQueueIndex(cq.getMaxOffsetInQueue());
        body.setMinQueueIndex(cq.getMinOffsetInQueue());
        if (h.getConsumerGroup() != null) {
            body.setSubscriptionData(bc.getConsumerManager().findSubscriptionData(h.getConsumerGroup(), h.getTopic()));
        }
        List<ConsumeQueueData> data = new ArrayList<>();
        SelectMappedBufferResult units = cq.getIndexBuffer(h.getIndex());
        if (units == null) {
            return error(ResponseCode.SYSTEM_ERROR, "Index " + h.getIndex() + " of " + h.getQueueId() + "@" + h.getTopic() + " is not exist!");
        }
        try {
            ByteBuffer bb = units.getByteBuffer();
            for (int i = 0; i < h.getCount() && bb.remaining() >= ConsumeQueue.CQ_STORE_UNIT_SIZE; i++) {
                ConsumeQueueData d = new ConsumeQueueData();
                d.setPhysicOffset(bb.getLong());
                d.setPhysicSize(bb.getInt());
                d.setTagsCode(bb.getLong());
                data.add(d);
            }
        } finally {
            units.release();
        }
        body.setQueueData(data);
        return body(body);
    }
}
