package io.apogee.client.impl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.client.ClientConfig;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.remoting.RPCHook;

/** The process-wide table of client instances, one per client id. */
public final class MQClientManager {
    private static final MQClientManager INSTANCE = new MQClientManager();
    private final AtomicInteger factoryIndexGenerator = new AtomicInteger();
    private final ConcurrentMap<String, MQClientInstance> factoryTable = new ConcurrentHashMap<>();

    private MQClientManager() {
    }

    public static MQClientManager getInstance() {
        return INSTANCE;
    }

    public MQClientInstance getOrCreateMQClientInstance(ClientConfig clientConfig) {
        return getOrCreateMQClientInstance(clientConfig, null);
    }

    public MQClientInstance getOrCreateMQClientInstance(ClientConfig clientConfig, RPCHook rpcHook) {
        String clientId = clientConfig.buildMQClientId();
        return factoryTable.computeIfAbsent(clientId, id ->
            new MQClientInstance(clientConfig.cloneClientConfig(), factoryIndexGenerator.getAndIncrement(), id, rpcHook));
    }

    public void removeClientFactory(String clientId) {
        factoryTable.remove(clientId);
    }
}
