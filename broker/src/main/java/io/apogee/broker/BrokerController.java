package io.apogee.broker;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.broker.client.ClientHousekeepingService;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.client.ProducerManager;
import io.apogee.broker.client.rebalance.RebalanceLockManager;
import io.apogee.broker.config.BloomFilterBits;
import io.apogee.broker.config.BrokerConfigFile;
import io.apogee.broker.filter.ConsumerFilterManager;
import io.apogee.broker.longpolling.PullRequestHoldService;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.out.BrokerOuterAPI;
import io.apogee.broker.processor.AdminBrokerProcessor;
import io.apogee.broker.processor.ClientManageProcessor;
import io.apogee.broker.processor.ConsumerManageProcessor;
import io.apogee.broker.processor.PullMessageProcessor;
import io.apogee.broker.processor.QueryMessageProcessor;
import io.apogee.broker.processor.SendMessageProcessor;
import io.apogee.broker.schedule.ScheduleMessageService;
import io.apogee.broker.stats.BrokerStats;
import io.apogee.broker.subscription.SubscriptionGroupManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.transaction.EndTransactionProcessor;
import io.apogee.broker.transaction.TransactionalMessageCheckService;
import io.apogee.broker.transaction.TransactionalMessageService;
import io.apogee.common.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.common.BrokerConfig;
import io.apogee.common.DataVersion;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.ThreadUtils;
import io.apogee.common.TopicConfig;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.constant.PermName;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStore;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.MessageStoreConfig;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of a broker: builds the store, managers, processors and executors, and runs them in order
 * (store load, managers load, remoting, registration) and back (unregister, stop remoting, persist, close store).
 */
public class BrokerController {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final BrokerConfig brokerConfig;
    private final NettyServerConfig nettyServerConfig;
    private final NettyClientConfig nettyClientConfig;
    private final MessageStoreConfig messageStoreConfig;
    private final BrokerConfigFile configFile;
    private final DataVersion configDataVersion = new DataVersion();

