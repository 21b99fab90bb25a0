package io.apogee.client.impl.factory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.apogee.client.ClientConfig;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.ClientRemotingProcessor;
import io.apogee.client.impl.FindBrokerResult;
import io.apogee.client.impl.MQClientAPIImpl;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.consumer.MQConsumerInner;
import io.apogee.client.impl.consumer.PullMessageService;
import io.apogee.client.impl.consumer.RebalanceService;
import io.apogee.client.impl.producer.MQProducerInner;
import io.apogee.client.impl.producer.TopicPublishInfo;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.MixAll;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.constant.PermName;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumerData;
import io.apogee.common.protocol.heartbeat.HeartbeatData;
import io.apogee.common.protocol.heartbeat.ProducerData;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.common.topic.TopicValidator;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.netty.NettyClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one client id shares: the connection pool, route cache, heartbeats, offset persistence and
 * rebalancing for all producers and consumers registered under it (DESIGN.md §7).
 */
public class MQClientInstance {
    private static final Logger log = LoggerFactory.getLogger(MQClientInstance.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private enum State { CREATE_JUST, RUNNING, SHUTDOWN_ALREADY }

    private final ClientConfig clientConfig;
    private final int instanceIndex;
    private final String clientId;
    private final long bootTimestamp = System.currentTimeMillis();
    private final ConcurrentMap<String, MQProducerInner> producerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQConsumerInner> consumerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TopicRouteData> topicRouteTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HashMap<Long, String>> brokerAddrTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HashMap<String, Integer>> brokerVersionTable = new ConcurrentHashMap<>();
    private final ReentrantLock lockNamesrv = new ReentrantLock();
    private final ReentrantLock lockHeartbeat = new ReentrantLock();
    private final ScheduledExecutorService scheduledExecutorService =
        Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("MQClientFactoryScheduledThread", true));
    private final MQClientAPIImpl mQClientAPIImpl;
    private final PullMessageService pullMessageService;
    private final RebalanceService rebalanceService;
    private final DefaultMQProducer defaultMQProducer;
    private volatile State serviceState = State.CREATE_JUST;

    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId, RPCHook rpcHook) {
        this.clientConfig = clientConfig;
        this.instanceIndex = instanceIndex;
        this.clientId = clientId;
        NettyClientConfig nettyClientConfig = new NettyClientConfig();
        nettyClientConfig.setClientCallbackExecutorThreads(clientConfig.getClientCallbackExecutorThreads());
        nettyClientConfig.setUseTLS(clientConfig.isUseTLS());
        this.mQClientAPIImpl = new MQClientAPIImpl(nettyClientConfig, clientConfig, rpcHook, new ClientRemotingProcessor(this));
        if (clientConfig.getNamesrvAddr() != null) {
            mQClientAPIImpl.updateNameServerAddressList(clientConfig.getNamesrvAddr());
        }
        this.pullMessageService = new PullMessageService(this);
        this.rebalanceService = new RebalanceService(this);
        this.defaultMQProducer = new DefaultMQProducer(MixAll.CLIENT_INNER_PRODUCER_GROUP);
        this.defaultMQProducer.resetClientConfig(clientConfig);
        log.info("Created a new client Instance, InstanceIndex:{}, ClientID:{}, ClientConfig:{}", instanceIndex, clientId, clientConfig);
    }

    public synchronized void start() throws MQClientException {
        switch (serviceState) {
            case CREATE_JUST:
                serviceState = State.SHUTDOWN_ALREADY;
                if (clientConfig.getNamesrvAddr() == null) {
                    log.warn("no name server address set: setNamesrvAddr, -D{} or ${}", MixAll.NAMESRV_ADDR_PROPERTY,
                        MixAll.NAMESRV_ADDR_ENV);
                }
                mQClientAPIImpl.start();
                startScheduledTasks();
                pullMessageService.start();
                rebalanceService.start();
                defaultMQProducer.getDefaultMQProducerImpl().start(false);
                serviceState = State.RUNNING;
                log.info("the client factory [{}] start OK", clientId);
                break;
            case RUNNING:
                break;
            default:
                throw new MQClientException("The Factory object[" + clientId + "] has been shutdown, can't start again", null);
        }
    }

    private void startScheduledTasks() {
        scheduledExecutorService.scheduleAtFixedRate(guard("updateTopicRouteInfoFromNameServer",
            this::updateTopicRouteInfoFromNameServer), 10, clientConfig.getPollNameServerInterval(), TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(guard("sendHeartbeatToAllBroker", () -> {
            cleanOfflineBroker();
            sendHeartbeatToAllBrokerWithLock();
        }), 1000, clientConfig.getHeartbeatBrokerInterval(), TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(guard("persistAllConsumerOffset", this::persistAllConsumerOffset),
            10_000, clientConfig.getPersistConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
    }

    private static Runnable guard(String what, Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (Throwable t) {
                log.error("ScheduledTask {} exception", what, t);
            }
        };
    }

    /** Shuts down once the last producer and consumer have unregistered. */
    public synchronized void shutdown() {
        if (!consumerTable.isEmpty() || producerTable.size() > 1) {
            return;
        }
        if (serviceState != State.RUNNING) {
            return;
        }
        defaultMQProducer.getDefaultMQProducerImpl().shutdown(false);
        serviceState = State.SHUTDOWN_ALREADY;
        pullMessageService.shutdown(true);
        scheduledExecutorService.shutdownNow();
        mQClientAPIImpl.shutdown();
        rebalanceService.shutdown();
        MQClientManager.getInstance().removeClientFactory(clientId);
        log.info("the client factory [{}] shutdown OK", clientId);
    }

    // ---------------------------------------------------------------- registration

    public synchronized boolean registerProducer(String group, MQProducerInner producer) {
        if (group == null || producer == null) {
            return false;
        }
        return producerTable.putIfAbsent(group, producer) == null;
    }

    public synchronized void unregisterProducer(String group) {
        producerTable.remove(group);
        unregisterClient(group, null);
    }

    public synchronized boolean registerConsumer(String group, MQConsumerInner consumer) {
        if (group == null || consumer == null) {
            return false;
        }
        return consumerTable.putIfAbsent(group, consumer) == null;
    }

    public synchronized void unregisterConsumer(String group) {
        consumerTable.remove(group);
        unregisterClient(null, group);
    }

    private void unregisterClient(String producerGroup, String consumerGroup) {
        for (Map.Entry<String, HashMap<Long, String>> e : brokerAddrTable.entrySet()) {
            for (Map.Entry<Long, String> b : e.getValue().entrySet()) {
                try {
                    mQClientAPIImpl.unregisterClient(b.getValue(), clientId, producerGroup, consumerGroup,
                        clientConfig.getMqClientApiTimeout());
                    log.info("unregister client[Producer: {} Consumer: {}] from broker[{} {} {}] success", producerGroup,
                        consumerGroup, e.getKey(), b.getKey(), b.getValue());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception ex) {
                    log.warn("unregister client from broker {} failed: {}", b.getValue(), ex.toString());
                }
            }
        }
    }

    public MQProducerInner selectProducer(String group) {
        return producerTable.get(group);
    }

    public MQConsumerInner selectConsumer(String group) {
        return consumerTable.get(group);
    }

    // ---------------------------------------------------------------- routes

    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<>();
        for (MQConsumerInner c : consumerTable.values()) {
            for (SubscriptionData sd : c.subscriptions()) {
                topics.add(sd.getTopic());
            }
        }
        for (MQProducerInner p : producerTable.values()) {
            topics.addAll(p.getPublishTopicList());
        }
        for (String topic : topics) {
            updateTopicRouteInfoFromNameServer(topic, false, null);
        }
    }

    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return updateTopicRouteInfoFromNameServer(topic, false, null);
    }

    /**
     * Fetches a topic's route; with {@code isDefault}, the route of TBW102 trimmed to the producer's
     * default queue number stands in for a topic the brokers will auto-create. Returns true if it changed.
     */
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault, DefaultMQProducer producer) {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("updateTopicRouteInfoFromNameServer tryLock timeout {}ms", LOCK_TIMEOUT_MILLIS);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            TopicRouteData route;
            if (isDefault && producer != null) {
                route = mQClientAPIImpl.getTopicRouteInfoFromNameServer(producer.getCreateTopicKey(),
                    clientConfig.getMqClientApiTimeout(), true);
                for (QueueData qd : route.getQueueDatas()) {
                    int n = Math.min(producer.getDefaultTopicQueueNums(), qd.getReadQueueNums());
                    qd.setReadQueueNums(n);
                    qd.setWriteQueueNums(n);
                }
            } else {
                route = mQClientAPIImpl.getTopicRouteInfoFromNameServer(topic, clientConfig.getMqClientApiTimeout(), true);
            }
            TopicRouteData old = topicRouteTable.get(topic);
            boolean changed = old == null || !old.equals(route) || isNeedUpdateTopicRouteInfo(topic);
            if (changed) {
                for (BrokerData bd : route.getBrokerDatas()) {
                    brokerAddrTable.put(bd.getBrokerName(), bd.getBrokerAddrs());
                }
                TopicPublishInfo publishInfo = topicRouteData2TopicPublishInfo(topic, route);
                publishInfo.setHaveTopicRouterInfo(true);
                for (MQProducerInner p : producerTable.values()) {
                    p.updateTopicPublishInfo(topic, publishInfo);
                }
                Set<MessageQueue> subscribeInfo = topicRouteData2TopicSubscribeInfo(topic, route);
                for (MQConsumerInner c : consumerTable.values()) {
                    c.updateTopicSubscribeInfo(topic, subscribeInfo);
                }
                log.info("topicRouteTable.put. Topic = {}, TopicRouteData[{}]", topic, route);
                topicRouteTable.put(topic, route.cloneTopicRouteData());
            }
            return changed;
        } catch (MQClientException e) {
            if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) && !TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC.equals(topic)) {
                log.warn("updateTopicRouteInfoFromNameServer Exception, topic={}: {}", topic, e.getErrorMessage());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("updateTopicRouteInfoFromNameServer Exception, topic={}: {}", topic, e.toString());
            return false;
        } finally {
            lockNamesrv.unlock();
        }
    }

    private boolean isNeedUpdateTopicRouteInfo(String topic) {
        for (MQProducerInner p : producerTable.values()) {
            if (p.isPublishTopicNeedUpdate(topic)) {
                return true;
            }
        }
        for (MQConsumerInner c : consumerTable.values()) {
            if (c.isSubscribeTopicNeedUpdate(topic)) {
                return true;
            }
        }
        return false;
    }

    public static TopicPublishInfo topicRouteData2TopicPublishInfo(String topic, TopicRouteData route) {
        TopicPublishInfo info = new TopicPublishInfo();
        info.setTopicRouteData(route);
        List<MessageQueue> mqs = new ArrayList<>();
        if (route.getOrderTopicConf() != null && !route.getOrderTopicConf().isEmpty()) {
            for (String broker : route.getOrderTopicConf().split(";")) {
                String[] item = broker.split(":");
                int nums = Integer.parseInt(item[1]);
                for (int i = 0; i < nums; i++) {
                    mqs.add(new MessageQueue(topic, item[0], i));
                }
            }
            info.setOrderTopic(true);
        } else {
            List<QueueData> qds = new ArrayList<>(route.getQueueDatas());
            qds.sort(null);
            for (QueueData qd : qds) {
                if (!PermName.isWriteable(qd.getPerm())) {
                    continue;
                }
                BrokerData brokerData = null;
                for (BrokerData bd : route.getBrokerDatas()) {
                    if (bd.getBrokerName().equals(qd.getBrokerName())) {
                        brokerData = bd;
                        break;
                    }
                }
                if (brokerData == null || !brokerData.getBrokerAddrs().containsKey(MixAll.MASTER_ID)) {
                    continue;
                }
                for (int i = 0; i < qd.getWriteQueueNums(); i++) {
                    mqs.add(new MessageQueue(topic, qd.getBrokerName(), i));
                }
            }
            info.setOrderTopic(false);
        }
        info.setMessageQueueList(mqs);
        return info;
    }

    public static Set<MessageQueue> topicRouteData2TopicSubscribeInfo(String topic, TopicRouteData route) {
        Set<MessageQueue> mqs = new HashSet<>();
        for (QueueData qd : route.getQueueDatas()) {
            if (PermName.isReadable(qd.getPerm())) {
                for (int i = 0; i < qd.getReadQueueNums(); i++) {
                    mqs.add(new MessageQueue(topic, qd.getBrokerName(), i));
                }
            }
        }
        return mqs;
    }

    public TopicRouteData getTopicRouteData(String topic) {
        return topicRouteTable.get(topic);
    }

    private void cleanOfflineBroker() {
        Set<String> live = new HashSet<>();
        for (TopicRouteData route : topicRouteTable.values()) {
            for (BrokerData bd : route.getBrokerDatas()) {
                live.addAll(bd.getBrokerAddrs().values());
            }
        }
        for (Map.Entry<String, HashMap<Long, String>> e : brokerAddrTable.entrySet()) {
            HashMap<Long, String> copy = new HashMap<>(e.getValue());
            copy.values().removeIf(addr -> !live.contains(addr));
            if (copy.isEmpty()) {
                brokerAddrTable.remove(e.getKey());
            } else if (copy.size() != e.getValue().size()) {
                brokerAddrTable.put(e.getKey(), copy);
            }
        }
    }

    // ---------------------------------------------------------------- heartbeats

    public void sendHeartbeatToAllBrokerWithLock() {
        if (lockHeartbeat.tryLock()) {
            try {
                sendHeartbeatToAllBroker();
            } finally {
                lockHeartbeat.unlock();
            }
        } else {
            log.debug("lock heartBeat, but failed");
        }
    }

    private void sendHeartbeatToAllBroker() {
        HeartbeatData heartbeatData = prepareHeartbeatData();
        if (heartbeatData.getProducerDataSet().isEmpty() && heartbeatData.getConsumerDataSet().isEmpty()) {
            return;
        }
        boolean noConsumers = heartbeatData.getConsumerDataSet().isEmpty();
        for (Map.Entry<String, HashMap<Long, String>> e : brokerAddrTable.entrySet()) {
            for (Map.Entry<Long, String> b : e.getValue().entrySet()) {
                if (noConsumers && b.getKey() != MixAll.MASTER_ID) {
                    continue;
                }
                try {
                    int version = mQClientAPIImpl.sendHeartbeat(b.getValue(), heartbeatData, clientConfig.getMqClientApiTimeout());
                    brokerVersionTable.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(b.getValue(), version);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception ex) {
                    log.warn("send heart beat to broker[{} {} {}] failed: {}", e.getKey(), b.getKey(), b.getValue(), ex.toString());
                }
            }
        }
    }

    private HeartbeatData prepareHeartbeatData() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(clientId);
        for (MQConsumerInner c : consumerTable.values()) {
            ConsumerData cd = new ConsumerData();
            cd.setGroupName(c.groupName());
            cd.setConsumeType(c.consumeType());
            cd.setMessageModel(c.messageModel());
            cd.setConsumeFromWhere(c.consumeFromWhere());
            cd.getSubscriptionDataSet().addAll(c.subscriptions());
            cd.setUnitMode(c.isUnitMode());
            data.getConsumerDataSet().add(cd);
        }
        for (String group : producerTable.keySet()) {
            ProducerData pd = new ProducerData();
            pd.setGroupName(group);
            data.getProducerDataSet().add(pd);
        }
        return data;
    }

    // ---------------------------------------------------------------- consumers

    public void doRebalance() {
        for (MQConsumerInner c : consumerTable.values()) {
            try {
                c.doRebalance();
            } catch (Throwable t) {
                log.error("doRebalance exception", t);
            }
        }
    }

    public void rebalanceImmediately() {
        rebalanceService.wakeup();
    }

    private void persistAllConsumerOffset() {
        for (MQConsumerInner c : consumerTable.values()) {
            c.persistConsumerOffset();
        }
    }

    public List<String> findConsumerIdList(String topic, String group) {
        String brokerAddr = findBrokerAddrByTopic(topic);
        if (brokerAddr == null) {
            updateTopicRouteInfoFromNameServer(topic);
            brokerAddr = findBrokerAddrByTopic(topic);
        }
        if (brokerAddr == null) {
            return null;
        }
        try {
            return mQClientAPIImpl.getConsumerIdListByGroup(brokerAddr, group, clientConfig.getMqClientApiTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("getConsumerIdListByGroup exception, {} {}: {}", brokerAddr, group, e.toString());
        }
        return null;
    }

    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = topicRouteTable.get(topic);
        if (route == null || route.getBrokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> bds = route.getBrokerDatas();
        BrokerData bd = bds.get(ThreadLocalRandom.current().nextInt(bds.size()));
        return bd.selectBrokerAddr();
    }

    public void resetOffset(String topic, String group, Map<MessageQueue, Long> offsetTable) {
        MQConsumerInner c = consumerTable.get(group);
        if (c != null) {
            c.resetOffset(topic, offsetTable);
        }
    }

    public Map<MessageQueue, Long> getConsumerStatus(String topic, String group) {
        MQConsumerInner c = consumerTable.get(group);
        return c == null ? Map.of() : c.consumeStatus(topic);
    }

    // ---------------------------------------------------------------- broker addresses

    public String findBrokerAddressInPublish(String brokerName) {
        HashMap<Long, String> map = brokerAddrTable.get(brokerName);
        return map == null ? null : map.get(MixAll.MASTER_ID);
    }

    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        HashMap<Long, String> map = brokerAddrTable.get(brokerName);
        if (map == null || map.isEmpty()) {
            return null;
        }
        String addr = map.get(brokerId);
        boolean slave = brokerId != MixAll.MASTER_ID;
        if (addr == null && !onlyThisBroker) {
            Map.Entry<Long, String> any = map.entrySet().iterator().next();
            addr = any.getValue();
            slave = any.getKey() != MixAll.MASTER_ID;
        }
        return addr == null ? null : new FindBrokerResult(addr, slave, findBrokerVersion(brokerName, addr));
    }

    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        HashMap<Long, String> map = brokerAddrTable.get(brokerName);
        if (map == null || map.isEmpty()) {
            return null;
        }
        String master = map.get(MixAll.MASTER_ID);
        if (master != null) {
            return new FindBrokerResult(master, false, findBrokerVersion(brokerName, master));
        }
        Map.Entry<Long, String> any = map.entrySet().iterator().next();
        return new FindBrokerResult(any.getValue(), true, findBrokerVersion(brokerName, any.getValue()));
    }

    public int findBrokerVersion(String brokerName, String brokerAddr) {
        HashMap<String, Integer> m = brokerVersionTable.get(brokerName);
        Integer v = m == null ? null : m.get(brokerAddr);
        return v == null ? 0 : v;
    }

    // ---------------------------------------------------------------- accessors

    public MQClientAPIImpl getMQClientAPIImpl() {
        return mQClientAPIImpl;
    }

    public PullMessageService getPullMessageService() {
        return pullMessageService;
    }

    public DefaultMQProducer getDefaultMQProducer() {
        return defaultMQProducer;
    }

    public String getClientId() {
        return clientId;
    }

    public ClientConfig getClientConfig() {
        return clientConfig;
    }

    public long getBootTimestamp() {
        return bootTimestamp;
    }

    public int getInstanceIndex() {
        return instanceIndex;
    }

    public ConcurrentMap<String, TopicRouteData> getTopicRouteTable() {
        return topicRouteTable;
    }
}
