package io.apogee.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.DataVersion;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.constant.PermName;
import io.apogee.common.constant.TopicSysFlag;
import io.apogee.common.namesrv.RegisterBrokerResult;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.body.TopicList;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.netty.channel.Channel;

/**
 * The namesrv's routing tables: which brokers exist (by name, cluster and address), when each last
 * registered, and which broker names hold queues of each topic.
 *
 * <p>Locking. Broker membership ({@link #brokerAddrTable}, {@link #clusterAddrTable}, {@link #brokerLiveTable},
 * {@link #filterServerTable}) is guarded by {@link #lock}; its writers touch a handful of entries and hold the
 * write lock for microseconds. The topic table can be huge (a broker may register 100,000 topics at once), so it
 * is kept out of that lock: it is a {@link ConcurrentHashMap} whose per-topic values are immutable maps replaced
 * whole (copy-on-write). Readers never lock it; its writers are serialised by {@link #topicWriteLock}, which
 * readers never take. A route lookup therefore never waits for a registration's topic phase, however large.
 *
 * <p>Writers that touch both (registration, expiry) change membership first, then topics; a registration
 * re-checks under {@link #topicWriteLock} that its broker is still the live one, so a broker dropped in between
 * cannot leave queue data behind.
 */
public class RouteInfoManager {
    private static final Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock topicWriteLock = new ReentrantLock();

    /** topic -> brokerName -> queues. Values are never mutated, only replaced. */
    private final ConcurrentHashMap<String, Map<String, QueueData>> topicQueueTable = new ConcurrentHashMap<>(1024);
    private final HashMap<String, BrokerData> brokerAddrTable = new HashMap<>(128);
    private final HashMap<String, Set<String>> clusterAddrTable = new HashMap<>(32);
    private final HashMap<String, BrokerLiveInfo> brokerLiveTable = new HashMap<>(256);
    private final HashMap<String, List<String>> filterServerTable = new HashMap<>(256);

