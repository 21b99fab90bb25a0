package io.apogee.broker.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import io.apogee.common.ThreadUtils;
import io.apogee.common.namesrv.RegisterBrokerResult;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.RegisterBrokerBody;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.apogee.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's calls to the name servers: REGISTER_BROKER to every one in parallel, UNREGISTER_BROKER at shutdown. */
public class BrokerOuterAPI {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final NettyRemotingClient remotingClient;
    private final ExecutorService registerExecutor = ThreadUtils.newFixedThreadPool(4, 32, "brokerOutApi_thread_");

    public BrokerOuterAPI(NettyClientConfig clientConfig) {
        this.remotingClient = new NettyRemotingClient(clientConfig);
    }

    public void start() {
        remotingClient.start();
    }

    public void shutdown() {
        remotingClient.shutdown();
        registerExecutor.shutdownNow();
    }

    public void updateNameServerAddressList(String addrs) {
        List<String> list = new ArrayList<>();
        if (addrs != null) {
            for (String a : addrs.split(";")) {
                if (!a.isBlank()) {
                    list.add(a.trim());
                }
            }
        }
        remotingClient.updateNameServerAddressList(list);
    }

    /** A plain request to another broker (slave to master metadata sync). */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis) throws Exception {
        return remotingClient.invokeSync(addr, request, timeoutMillis);
    }

    public List<String> getNameServerAddressList() {
        return remotingClient.getNameServerAddressList();
    }

    /** Registers with every name server (in parallel) and returns the first usable result, or null. */
    public RegisterBrokerResult registerBrokerAll(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                                  String haServerAddr, TopicConfigSerializeWrapper topics,
                                                  boolean oneway, int timeoutMills, boolean compressed) {
        List<String> addrs = remotingClient.getNameServerAddressList();
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(topics);
        body.setFilterServerList(new ArrayList<>());
        byte[] encoded = body.encode(compressed);
        CRC32 crc32 = new CRC32();
        crc32.update(encoded);
        int crc = (int) (crc32.getValue() & 0x7FFFFFFF);
        RegisterBrokerResult[] first = new RegisterBrokerResult[1];
        CountDownLatch latch = new CountDownLatch(addrs.size());
        for (String addr : addrs) {
            Runnable task = () -> {
                try {
                    RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader();
                    h.setBrokerAddr(brokerAddr);
                    h.setBrokerId(brokerId);
                    h.setBrokerName(brokerName);
                    h.setClusterName(clusterName);
                    h.setHaServerAddr(haServerAddr);
                    h.setCompressed(compressed);
                    h.setBodyCrc32(crc);
                    RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, h);
                    request.setBody(encoded);
                    if (oneway) {
                        remotingClient.invokeOneway(addr, request, timeoutMills);
                        return;
                    }
                    RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMills);
                    if (response.getCode() == ResponseCode.SUCCESS) {
                        RegisterBrokerResponseHeader rh = response.decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
                        synchronized (first) {
                            if (first[0] == null) {
                                first[0] = new RegisterBrokerResult(rh.getHaServerAddr(), rh.getMasterAddr());
                            }
                        }
                        log.debug("register broker to name server {} OK", addr);
                    } else {
                        log.warn("register broker to name server {} failed: {} {}", addr, response.getCode(), response.getRemark());
                    }
                } catch (Exception e) {
                    log.warn("register broker to name server {} failed: {}", addr, e.toString());
                } finally {
                    latch.countDown();
                }
            };
            try {
                registerExecutor.execute(task);
            } catch (RuntimeException e) {
                latch.countDown();
                log.warn("register broker to {} skipped: {}", addr, e.toString());
            }
        }
        try {
            latch.await(timeoutMills, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return first[0];
    }

    public void unregisterBrokerAll(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        List<String> addrs = remotingClient.getNameServerAddressList();
        if (addrs == null) {
            return;
        }
        for (String addr : addrs) {
            try {
                UnRegisterBrokerRequestHeader h = new UnRegisterBrokerRequestHeader();
                h.setBrokerAddr(brokerAddr);
                h.setBrokerId(brokerId);
                h.setBrokerName(brokerName);
                h.setClusterName(clusterName);
                RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, h);
                RemotingCommand response = remotingClient.invokeSync(addr, request, 3000);
                log.info("unregister broker from name server {}: {}", addr, response.getCode());
            } catch (Exception e) {
                log.warn("unregister broker from name server {} failed: {}", addr, e.toString());
            }
        }
    }
}
