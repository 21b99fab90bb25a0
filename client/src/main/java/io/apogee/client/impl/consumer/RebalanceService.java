package io.apogee.client.impl.consumer;

import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.ServiceThread;

/** Rebalances every consumer of a client instance every 20 s, or at once when woken up. */
public class RebalanceService extends ServiceThread {
    private static final long WAIT_INTERVAL = Long.getLong("rocketmq.client.rebalance.waitInterval", 20_000);
    private final MQClientInstance mqClientFactory;

    public RebalanceService(MQClientInstance mqClientFactory) {
        this.mqClientFactory = mqClientFactory;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(WAIT_INTERVAL);
            if (!isStopped()) {
                mqClientFactory.doRebalance();
            }
        }
    }

    @Override
    public String getServiceName() {
        return "RebalanceService";
    }
}