    /**
     * Records a broker registration. The body must already be decoded (callers do that outside any lock).
     *
     * @param topicConfigWrapper the broker's topics, may be null; applied only for masters and only when the data
     *                           version changed or the address is new
     */
    public RegisterBrokerResult registerBroker(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                               String haServerAddr, TopicConfigSerializeWrapper topicConfigWrapper,
                                               List<String> filterServerList, Channel channel) {
        RegisterBrokerResult result = new RegisterBrokerResult();
        DataVersion version = new DataVersion();
        if (topicConfigWrapper != null && topicConfigWrapper.getDataVersion() != null) {
            version.assignNewOne(topicConfigWrapper.getDataVersion());
        }
        BrokerLiveInfo liveInfo = new BrokerLiveInfo(System.currentTimeMillis(), version, channel, haServerAddr);
        boolean applyTopics;

        lock.writeLock().lock();
        try {
            clusterAddrTable.computeIfAbsent(clusterName, k -> new HashSet<>()).add(brokerName);

            BrokerData brokerData = brokerAddrTable.get(brokerName);
            if (brokerData == null) {
                brokerData = new BrokerData(clusterName, brokerName, new HashMap<>());
                brokerAddrTable.put(brokerName, brokerData);
            }
            Map<Long, String> addrs = brokerData.getBrokerAddrs();
            // The same address under another id (a slave promoted to master, or the reverse) replaces the old id.
            addrs.entrySet().removeIf(e -> brokerAddr.equals(e.getValue()) && brokerId != e.getKey());
            String oldAddr = addrs.put(brokerId, brokerAddr);
            if (oldAddr != null && !oldAddr.equals(brokerAddr) && brokerId == MixAll.MASTER_ID) {
                log.info("cluster [{}] brokerName [{}] master address change from {} to {}", clusterName, brokerName,
                    oldAddr, brokerAddr);
            }
            boolean registerFirst = oldAddr == null;

            applyTopics = topicConfigWrapper != null && brokerId == MixAll.MASTER_ID
                && (registerFirst || isBrokerTopicConfigChangedLocked(brokerAddr, version));

            BrokerLiveInfo prev = brokerLiveTable.put(brokerAddr, liveInfo);
            if (prev == null) {
                log.info("new broker registered, {} HAServer: {}", brokerAddr, haServerAddr);
            }

            if (filterServerList != null) {
                if (filterServerList.isEmpty()) {
                    filterServerTable.remove(brokerAddr);
                } else {
                    filterServerTable.put(brokerAddr, new ArrayList<>(filterServerList));
                }
            }

            if (brokerId != MixAll.MASTER_ID) {
                String masterAddr = addrs.get(MixAll.MASTER_ID);
                if (masterAddr != null) {
                    BrokerLiveInfo master = brokerLiveTable.get(masterAddr);
                    if (master != null) {
                        result.setHaServerAddr(master.getHaServerAddr());
                        result.setMasterAddr(masterAddr);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }

        if (applyTopics) {
            applyTopicConfigs(brokerAddr, brokerName, liveInfo, topicConfigWrapper.getTopicConfigTable().values());
        }
        return result;
    }

    /** Above this many topics in one registration, per-topic INFO lines give way to one summary line. */
    private static final int PER_TOPIC_LOG_LIMIT = 1000;

    private void applyTopicConfigs(String brokerAddr, String brokerName, BrokerLiveInfo liveInfo,
                                   java.util.Collection<TopicConfig> topics) {
        boolean logEach = topics.size() <= PER_TOPIC_LOG_LIMIT;
        int created = 0;
        int changed = 0;
        topicWriteLock.lock();
        try {
            if (!isCurrentLiveInfo(brokerAddr, liveInfo)) {
                // Dropped (or re-registered) since the membership phase: its topics are no longer ours to apply.
                return;
            }
            for (TopicConfig tc : topics) {
                QueueData qd = new QueueData(brokerName, tc.getReadQueueNums(), tc.getWriteQueueNums(), tc.getPerm(),
                    tc.getTopicSysFlag());
                Map<String, QueueData> old = topicQueueTable.get(tc.getTopicName());
                if (old == null) {
                    topicQueueTable.put(tc.getTopicName(), Collections.singletonMap(brokerName, qd));
                    created++;
                    if (logEach) {
                        log.info("new topic registered, {} {}", tc.getTopicName(), qd);
                    }
                    continue;
                }
                QueueData existing = old.get(brokerName);
                if (qd.equals(existing)) {
                    continue;
                }
                changed++;
                if (existing != null && logEach) {
                    log.info("topic changed, {} OLD: {} NEW: {}", tc.getTopicName(), existing, qd);
                }
                Map<String, QueueData> next = new HashMap<>(old);
                next.put(brokerName, qd);
                topicQueueTable.put(tc.getTopicName(), Collections.unmodifiableMap(next));
            }
        } finally {
            topicWriteLock.unlock();
        }
        if (!logEach) {
            log.info("broker {} ({}) registered {} topics: {} new, {} changed", brokerName, brokerAddr, topics.size(),
                created, changed);
        }
    }

    private boolean isCurrentLiveInfo(String brokerAddr, BrokerLiveInfo liveInfo) {
        lock.readLock().lock();
        try {
            return brokerLiveTable.get(brokerAddr) == liveInfo;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isBrokerTopicConfigChanged(String brokerAddr, DataVersion dataVersion) {
        lock.readLock().lock();
        try {
            return isBrokerTopicConfigChangedLocked(brokerAddr, dataVersion);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean isBrokerTopicConfigChangedLocked(String brokerAddr, DataVersion dataVersion) {
        BrokerLiveInfo prev = brokerLiveTable.get(brokerAddr);
        return prev == null || !prev.getDataVersion().equals(dataVersion);
    }

    /** The data version the broker last registered with, or null if unknown. */
    public DataVersion queryBrokerTopicConfig(String brokerAddr) {
        lock.readLock().lock();
        try {
            BrokerLiveInfo info = brokerLiveTable.get(brokerAddr);
            return info == null ? null : info.getDataVersion();
        } finally {
            lock.readLock().unlock();
        }
    }

    public void updateBrokerInfoUpdateTimestamp(String brokerAddr, long timestamp) {
        lock.readLock().lock();
        try {
            BrokerLiveInfo info = brokerLiveTable.get(brokerAddr);
            if (info != null) {
                info.setLastUpdateTimestamp(timestamp);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public void unregisterBroker(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        String removedName = null;
        lock.writeLock().lock();
        try {
            BrokerLiveInfo live = brokerLiveTable.remove(brokerAddr);
            log.info("unregisterBroker, remove from brokerLiveTable {}, {}", live != null ? "OK" : "Failed", brokerAddr);
            filterServerTable.remove(brokerAddr);

            BrokerData brokerData = brokerAddrTable.get(brokerName);
            if (brokerData != null) {
                String addr = brokerData.getBrokerAddrs().remove(brokerId);
                log.info("unregisterBroker, remove addr from brokerAddrTable {}, {}", addr != null ? "OK" : "Failed",
                    brokerAddr);
                if (brokerData.getBrokerAddrs().isEmpty()) {
                    brokerAddrTable.remove(brokerName);
                    removedName = brokerName;
                    log.info("unregisterBroker, remove name from brokerAddrTable OK, {}", brokerName);
                }
            }
            if (removedName != null) {
                Set<String> names = clusterAddrTable.get(clusterName);
                if (names != null) {
                    names.remove(brokerName);
                    log.info("unregisterBroker, remove name from clusterAddrTable {}, {}", clusterName, brokerName);
                    if (names.isEmpty()) {
                        clusterAddrTable.remove(clusterName);
                        log.info("unregisterBroker, remove cluster from clusterAddrTable {}", clusterName);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (removedName != null) {
            removeTopicsOfBrokerNames(Set.of(removedName));
        }
    }

    /**
     * The route of a topic, or null if no broker holds it (no queue data, or none of its brokers is known).
     * Never blocks behind a registration's topic phase; holds the read lock only to copy broker entries.
     */
    public TopicRouteData pickupTopicRouteData(String topic) {
        Map<String, QueueData> queues = topicQueueTable.get(topic);
        if (queues == null || queues.isEmpty()) {
            return null;
        }
        TopicRouteData route = new TopicRouteData();
        List<QueueData> queueDatas = new ArrayList<>(queues.size());
        queues.values().forEach(q -> queueDatas.add(q.copy()));
        route.setQueueDatas(queueDatas);
        List<BrokerData> brokerDatas = new ArrayList<>(queues.size());
        HashMap<String, List<String>> filters = new HashMap<>();
        lock.readLock().lock();
        try {
            for (String brokerName : queues.keySet()) {
                BrokerData bd = brokerAddrTable.get(brokerName);
                if (bd == null) {
                    continue;
                }
                BrokerData copy = bd.copy();
                brokerDatas.add(copy);
                for (String addr : copy.getBrokerAddrs().values()) {
                    List<String> fs = filterServerTable.get(addr);
                    if (fs != null) {
                        filters.put(addr, new ArrayList<>(fs));
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        if (brokerDatas.isEmpty()) {
            return null;
        }
        route.setBrokerDatas(brokerDatas);
        route.setFilterServerTable(filters);
        return route;
    }

    public ClusterInfo getAllClusterInfo() {
        ClusterInfo info = new ClusterInfo();
        HashMap<String, BrokerData> brokers = new HashMap<>();
        HashMap<String, Set<String>> clusters = new HashMap<>();
        lock.readLock().lock();
        try {
            brokerAddrTable.forEach((name, bd) -> brokers.put(name, bd.copy()));
            clusterAddrTable.forEach((name, set) -> clusters.put(name, new HashSet<>(set)));
        } finally {
            lock.readLock().unlock();
        }
        info.setBrokerAddrTable(brokers);
        info.setClusterAddrTable(clusters);
        return info;
    }

    public TopicList getAllTopicList() {
        TopicList list = new TopicList();
        list.getTopicList().addAll(topicQueueTable.keySet());
        return list;
    }

    /** Topics with queues on at least one broker of the cluster. */
    public TopicList getTopicsByCluster(String cluster) {
        Set<String> names = brokerNamesOfCluster(cluster);
        TopicList list = new TopicList();
        if (names.isEmpty()) {
            return list;
        }
        for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
            for (String brokerName : e.getValue().keySet()) {
                if (names.contains(brokerName)) {
                    list.getTopicList().add(e.getKey());
                    break;
                }
            }
        }
        return list;
    }

    /** Cluster names and broker names (the broker-side system topics), plus one broker address to ask for more. */
    public TopicList getSystemTopicList() {
        TopicList list = new TopicList();
        lock.readLock().lock();
        try {
            for (Map.Entry<String, Set<String>> e : clusterAddrTable.entrySet()) {
                list.getTopicList().add(e.getKey());
                list.getTopicList().addAll(e.getValue());
            }
            for (BrokerData bd : brokerAddrTable.values()) {
                Iterator<String> it = bd.getBrokerAddrs().values().iterator();
                if (it.hasNext()) {
                    list.setBrokerAddr(it.next());
                    break;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return list;
    }

    public TopicList getUnitTopics() {
        return topicsBySysFlag(f -> TopicSysFlag.hasUnitFlag(f));
    }

    public TopicList getHasUnitSubTopicList() {
        return topicsBySysFlag(f -> TopicSysFlag.hasUnitSubFlag(f));
    }

    public TopicList getHasUnitSubUnUnitTopicList() {
        return topicsBySysFlag(f -> !TopicSysFlag.hasUnitFlag(f) && TopicSysFlag.hasUnitSubFlag(f));
    }

    private TopicList topicsBySysFlag(IntPredicate match) {
        TopicList list = new TopicList();
        for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
            Iterator<QueueData> it = e.getValue().values().iterator();
            if (it.hasNext() && match.test(it.next().getTopicSysFlag())) {
                list.getTopicList().add(e.getKey());
            }
        }
        return list;
    }

    /** Removes PERM_WRITE from every queue entry of the broker name; returns how many entries it changed. */
    public int wipeWritePermOfBrokerByLock(String brokerName) {
        return operateWritePerm(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    /** Makes every queue entry of the broker name read-write; returns how many entries it touched. */
    public int addWritePermOfBrokerByLock(String brokerName) {
        return operateWritePerm(brokerName, perm -> PermName.PERM_READ | PermName.PERM_WRITE);
    }

    private int operateWritePerm(String brokerName, java.util.function.IntUnaryOperator change) {
        int count = 0;
        topicWriteLock.lock();
        try {
            for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
                QueueData qd = e.getValue().get(brokerName);
                if (qd == null) {
                    continue;
                }
                QueueData changed = qd.copy();
                changed.setPerm(change.applyAsInt(qd.getPerm()));
                Map<String, QueueData> next = new HashMap<>(e.getValue());
                next.put(brokerName, changed);
                topicQueueTable.put(e.getKey(), Collections.unmodifiableMap(next));
                count++;
            }
        } finally {
            topicWriteLock.unlock();
        }
        return count;
    }

    public void deleteTopic(String topic) {
        topicWriteLock.lock();
        try {
            topicQueueTable.remove(topic);
            log.info("deleteTopic, remove the topic all queue {}", topic);
        } finally {
            topicWriteLock.unlock();
        }
    }

    /** Removes the topic's queues on the brokers of one cluster only. */
    public void deleteTopic(String topic, String clusterName) {
        Set<String> names = brokerNamesOfCluster(clusterName);
        topicWriteLock.lock();
        try {
            Map<String, QueueData> old = topicQueueTable.get(topic);
            if (old == null) {
                return;
            }
            Map<String, QueueData> next = new HashMap<>(old);
            next.keySet().removeAll(names);
            if (next.isEmpty()) {
                topicQueueTable.remove(topic);
            } else {
                topicQueueTable.put(topic, Collections.unmodifiableMap(next));
            }
            log.info("deleteTopic, remove one cluster's topic {} {}", topic, clusterName);
        } finally {
            topicWriteLock.unlock();
        }
    }

    private Set<String> brokerNamesOfCluster(String cluster) {
        lock.readLock().lock();
        try {
            Set<String> names = clusterAddrTable.get(cluster);
            return names == null ? Set.of() : new HashSet<>(names);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops every broker whose last registration is older than {@code expiredMillis}, closing its channel.
     *
     * @return how many brokers were dropped
     */
    public int scanNotActiveBroker(long expiredMillis) {
        long now = System.currentTimeMillis();
        List<Map.Entry<String, BrokerLiveInfo>> expired = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (Map.Entry<String, BrokerLiveInfo> e : brokerLiveTable.entrySet()) {
                if (e.getValue().getLastUpdateTimestamp() + expiredMillis < now) {
                    expired.add(Map.entry(e.getKey(), e.getValue()));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        for (Map.Entry<String, BrokerLiveInfo> e : expired) {
            Channel ch = e.getValue().getChannel();
            log.warn("The broker channel expired, {} {}ms", e.getKey(), expiredMillis);
            if (ch != null) {
                ch.close();
            }
            removeBrokerAddr(e.getKey(), e.getValue());
        }
        return expired.size();
    }

    /**
     * A channel closed (or failed, or idled out): if it carried a broker's registrations, that broker is gone.
     * Connections that never registered a broker are ignored.
     */
    public void onChannelDestroy(String remoteAddr, Channel channel) {
        String brokerAddr = null;
        BrokerLiveInfo info = null;
        if (channel != null) {
            lock.readLock().lock();
            try {
                for (Map.Entry<String, BrokerLiveInfo> e : brokerLiveTable.entrySet()) {
                    if (e.getValue().getChannel() == channel) {
                        brokerAddr = e.getKey();
                        info = e.getValue();
                        break;
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        if (brokerAddr == null) {
            return;
        }
        log.info("the broker's channel destroyed, {}, clean it's data structure at once", brokerAddr);
        removeBrokerAddr(brokerAddr, info);
    }

    /** Removes a broker address if {@code expected} is still its live record (a fresh registration wins). */
    private void removeBrokerAddr(String brokerAddr, BrokerLiveInfo expected) {
        Set<String> removedNames = new HashSet<>();
        lock.writeLock().lock();
        try {
            if (brokerLiveTable.get(brokerAddr) != expected) {
                return;
            }
            brokerLiveTable.remove(brokerAddr);
            filterServerTable.remove(brokerAddr);
            Iterator<Map.Entry<String, BrokerData>> it = brokerAddrTable.entrySet().iterator();
            while (it.hasNext()) {
                BrokerData bd = it.next().getValue();
                if (bd.getBrokerAddrs().values().removeIf(brokerAddr::equals)) {
                    log.info("remove brokerAddr[{}, {}] from brokerAddrTable, because channel destroyed",
                        bd.getBrokerName(), brokerAddr);
                }
                if (bd.getBrokerAddrs().isEmpty()) {
                    it.remove();
                    removedNames.add(bd.getBrokerName());
                    log.info("remove brokerName[{}] from brokerAddrTable, because channel destroyed", bd.getBrokerName());
                }
            }
            Iterator<Map.Entry<String, Set<String>>> cit = clusterAddrTable.entrySet().iterator();
            while (cit.hasNext()) {
                Map.Entry<String, Set<String>> e = cit.next();
                if (e.getValue().removeAll(removedNames)) {
                    log.info("remove brokerName{}, clusterName[{}] from clusterAddrTable, because channel destroyed",
                        removedNames, e.getKey());
                }
                if (e.getValue().isEmpty()) {
                    cit.remove();
                    log.info("remove the clusterName[{}] from clusterAddrTable, because channel destroyed and no "
                        + "broker in this cluster", e.getKey());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (!removedNames.isEmpty()) {
            removeTopicsOfBrokerNames(removedNames);
        }
    }

    private void removeTopicsOfBrokerNames(Set<String> brokerNames) {
        topicWriteLock.lock();
        try {
            for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
                Map<String, QueueData> old = e.getValue();
                boolean affected = false;
                for (String name : brokerNames) {
                    if (old.containsKey(name)) {
                        affected = true;
                        break;
                    }
                }
                if (!affected) {
                    continue;
                }
                Map<String, QueueData> next = new HashMap<>(old);
                next.keySet().removeAll(brokerNames);
                if (next.isEmpty()) {
                    topicQueueTable.remove(e.getKey());
                    log.info("remove topic[{}] all queue, from topicQueueTable, because channel destroyed", e.getKey());
                } else {
                    topicQueueTable.put(e.getKey(), Collections.unmodifiableMap(next));
                }
            }
        } finally {
            topicWriteLock.unlock();
        }
    }

    /** Logs the tables (INFO), as RocketMQ's namesrv does every 10 minutes. */
    public void printAllPeriodically() {
        lock.readLock().lock();
        try {
            log.info("--------------------------------------------------------");
            log.info("topicQueueTable SIZE: {}", topicQueueTable.size());
            log.info("brokerAddrTable SIZE: {}", brokerAddrTable.size());
            brokerAddrTable.forEach((k, v) -> log.info("brokerAddrTable brokerName: {} {}", k, v));
            log.info("brokerLiveTable SIZE: {}", brokerLiveTable.size());
            brokerLiveTable.forEach((k, v) -> log.info("brokerLiveTable brokerAddr: {} {}", k, v));
            log.info("clusterAddrTable SIZE: {}", clusterAddrTable.size());
            clusterAddrTable.forEach((k, v) -> log.info("clusterAddrTable clusterName: {} {}", k, v));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of known broker addresses (for tests and monitoring). */
    public int liveBrokerCount() {
        lock.readLock().lock();
        try {
            return brokerLiveTable.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public int topicCount() {
        return topicQueueTable.size();
    }
}
