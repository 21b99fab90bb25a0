package io.apogee.namesrv;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.ThreadUtils;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.namesrv.NamesrvConfig;
import io.apogee.namesrv.kvconfig.KVConfigManager;
import io.apogee.namesrv.processor.DefaultRequestProcessor;
import io.apogee.namesrv.routeinfo.BrokerHousekeepingService;
import io.apogee.namesrv.routeinfo.RouteInfoManager;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;

/**
 * Wires the name server: KV store, route tables, the remoting server with its request executor, and the
 * periodic broker-expiry scan. Lifecycle: {@link #initialize()} (load state, create server), {@link #start()}
 * (bind the port; throws if it is taken), {@link #shutdown()}.
 */
public class NamesrvController {
    private static final Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;
    private final NamesrvConfiguration configuration;
    private final RouteInfoManager routeInfoManager = new RouteInfoManager();
    private final KVConfigManager kvConfigManager;
    private final BrokerHousekeepingService brokerHousekeepingService;
    private final ScheduledExecutorService scheduledExecutorService =
        new ScheduledThreadPoolExecutor(1, new ThreadFactoryImpl("NSScheduledThread", true));
    private NettyRemotingServer remotingServer;
    private ExecutorService remotingExecutor;

    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.configuration = new NamesrvConfiguration(namesrvConfig, nettyServerConfig);
        this.kvConfigManager = new KVConfigManager(namesrvConfig.getKvConfigPath());
        this.brokerHousekeepingService = new BrokerHousekeepingService(routeInfoManager);
    }

    /** Loads the KV table and builds the server. Throws if persisted state cannot be read. */
    public void initialize() throws Exception {
        kvConfigManager.load();
        remotingServer = new NettyRemotingServer(nettyServerConfig, brokerHousekeepingService);
        int threads = Math.max(1, nettyServerConfig.getServerWorkerThreads());
        remotingExecutor = ThreadUtils.newFixedThreadPool(threads, 10_000, "RemotingExecutorThread_");
        remotingServer.registerDefaultProcessor(
            new DefaultRequestProcessor(routeInfoManager, kvConfigManager, configuration), remotingExecutor);

        long interval = namesrvConfig.getScanNotActiveBrokerInterval();
        long expiry = namesrvConfig.getBrokerChannelExpiredTime();
        scheduledExecutorService.scheduleAtFixedRate(() -> {
            try {
                routeInfoManager.scanNotActiveBroker(expiry);
            } catch (Throwable e) {
                log.error("scanNotActiveBroker failed", e);
            }
        }, Math.min(5_000, interval), interval, TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(() -> {
            try {
                kvConfigManager.printAllPeriodically();
                routeInfoManager.printAllPeriodically();
            } catch (Throwable e) {
                log.error("printAllPeriodically failed", e);
            }
        }, 1, 10, TimeUnit.MINUTES);
    }

    public void start() {
        remotingServer.start();
    }

    public void shutdown() {
        if (remotingServer != null) {
            remotingServer.shutdown();
        }
        if (remotingExecutor != null) {
            remotingExecutor.shutdown();
        }
        scheduledExecutorService.shutdownNow();
    }

    public int localListenPort() {
        return remotingServer.localListenPort();
    }

    public NamesrvConfig getNamesrvConfig() {
        return namesrvConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }

    public NamesrvConfiguration getConfiguration() {
        return configuration;
    }

    public RouteInfoManager getRouteInfoManager() {
        return routeInfoManager;
    }

    public KVConfigManager getKvConfigManager() {
        return kvConfigManager;
    }

    public NettyRemotingServer getRemotingServer() {
        return remotingServer;
    }
}
