package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;
import io.apogee.testsupport.Poll;

/**
 * A 1-master-1-slave Apogee cluster (ASYNC_MASTER) as child JVMs: the slave replicates the commit log and the
 * master's topics, refuses writes, and serves consumers once the master is killed with kill -9.
 */
class HaIT {
    private static final String BROKER_NAME = "broker-ha";
    private static MasterSlavePair pair;
    private static Path dir;
    private static String nsAddr;
    private static String masterAddr;
    private static String slaveAddr;

    @BeforeAll
    static void startDaemons() throws Exception {
        pair = MasterSlavePair.start(BROKER_NAME, Map.of("brokerRole", "ASYNC_MASTER", "autoCreateTopicEnable", "true"),
            Map.of("haSendHeartbeatInterval", "1000"));
        dir = pair.dir;
        nsAddr = pair.nsAddr;
        masterAddr = pair.masterAddr;
        slaveAddr = pair.slaveAddr;
    }

    @AfterAll
    static void stopDaemons() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    /** Broker properties plus brokerIP2=127.0.0.1, so the HA address registered with the name server is loopback. */
    private static Map<String, String> loopback(Map<String, String> props) {
        Map<String, String> m = new HashMap<>(props);
        m.put("brokerIP2", "127.0.0.1");
        return m;
    }