    private final TopicConfigManager topicConfigManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerFilterManager consumerFilterManager;
    private TransactionalMessageService transactionalMessageService;
    private TransactionalMessageCheckService transactionalMessageCheckService;
    private final ConsumerManager consumerManager;
    private final ProducerManager producerManager;
    private final RebalanceLockManager rebalanceLockManager = new RebalanceLockManager();
    private final ClientHousekeepingService clientHousekeepingService;
    private final BrokerOuterAPI brokerOuterAPI;
    private final BrokerStats brokerStats = new BrokerStats();
    private final ScheduledExecutorService scheduledExecutor =
        Executors.newScheduledThreadPool(2, new ThreadFactoryImpl("BrokerControllerScheduledThread"));
    private final ScheduledExecutorService fastFailureExecutor =
        Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("BrokerFastFailureScheduledThread"));
    private final ConcurrentMap<String, ExecutorService> executors = new ConcurrentHashMap<>();

    private MessageStore messageStore;
    private NettyRemotingServer remotingServer;
    /** RocketMQ's VIP channel on listenPort - 2: every request but pulls, for clients with vipChannelEnabled. */
    private NettyRemotingServer fastRemotingServer;
    private PullRequestHoldService pullRequestHoldService;
    private PullMessageProcessor pullMessageProcessor;
    private ScheduleMessageService scheduleMessageService;
    private SocketAddress storeHost;
    private volatile boolean shutdown;
    private final io.apogee.broker.slave.SlaveSynchronize slaveSynchronize =
        new io.apogee.broker.slave.SlaveSynchronize(this);

    public BrokerController(BrokerConfig brokerConfig, NettyServerConfig nettyServerConfig,
                            NettyClientConfig nettyClientConfig, MessageStoreConfig messageStoreConfig,
                            BrokerConfigFile configFile) {
        this.brokerConfig = brokerConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.nettyClientConfig = nettyClientConfig;
        this.messageStoreConfig = messageStoreConfig;
        this.configFile = configFile;
        int bitMapBits = BloomFilterBits.of(brokerConfig.getMaxErrorRateOfBloomFilter(), brokerConfig.getExpectConsumerNumUseFilter());
        if (bitMapBits > 0) {
            messageStoreConfig.setBitMapLengthConsumeQueueExt(bitMapBits);
        }
        String root = messageStoreConfig.getStorePathRootDir();
        this.topicConfigManager = new TopicConfigManager(brokerConfig, root);
        this.subscriptionGroupManager = new SubscriptionGroupManager(brokerConfig, root);
        this.consumerOffsetManager = new ConsumerOffsetManager(root);
        this.consumerFilterManager = new ConsumerFilterManager(root);
        this.consumerManager = new ConsumerManager(this::notifyConsumerIdsChanged, brokerConfig.getChannelExpiredTimeout());
        this.producerManager = new ProducerManager(brokerConfig.getChannelExpiredTimeout());
        this.clientHousekeepingService = new ClientHousekeepingService(producerManager, consumerManager, rebalanceLockManager);
        this.brokerOuterAPI = new BrokerOuterAPI(nettyClientConfig);
        this.brokerOuterAPI.updateNameServerAddressList(brokerConfig.getNamesrvAddr());
        this.storeHost = new InetSocketAddress(brokerConfig.getBrokerIP1(), nettyServerConfig.getListenPort());
    }

    /** Loads store and metadata and wires the processors; false (or an exception) means the broker must not start. */
    public boolean initialize() throws Exception {
        this.messageStore = new DefaultMessageStore(messageStoreConfig);
        if (!messageStore.load()) {
            log.error("message store load failed");
            return false;
        }
        boolean ok = topicConfigManager.load() & subscriptionGroupManager.load() & consumerOffsetManager.load()
            & consumerFilterManager.load();
        if (!ok) {
            return false;
        }
        this.pullRequestHoldService = new PullRequestHoldService(brokerConfig, messageStore);
        this.transactionalMessageService = new TransactionalMessageService(messageStore, consumerOffsetManager, storeHost,
            this::sendTransactionCheck);
        this.transactionalMessageCheckService = new TransactionalMessageCheckService(transactionalMessageService,
            brokerConfig::getTransactionCheckInterval, brokerConfig::getTransactionTimeOut, brokerConfig::getTransactionCheckMax);
        messageStore.setMessageArrivingListener((topic, queueId, logicOffset, tagsCode, storeTime, bitMap, props) ->
            pullRequestHoldService.notifyMessageArriving(topic, queueId, logicOffset + 1, tagsCode));
        this.scheduleMessageService = new ScheduleMessageService(this);
        if (!scheduleMessageService.load()) {
            return false;
        }
        topicConfigManager.setOnAutoCreate(tc -> scheduledExecutor.execute(() -> registerBrokerAll(false, true, true)));

        this.remotingServer = new NettyRemotingServer(nettyServerConfig, clientHousekeepingService);
        NettyServerConfig fastConfig = nettyServerConfig.clone();
        // an ephemeral listenPort (0, in tests) gets an ephemeral VIP port too
        fastConfig.setListenPort(nettyServerConfig.getListenPort() > 2 ? nettyServerConfig.getListenPort() - 2 : 0);
        this.fastRemotingServer = new NettyRemotingServer(fastConfig, clientHousekeepingService);
        registerProcessors();

        scheduledExecutor.scheduleAtFixedRate(this::persistOffsets, 1000 * 10, brokerConfig.getFlushConsumerOffsetInterval(),
            TimeUnit.MILLISECONDS);
        return true;
    }

    private ExecutorService pool(String name, int threads, int capacity) {
        ExecutorService e = ThreadUtils.newFixedThreadPool(threads, capacity, name);
        executors.put(name, e);
        return e;
    }

    private void registerProcessors() {
        ThreadPoolExecutor send = SendQueueClock.newTimedPool(brokerConfig.getSendMessageThreadPoolNums(),
            brokerConfig.getSendThreadPoolQueueCapacity(), "SendMessageThread_");
        executors.put("SendMessageThread_", send);
        fastFailureExecutor.scheduleAtFixedRate(() -> {
            try {
                SendQueueClock.cleanExpired(send, brokerConfig);
            } catch (Throwable e) {
                log.warn("send queue sweep failed", e);
            }
        }, 1000, 10, TimeUnit.MILLISECONDS);
        SendMessageProcessor sendProcessor = new SendMessageProcessor(this);
        for (int code : new int[] {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE,
            RequestCode.CONSUMER_SEND_MSG_BACK}) {
            registerOnBoth(code, sendProcessor, send);
        }
        ExecutorService pull = pool("PullMessageThread_", brokerConfig.getPullMessageThreadPoolNums(),
            brokerConfig.getPullThreadPoolQueueCapacity());
        pullMessageProcessor = new PullMessageProcessor(this);
        pullMessageProcessor.setWakeupExecutor(pull);
        pullRequestHoldService.setWaker(pullMessageProcessor);
        remotingServer.registerProcessor(RequestCode.PULL_MESSAGE, pullMessageProcessor, pull);

        ExecutorService query = pool("QueryMessageThread_", brokerConfig.getQueryMessageThreadPoolNums(),
            brokerConfig.getQueryThreadPoolQueueCapacity());
        QueryMessageProcessor queryProcessor = new QueryMessageProcessor(this);
        registerOnBoth(RequestCode.QUERY_MESSAGE, queryProcessor, query);
        registerOnBoth(RequestCode.VIEW_MESSAGE_BY_ID, queryProcessor, query);

        ExecutorService heartbeat = pool("HeartbeatThread_", brokerConfig.getHeartbeatThreadPoolNums(),
            brokerConfig.getHeartbeatThreadPoolQueueCapacity());
        ExecutorService clientManage = pool("ClientManageThread_", brokerConfig.getClientManageThreadPoolNums(),
            brokerConfig.getClientManagerThreadPoolQueueCapacity());
        ClientManageProcessor clientProcessor = new ClientManageProcessor(brokerConfig, consumerManager, producerManager,
            subscriptionGroupManager, topicConfigManager, consumerFilterManager);
        registerOnBoth(RequestCode.HEART_BEAT, clientProcessor, heartbeat);
        registerOnBoth(RequestCode.UNREGISTER_CLIENT, clientProcessor, clientManage);
        registerOnBoth(RequestCode.CHECK_CLIENT_CONFIG, clientProcessor, clientManage);

        ExecutorService consumerManage = pool("ConsumerManageThread_", brokerConfig.getConsumerManageThreadPoolNums(),
            brokerConfig.getConsumerManagerThreadPoolQueueCapacity());
        ConsumerManageProcessor consumerProcessor = new ConsumerManageProcessor(consumerManager, consumerOffsetManager, messageStore);
        registerOnBoth(RequestCode.GET_CONSUMER_LIST_BY_GROUP, consumerProcessor, consumerManage);
        registerOnBoth(RequestCode.UPDATE_CONSUMER_OFFSET, consumerProcessor, consumerManage);
        registerOnBoth(RequestCode.QUERY_CONSUMER_OFFSET, consumerProcessor, consumerManage);

        ExecutorService endTransaction = pool("EndTransactionThread_", brokerConfig.getEndTransactionThreadPoolNums(),
            brokerConfig.getEndTransactionPoolQueueCapacity());
        registerOnBoth(RequestCode.END_TRANSACTION, new EndTransactionProcessor(transactionalMessageService,
            () -> messageStoreConfig.getBrokerRole() == BrokerRole.SLAVE), endTransaction);

        ExecutorService admin = pool("AdminBrokerThread_", brokerConfig.getAdminBrokerThreadPoolNums(),
            brokerConfig.getAdminBrokerThreadPoolQueueCapacity());
        AdminBrokerProcessor adminProcessor = new AdminBrokerProcessor(this);
        remotingServer.registerDefaultProcessor(adminProcessor, admin);
        fastRemotingServer.registerDefaultProcessor(adminProcessor, admin);
    }

    private void registerOnBoth(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        remotingServer.registerProcessor(requestCode, processor, executor);
        fastRemotingServer.registerProcessor(requestCode, processor, executor);
    }

    public void start() throws Exception {
        messageStore.start();
        if (messageStore instanceof io.apogee.store.DefaultMessageStore store && store.getHaStartFailure() != null) {
            // a master whose slaves cannot connect must not come up silently
            throw new IllegalStateException(store.getHaStartFailure());
        }
        remotingServer.start();
        fastRemotingServer.start();
        brokerOuterAPI.start();
        pullRequestHoldService.start();
        clientHousekeepingService.start();
        brokerStats.start(brokerConfig.getBrokerClusterName());
        if (messageStoreConfig.getBrokerRole() != BrokerRole.SLAVE) {
            scheduleMessageService.start();
            if (brokerConfig.isCheckTransactionMessageEnable()) {
                transactionalMessageCheckService.start();
            }
        }
        registerBrokerAll(true, false, true);
        if (messageStoreConfig.getBrokerRole() != BrokerRole.SLAVE
            && messageStore instanceof io.apogee.store.DefaultMessageStore store) {
            scheduledExecutor.scheduleAtFixedRate(() -> {
                io.apogee.store.ha.HAService ha = store.getHaService();
                if (ha != null && ha.connectionCount() > 0) {
                    log.info("CommitLog: slave fall behind master {}bytes", store.slaveFallBehindMuch());
                }
            }, 10, 60, TimeUnit.SECONDS);
        }
        if (messageStoreConfig.getBrokerRole() == BrokerRole.SLAVE) {
            scheduledExecutor.scheduleAtFixedRate(() -> {
                try {
                    slaveSynchronize.syncAll();
                } catch (Throwable e) {
                    log.error("ScheduledTask SlaveSynchronize syncAll error.", e);
                }
            }, 3000, 10000, TimeUnit.MILLISECONDS);
        }
        int period = Math.max(10000, Math.min(brokerConfig.getRegisterNameServerPeriod(), 60000));
        scheduledExecutor.scheduleAtFixedRate(() -> {
            try {
                registerBrokerAll(true, false, brokerConfig.isForceRegister());
            } catch (Throwable e) {
                log.error("registerBrokerAll failed", e);
            }
        }, 10000, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void registerBrokerAll(boolean checkOrderConfig, boolean oneway, boolean forceRegister) {
        if (shutdown) {
            return;
        }
        TopicConfigSerializeWrapper wrapper = topicConfigManager.buildTopicConfigSerializeWrapper();
        if (!PermName.isWriteable(brokerConfig.getBrokerPermission()) || !PermName.isReadable(brokerConfig.getBrokerPermission())) {
            ConcurrentMap<String, TopicConfig> copy = new ConcurrentHashMap<>();
            for (TopicConfig tc : wrapper.getTopicConfigTable().values()) {
                TopicConfig t = new TopicConfig(tc.getTopicName(), tc.getReadQueueNums(), tc.getWriteQueueNums(), brokerConfig.getBrokerPermission());
                t.setTopicFilterType(tc.getTopicFilterType());
                t.setTopicSysFlag(tc.getTopicSysFlag());
                t.setOrder(tc.isOrder());
                copy.put(t.getTopicName(), t);
            }
            TopicConfigSerializeWrapper w = new TopicConfigSerializeWrapper();
            w.setTopicConfigTable(copy);
            w.setDataVersion(wrapper.getDataVersion());
            wrapper = w;
        }
        io.apogee.common.namesrv.RegisterBrokerResult result = brokerOuterAPI.registerBrokerAll(
            brokerConfig.getBrokerClusterName(), getBrokerAddr(), brokerConfig.getBrokerName(),
            brokerConfig.getBrokerId(), getHAServerAddr(), wrapper, oneway, brokerConfig.getRegisterBrokerTimeoutMills(),
            brokerConfig.isCompressedRegister());
        if (result != null && messageStoreConfig.getBrokerRole() == BrokerRole.SLAVE) {
            String configured = messageStoreConfig.getHaMasterAddress();
            // no master registered right now (blank): keep the last address, the HA client keeps retrying it
            if ((configured == null || configured.isBlank()) && result.getHaServerAddr() != null
                && !result.getHaServerAddr().isBlank()
                && messageStore instanceof io.apogee.store.DefaultMessageStore store) {
                store.updateHaMasterAddress(result.getHaServerAddr());
            }
            // no master registered right now: metadata sync pauses until one is (RocketMQ clears it the same way)
            String master = result.getMasterAddr();
            slaveSynchronize.setMasterAddr(master == null || master.isBlank() ? null : master);
        }
    }

    private void persistOffsets() {
        try {
            consumerOffsetManager.persist();
            consumerFilterManager.persist();
        } catch (Throwable e) {
            log.error("persist consumer offsets failed", e);
        }
    }

    public void shutdown() {
        if (shutdown) {
            return;
        }
        log.info("broker shutting down");
        try {
            brokerOuterAPI.unregisterBrokerAll(brokerConfig.getBrokerClusterName(), getBrokerAddr(),
                brokerConfig.getBrokerName(), brokerConfig.getBrokerId());
        } catch (Throwable e) {
            log.warn("unregister failed", e);
        }
        shutdown = true;
        scheduledExecutor.shutdownNow();
        fastFailureExecutor.shutdownNow();
        if (remotingServer != null) {
            remotingServer.shutdown();
        }
        if (fastRemotingServer != null) {
            fastRemotingServer.shutdown();
        }
        for (ExecutorService e : executors.values()) {
            ThreadUtils.shutdownGracefully(e, 5, TimeUnit.SECONDS);
        }
        if (pullRequestHoldService != null) {
            pullRequestHoldService.shutdown();
        }
        clientHousekeepingService.shutdown();
        brokerStats.shutdown();
        if (scheduleMessageService != null) {
            scheduleMessageService.shutdown();
        }
        if (transactionalMessageCheckService != null) {
            transactionalMessageCheckService.shutdown();
        }
        consumerOffsetManager.persist();
        consumerFilterManager.persist();
        topicConfigManager.persist();
        subscriptionGroupManager.persist();
        if (messageStore != null) {
            messageStore.shutdown();
        }
        brokerOuterAPI.shutdown();
        log.info("broker shut down");
    }

    private void notifyConsumerIdsChanged(String group, List<Channel> channels) {
        if (remotingServer == null || channels == null) {
            return;
        }
        for (Channel ch : channels) {
            try {
                NotifyConsumerIdsChangedRequestHeader h = new NotifyConsumerIdsChangedRequestHeader();
                h.setConsumerGroup(group);
                RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, h);
                remotingServer.invokeOneway(ch, request, 10);
            } catch (Exception e) {
                log.warn("notify consumer {} of group {} changed failed: {}", RemotingHelper.parseChannelRemoteAddr(ch), group, e.toString());
            }
        }
    }

    /**
     * GET_BROKER_CONFIG's answer: the config objects' fields as RocketMQ reports them (field names, stored values,
     * unset values left out), so mqadmin shows the same keys and values for an Apogee and an official broker.
     */
    public Properties allConfigs() {
        Properties p = new Properties();
        for (Object config : new Object[] {brokerConfig, nettyServerConfig, nettyClientConfig, messageStoreConfig}) {
            p.putAll(PropertiesBinder.fieldValues(config));
        }
        return p;
    }

    public String getBrokerAddr() {
        return brokerConfig.getBrokerIP1() + ":" + nettyServerConfig.getListenPort();
    }

    public String getHAServerAddr() {
        return brokerConfig.getBrokerIP2() + ":" + messageStoreConfig.getHaListenPort();
    }

    public BrokerConfig getBrokerConfig() {
        return brokerConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }

    public NettyClientConfig getNettyClientConfig() {
        return nettyClientConfig;
    }

    public MessageStoreConfig getMessageStoreConfig() {
        return messageStoreConfig;
    }

    public BrokerConfigFile getConfigFile() {
        return configFile;
    }

    public DataVersion getConfigDataVersion() {
        return configDataVersion;
    }

    public MessageStore getMessageStore() {
        return messageStore;
    }

    public TopicConfigManager getTopicConfigManager() {
        return topicConfigManager;
    }

    public SubscriptionGroupManager getSubscriptionGroupManager() {
        return subscriptionGroupManager;
    }

    public ConsumerFilterManager getConsumerFilterManager() {
        return consumerFilterManager;
    }

    public TransactionalMessageService getTransactionalMessageService() {
        return transactionalMessageService;
    }

    /** Asks one live producer of the group about a half message (CHECK_TRANSACTION_STATE is oneway). */
    private boolean sendTransactionCheck(String group, CheckTransactionStateRequestHeader header, byte[] storedMessage) {
        Channel channel = producerManager.getAvailableChannel(group);
        if (channel == null || remotingServer == null) {
            return false;
        }
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CHECK_TRANSACTION_STATE, header);
        request.setBody(storedMessage);
        try {
            remotingServer.invokeOneway(channel, request, 10);
            return true;
        } catch (Exception e) {
            log.warn("CHECK_TRANSACTION_STATE to {} failed: {}", channel.remoteAddress(), e.toString());
            return false;
        }
    }

    public ConsumerOffsetManager getConsumerOffsetManager() {
        return consumerOffsetManager;
    }

    public ConsumerManager getConsumerManager() {
        return consumerManager;
    }

    public ProducerManager getProducerManager() {
        return producerManager;
    }

    public RebalanceLockManager getRebalanceLockManager() {
        return rebalanceLockManager;
    }

    public PullRequestHoldService getPullRequestHoldService() {
        return pullRequestHoldService;
    }

    public ScheduleMessageService getScheduleMessageService() {
        return scheduleMessageService;
    }

    public BrokerStats getBrokerStats() {
        return brokerStats;
    }

    public NettyRemotingServer getRemotingServer() {
        return remotingServer;
    }

    public io.apogee.broker.slave.SlaveSynchronize getSlaveSynchronize() {
        return slaveSynchronize;
    }

    public BrokerOuterAPI getBrokerOuterAPI() {
        return brokerOuterAPI;
    }

    public SocketAddress getStoreHost() {
        return storeHost;
    }

    public Map<String, ExecutorService> getExecutors() {
        return executors;
    }
}
