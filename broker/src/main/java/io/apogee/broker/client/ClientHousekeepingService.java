package io.apogee.broker.client;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.apogee.broker.client.rebalance.RebalanceLockManager;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.remoting.ChannelEventListener;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes clients whose connection closed, failed or went idle, and expires silent ones every 10 s. */
public class ClientHousekeepingService implements ChannelEventListener {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final RebalanceLockManager rebalanceLockManager;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("ClientHousekeepingScheduledThread"));

    public ClientHousekeepingService(ProducerManager producerManager, ConsumerManager consumerManager,
                                     RebalanceLockManager rebalanceLockManager) {
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
        this.rebalanceLockManager = rebalanceLockManager;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                producerManager.scanNotActiveChannel();
                consumerManager.scanNotActiveChannel();
                rebalanceLockManager.scanExpired();
            } catch (Throwable e) {
                log.error("client housekeeping failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    private void closed(String remoteAddr, Channel channel) {
        producerManager.doChannelCloseEvent(remoteAddr, channel);
        consumerManager.doChannelCloseEvent(remoteAddr, channel);
    }

    @Override
    public void onChannelConnect(String remoteAddr, Channel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        closed(remoteAddr, channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        closed(remoteAddr, channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        closed(remoteAddr, channel);
    }
}