    private static long commitLogMaxOffset(DefaultMQAdminExt admin, String addr) {
        try {
            return Long.parseLong(admin.fetchBrokerRuntimeStats(addr).getTable().get("commitLogMaxOffset"));
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void slaveReplicatesAndServesConsumersAfterTheMasterDies() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt("ha-it-admin");
        admin.setNamesrvAddr(nsAddr);
        admin.setVipChannelEnabled(false);
        admin.setInstanceName("ha-admin" + System.nanoTime());
        admin.start();
        DefaultMQProducer producer = new DefaultMQProducer("ha-it-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName("ha-p" + System.nanoTime());
        producer.start();
        DefaultMQPushConsumer consumer = null;
        try {
            TopicConfig tc = new TopicConfig("HaTopic", 4, 4, 6);
            admin.createAndUpdateTopicConfig(masterAddr, tc);
            Set<String> sent = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 200; i++) {
                String body = "ha-" + i;
                SendResult r = null;
                for (int attempt = 0; attempt < 20 && r == null; attempt++) {
                    try {
                        r = producer.send(new Message("HaTopic", body.getBytes(StandardCharsets.UTF_8)));
                    } catch (Exception routeNotYetThere) {
                        Thread.sleep(300);
                    }
                }
                assertThat(r).isNotNull();
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                sent.add(body);
            }

            // 1. the slave's commit log catches up with the master's
            long masterMax = commitLogMaxOffset(admin, masterAddr);
            assertThat(masterMax).isPositive();
            assertThat(Poll.until(() -> commitLogMaxOffset(admin, slaveAddr) == masterMax, 15_000))
                .as("slave max offset %s vs master %s", commitLogMaxOffset(admin, slaveAddr), masterMax).isTrue();

            // 2. a topic and a group created on the master appear on the slave
            admin.createAndUpdateTopicConfig(masterAddr, new TopicConfig("HaSyncedTopic", 2, 2, 6));
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName("HaSyncedGroup");
            admin.createAndUpdateSubscriptionGroupConfig(masterAddr, group);
            assertThat(Poll.until(() -> {
                try {
                    return admin.getAllTopicConfig(slaveAddr, 3000).getTopicConfigTable().containsKey("HaSyncedTopic")
                        && admin.getAllSubscriptionGroup(slaveAddr, 3000).getSubscriptionGroupTable()
                            .containsKey("HaSyncedGroup");
                } catch (Exception e) {
                    return false;
                }
            }, 15_000)).as("HaSyncedTopic and HaSyncedGroup on the slave").isTrue();

            // 3. with the master gone, a consumer reads every message from the slave
            pair.killMaster();
            Set<String> received = ConcurrentHashMap.newKeySet();
            consumer = new DefaultMQPushConsumer("ha-it-consumer");
            consumer.setNamesrvAddr(nsAddr);
            consumer.setVipChannelEnabled(false);
            consumer.setInstanceName("ha-c" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe("HaTopic", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            assertThat(Poll.until(() -> received.containsAll(sent), 40_000))
                .as("received %d of %d from the slave", received.size(), sent.size()).isTrue();
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
            admin.shutdown();
        }
    }

    @Test
    void syncMasterAnswersSlaveNotAvailableWithoutSlaveAndSendOkWithOne() throws Exception {
        String name = "broker-sync";
        int port = ChildJvm.freeBrokerPort();
        String addr = "127.0.0.1:" + port;
        Path mconf = Daemons.brokerConf(dir.resolve("sync-master"), name, port, nsAddr,
            loopback(Map.of("brokerRole", "SYNC_MASTER", "syncFlushTimeout", "3000")));
        DefaultMQAdminExt admin = new DefaultMQAdminExt("ha-it-sync-admin");
        admin.setNamesrvAddr(nsAddr);
        admin.setVipChannelEnabled(false);
        admin.setInstanceName("ha-sa" + System.nanoTime());
        DefaultMQProducer producer = new DefaultMQProducer("ha-it-sync-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setVipChannelEnabled(false);
        producer.setRetryTimesWhenSendFailed(0);
        producer.setInstanceName("ha-sp" + System.nanoTime());
        try (ChildJvm syncMaster = Daemons.startBrokerScript(dir.resolve("sync-master"), mconf,
            "The broker[" + name + ", " + addr + "] boot success")) {
            admin.start();
            admin.createAndUpdateTopicConfig(addr, new TopicConfig("HaSyncMasterTopic", 2, 2, 6));
            producer.start();
            SendResult alone = null;
            for (int attempt = 0; attempt < 20 && alone == null; attempt++) {
                try {
                    alone = producer.send(new Message("HaSyncMasterTopic", "alone".getBytes(StandardCharsets.UTF_8)));
                } catch (Exception routeNotYetThere) {
                    Thread.sleep(300);
                }
            }
            assertThat(alone).isNotNull();
            assertThat(alone.getSendStatus()).isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);
            assertThat(producer.send(java.util.List.of(
                new Message("HaSyncMasterTopic", "alone-batch-1".getBytes(StandardCharsets.UTF_8)),
                new Message("HaSyncMasterTopic", "alone-batch-2".getBytes(StandardCharsets.UTF_8)))).getSendStatus())
                .as("a batch waits for the slave too").isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);

            int slavePort = ChildJvm.freeBrokerPort();
            Path sconf = Daemons.brokerConf(dir.resolve("sync-slave"), name, slavePort, nsAddr,
                loopback(Map.of("brokerId", "1", "brokerRole", "SLAVE")));
            try (ChildJvm syncSlave = Daemons.startBrokerScript(dir.resolve("sync-slave"), sconf,
                "The broker[" + name + ", 127.0.0.1:" + slavePort + "] boot success")) {
                SendStatus[] last = new SendStatus[1];
                assertThat(Poll.until(() -> {
                    try {
                        last[0] = producer.send(new Message("HaSyncMasterTopic", "paired".getBytes(StandardCharsets.UTF_8)))
                            .getSendStatus();
                        return last[0] == SendStatus.SEND_OK;
                    } catch (Exception e) {
                        return false;
                    }
                }, 15_000)).as("last status %s", last[0]).isTrue();
                assertThat(producer.send(java.util.List.of(
                    new Message("HaSyncMasterTopic", "paired-batch-1".getBytes(StandardCharsets.UTF_8)),
                    new Message("HaSyncMasterTopic", "paired-batch-2".getBytes(StandardCharsets.UTF_8)))).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
                // load from 8 threads, kill -9 the master mid-way: every SEND_OK message is on the slave
                Set<String> acked = ConcurrentHashMap.newKeySet();
                acked.add("paired");
                java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    pool.execute(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String body = "load-" + thread + "-" + i;
                            try {
                                SendResult r = producer.send(new Message("HaSyncMasterTopic",
                                    body.getBytes(StandardCharsets.UTF_8)));
                                if (r.getSendStatus() == SendStatus.SEND_OK) {
                                    acked.add(body);
                                }
                            } catch (Exception expectedOnceKilled) {
                                // the master is gone
                            }
                        }
                    });
                }
                String slaveAddrSync = "127.0.0.1:" + slavePort;
                // the slave must have the topic (metadata sync, every 10 s) to serve it once the master is gone
                assertThat(Poll.until(() -> {
                    try {
                        return admin.getAllTopicConfig(slaveAddrSync, 3000).getTopicConfigTable()
                            .containsKey("HaSyncMasterTopic");
                    } catch (Exception e) {
                        return false;
                    }
                }, 15_000)).isTrue();
                Thread.sleep(1000);
                syncMaster.kill9();
                Thread.sleep(500);
                stop.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(acked.size()).isGreaterThan(20);
                Set<String> received = ConcurrentHashMap.newKeySet();
                DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ha-it-sync-consumer");
                consumer.setNamesrvAddr(nsAddr);
                consumer.setVipChannelEnabled(false);
                consumer.setInstanceName("ha-sc" + System.nanoTime());
                consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                consumer.subscribe("HaSyncMasterTopic", "*");
                consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                consumer.start();
                try {
                    assertThat(Poll.until(() -> received.containsAll(acked), 30_000))
                        .as("received %d of %d acknowledged messages from the slave", received.size(), acked.size())
                        .isTrue();
                } finally {
                    consumer.shutdown();
                }
            }
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }

    private static void sendAndAwaitReplica(DefaultMQAdminExt admin, DefaultMQProducer producer, String topic,
                                            String masterAddr, String slaveAddr) throws Exception {
        admin.createAndUpdateTopicConfig(masterAddr, new TopicConfig(topic, 2, 2, 6));
        for (int i = 0; i < 50; i++) {
            SendResult r = null;
            for (int attempt = 0; attempt < 20 && r == null; attempt++) {
                try {
                    r = producer.send(new Message(topic, ("x-" + i).getBytes(StandardCharsets.UTF_8)));
                } catch (Exception routeNotYetThere) {
                    Thread.sleep(300);
                }
            }
            assertThat(r).isNotNull();
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        long masterMax = commitLogMaxOffset(admin, masterAddr);
        assertThat(masterMax).isPositive();
        assertThat(Poll.until(() -> commitLogMaxOffset(admin, slaveAddr) == masterMax, 15_000))
            .as("%s: slave max offset %s vs master %s", topic, commitLogMaxOffset(admin, slaveAddr), masterMax).isTrue();
    }

    @Test
    void apogeeSlaveFollowsOfficialMasterAndOfficialSlaveFollowsApogeeMaster() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt("ha-it-x-admin");
        admin.setNamesrvAddr(nsAddr);
        admin.setVipChannelEnabled(false);
        admin.setInstanceName("ha-xa" + System.nanoTime());
        DefaultMQProducer producer = new DefaultMQProducer("ha-it-x-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName("ha-xp" + System.nanoTime());
        admin.start();
        producer.start();
        try {
            // official 4.9.7 master, Apogee slave
            int omPort = ChildJvm.freeBrokerPort();
            try (ChildJvm om = OfficialPeers.startBroker(dir.resolve("x-official-master"), "broker-om", omPort, nsAddr,
                loopback(Map.of()))) {
                int asPort = ChildJvm.freeBrokerPort();
                Path sconf = Daemons.brokerConf(dir.resolve("x-apogee-slave"), "broker-om", asPort, nsAddr,
                    loopback(Map.of("brokerId", "1", "brokerRole", "SLAVE")));
                try (ChildJvm as = Daemons.startBrokerScript(dir.resolve("x-apogee-slave"), sconf,
                    "The broker[broker-om, 127.0.0.1:" + asPort + "] boot success")) {
                    sendAndAwaitReplica(admin, producer, "HaFromOfficialTopic", "127.0.0.1:" + omPort,
                        "127.0.0.1:" + asPort);
                }
            }
            // Apogee master, official 4.9.7 slave
            int amPort = ChildJvm.freeBrokerPort();
            Path mconf = Daemons.brokerConf(dir.resolve("x-apogee-master"), "broker-am", amPort, nsAddr, loopback(Map.of()));
            try (ChildJvm am = Daemons.startBrokerScript(dir.resolve("x-apogee-master"), mconf,
                "The broker[broker-am, 127.0.0.1:" + amPort + "] boot success")) {
                int osPort = ChildJvm.freeBrokerPort();
                try (ChildJvm os = OfficialPeers.startBroker(dir.resolve("x-official-slave"), "broker-am", osPort,
                    nsAddr, loopback(Map.of("brokerId", "1", "brokerRole", "SLAVE")))) {
                    sendAndAwaitReplica(admin, producer, "HaToOfficialTopic", "127.0.0.1:" + amPort,
                        "127.0.0.1:" + osPort);
                    // the official slave's metadata sync asks the master's VIP channel (listenPort - 2) for topics
                    assertThat(Poll.until(() -> {
                        try {
                            return admin.getAllTopicConfig("127.0.0.1:" + osPort, 3000).getTopicConfigTable()
                                .containsKey("HaToOfficialTopic");
                        } catch (Exception e) {
                            return false;
                        }
                    }, 30_000)).as("HaToOfficialTopic synced to the official slave").isTrue();
                }
            }
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }
}
