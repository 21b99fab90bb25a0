package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apogee.testsupport.Poll;

/**
 * Issue 9, acceptance 1: an Apogee SYNC_MASTER + SYNC_FLUSH master and its slave (child JVMs, official 4.9.7
 * client). The master is killed with kill -9 under a 16-thread send load: every SEND_OK message is on the slave
 * and a push consumer that runs throughout keeps consuming from it. The master restarts on the same store and
 * port: the slave reconnects and catches up, sends succeed again (SYNC_MASTER needs the slave back), the
 * consumer goes on from where it was, and the offsets it committed end up on the master.
 */
class HaSyncMasterIT {
    private static final String BROKER_NAME = "broker-hasync";
    private static final String TOPIC = "HaSyncMasterLoadTopic";
    private static final String GROUP = "ha-sync-master-consumer";
    private static final int QUEUES = 4;
    private static final int SENDERS = 16;
    private static final int SECOND_BATCH = 500;
    private static final int PULL_THRESHOLD = 32;

    private static MasterSlavePair pair;
    private static String nsAddr;
    private static String masterAddr;
    private static String slaveAddr;

    @BeforeAll
    static void startDaemons() throws Exception {
        pair = MasterSlavePair.start(BROKER_NAME,
            Map.of("brokerRole", "SYNC_MASTER", "flushDiskType", "SYNC_FLUSH", "sendMessageThreadPoolNums", "4"),
            Map.of("flushDiskType", "SYNC_FLUSH", "haSendHeartbeatInterval", "1000"));
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

    /**
     * Clients refresh routes every second (default 30 s), so the test sees the master leave and come back, and
     * heartbeat every 2 s: a restarted broker answers pulls without a subscription with SUBSCRIPTION_NOT_EXIST
     * until the consumer's next heartbeat (default 30 s), as RocketMQ does.
     */
    private static <T extends ClientConfig> T client(T c, String name) {
        c.setNamesrvAddr(nsAddr);
        c.setVipChannelEnabled(false);
        c.setPollNameServerInterval(1000);
        c.setHeartbeatBrokerInterval(2000);
        c.setInstanceName(name + System.nanoTime());
        return c;
    }

    private static long commitLogMaxOffset(DefaultMQAdminExt admin, String addr) {
        try {
            return Long.parseLong(admin.fetchBrokerRuntimeStats(addr).getTable().get("commitLogMaxOffset"));
        } catch (Exception e) {
            return -1;
        }
    }

    private static long msgGetTotal(DefaultMQAdminExt admin, String addr) {
        try {
            return Long.parseLong(admin.fetchBrokerRuntimeStats(addr).getTable().get("msgGetTotalTodayNow"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Physical commit-log offset of a sent message, from its offsetMsgId. */
    private static long physicalOffset(SendResult r) {
        try {
            return MessageDecoder.decodeMessageId(r.getOffsetMsgId()).getOffset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SendResult sendQuietly(DefaultMQProducer producer, String body) {
        try {
            return producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * A send that the broker's flow control turned away (SYSTEM_BUSY, e.g. TIMEOUT_CLEAN_QUEUE while the restarted
     * JVM warms up) is tried again: it never reached the store, so it says nothing about replication.
     */
    private static SendResult sendRetryingWhenBusy(DefaultMQProducer producer, String body, AtomicInteger busyRetries)
        throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            } catch (MQBrokerException e) {
                if (e.getResponseCode() != ResponseCode.SYSTEM_BUSY || attempt >= 20) {
                    throw e;
                }
                busyRetries.incrementAndGet();
                Thread.sleep(100);
            }
        }
    }

    /** Queues whose committed offset on the master is below their max offset on the master (empty when caught up). */
    private static Map<Integer, String> lagOnMaster(MQClientAPIImpl api) {
        Map<Integer, String> lag = new HashMap<>();
        for (int q = 0; q < QUEUES; q++) {
            try {
                QueryConsumerOffsetRequestHeader h = new QueryConsumerOffsetRequestHeader();
                h.setConsumerGroup(GROUP);
                h.setTopic(TOPIC);
                h.setQueueId(q);
                long committed = api.queryConsumerOffset(masterAddr, h, 3000);
                long max = api.getMaxOffset(masterAddr, new MessageQueue(TOPIC, BROKER_NAME, q), 3000);
                if (committed != max) {
                    lag.put(q, committed + "/" + max);
                }
            } catch (Exception e) {
                lag.put(q, e.toString());
            }
        }
        return lag;
    }

    @Test
    void killNineOfSyncMasterLosesNoAcknowledgedMessageAndConsumptionResumesAfterRestart() throws Exception {
        DefaultMQAdminExt admin = client(new DefaultMQAdminExt("ha-sync-it-admin"), "hs-a");
        DefaultMQProducer producer = client(new DefaultMQProducer("ha-sync-it-producer"), "hs-p");
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(5000);
        DefaultMQPushConsumer consumer = client(new DefaultMQPushConsumer(GROUP), "hs-c");
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        admin.start();
        producer.start();
        try {
            // 1. the topic exists on the master, on the slave and in the producer's route
            admin.createAndUpdateTopicConfig(masterAddr, new TopicConfig(TOPIC, QUEUES, QUEUES, 6));
            assertThat(Poll.until(() -> {
                try {
                    return admin.getAllTopicConfig(slaveAddr, 3000).getTopicConfigTable().containsKey(TOPIC);
                } catch (Exception e) {
                    return false;
                }
            }, 30_000)).as("%s replicated to the slave's topic config", TOPIC).isTrue();
            Set<String> acked = ConcurrentHashMap.newKeySet();
            SendResult[] first = new SendResult[1];
            AtomicInteger firsts = new AtomicInteger();
            assertThat(Poll.until(() -> (first[0] = sendQuietly(producer, "first-" + firsts.incrementAndGet())) != null
                && first[0].getSendStatus() == SendStatus.SEND_OK, 20_000))
                .as("SEND_OK before the load (last: %s)", first[0]).isTrue();
            acked.add("first-" + firsts.get());

            // 2. one consumer runs throughout and counts every delivery
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            AtomicBoolean masterRestarted = new AtomicBoolean();
            AtomicInteger redeliveredAfterRestart = new AtomicInteger();
            // Held until the master is dead, with a small prefetch, so most of the load must be pulled from the slave.
            CountDownLatch consumeGate = new CountDownLatch(1);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPullThresholdForQueue(PULL_THRESHOLD);
            consumer.subscribe(TOPIC, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                try {
                    consumeGate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
                for (var m : msgs) {
                    int n = deliveries.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8),
                        k -> new AtomicInteger()).incrementAndGet();
                    if (n > 1 && masterRestarted.get()) {
                        redeliveredAfterRestart.incrementAndGet();
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            // 3. 16 threads send; the master is killed mid-load
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong maxAckedPhysicalOffset = new AtomicLong(physicalOffset(first[0]));
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int thread = t;
                tasks.add(senders.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String body = "load-" + thread + "-" + i;
                        SendResult r = sendQuietly(producer, body);
                        if (r != null && r.getSendStatus() == SendStatus.SEND_OK) {
                            acked.add(body);
                            maxAckedPhysicalOffset.accumulateAndGet(physicalOffset(r), Math::max);
                        }
                    }
                }));
            }
            long loadStart = System.currentTimeMillis();
            while (acked.size() < 2000 && System.currentTimeMillis() - loadStart < 6000) {
                Thread.sleep(50);
            }
            long servedBySlaveBefore = msgGetTotal(admin, slaveAddr);
            pair.killMaster();
            long killedAt = System.currentTimeMillis();
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> f : tasks) {
                f.get(30, TimeUnit.SECONDS);
            }
            int ackedBeforeKill = acked.size();
            System.out.printf("HaSyncMasterIT: %d messages SEND_OK in %d ms before kill -9 of the master%n",
                ackedBeforeKill, killedAt - loadStart);
            assertThat(ackedBeforeKill).as("SEND_OK under load before the kill").isGreaterThan(100);

            // 4. every acknowledged message is on the slave and consumed from it
            consumeGate.countDown();
            assertThat(commitLogMaxOffset(admin, slaveAddr)).as("slave commit log covers the last SEND_OK message")
                .isGreaterThan(maxAckedPhysicalOffset.get());
            assertThat(Poll.until(() -> deliveries.keySet().containsAll(acked), 60_000))
                .as("consumed %d of %d SEND_OK messages with the master dead", acked.stream()
                    .filter(deliveries::containsKey).count(), acked.size()).isTrue();
            long allConsumedFromSlaveAt = System.currentTimeMillis();
            long servedBySlave = msgGetTotal(admin, slaveAddr) - servedBySlaveBefore;
            // at most PULL_THRESHOLD + one pull batch per queue was prefetched from the master before the kill
            assertThat(servedBySlave).as("messages pulled from the slave").isGreaterThanOrEqualTo(
                ackedBeforeKill - QUEUES * (PULL_THRESHOLD + consumer.getPullBatchSize()));

            // 5. the master restarts on the same store and port; the slave reconnects and catches up
            masterRestarted.set(true);
            long restartAt = System.currentTimeMillis();
            pair.startMaster();
            long bootedAt = System.currentTimeMillis();
            MQClientAPIImpl api = MQClientManager.getInstance().getOrCreateMQClientInstance(admin).getMQClientAPIImpl();
            // the consumer had consumed nothing before the kill, so the master restarts with stale offsets
            Map<Integer, String> lagAtBoot = lagOnMaster(api);
            assertThat(lagAtBoot).as("committed offsets on the master right after its restart").isNotEmpty();
            long[] max = new long[2];
            assertThat(Poll.until(() -> (max[0] = commitLogMaxOffset(admin, masterAddr)) > 0
                && (max[1] = commitLogMaxOffset(admin, slaveAddr)) == max[0], 30_000))
                .as("slave max offset %d vs restarted master %d", max[1], max[0]).isTrue();
            long slaveCaughtUpAt = System.currentTimeMillis();

            // 6. what the consumer committed while it read from the slave reaches the master
            AtomicReference<Map<Integer, String>> lag = new AtomicReference<>();
            assertThat(Poll.until(() -> {
                lag.set(lagOnMaster(api));
                return lag.get().isEmpty();
            }, 30_000)).as("queues whose committed offset on the master lags its max offset (committed/max): %s,"
                + " at boot: %s", lag, lagAtBoot).isTrue();
            long offsetsHandedBackAt = System.currentTimeMillis();

            // 7. SYNC_MASTER answers SEND_OK again only with the slave back; the slave copies the new batch
            // a SLAVE_NOT_AVAILABLE probe is stored all the same: each probe has its own body
            SendResult[] probe = new SendResult[1];
            AtomicInteger probes = new AtomicInteger();
            assertThat(Poll.until(() -> (probe[0] = sendQuietly(producer, "probe-" + probes.incrementAndGet())) != null
                && probe[0].getSendStatus() == SendStatus.SEND_OK, 40_000))
                .as("SEND_OK from the restarted SYNC_MASTER (last: %s)", probe[0]).isTrue();
            long sendOkAgainAt = System.currentTimeMillis();
            List<Future<SendResult>> batch = new ArrayList<>();
            AtomicInteger busyRetries = new AtomicInteger();
            for (int i = 0; i < SECOND_BATCH; i++) {
                String body = "after-" + i;
                batch.add(senders.submit(() -> sendRetryingWhenBusy(producer, body, busyRetries)));
            }
            Set<String> secondBatch = new HashSet<>();
            for (int i = 0; i < SECOND_BATCH; i++) {
                assertThat(batch.get(i).get(30, TimeUnit.SECONDS).getSendStatus()).as("after-%d", i)
                    .isEqualTo(SendStatus.SEND_OK);
                secondBatch.add("after-" + i);
            }
            long masterMax = commitLogMaxOffset(admin, masterAddr);
            assertThat(Poll.until(() -> commitLogMaxOffset(admin, slaveAddr) == masterMax, 30_000))
                .as("slave max offset %d vs master %d", commitLogMaxOffset(admin, slaveAddr), masterMax).isTrue();

            // 8. the consumer goes on from its offsets: the new batch arrives, old messages are not re-consumed
            assertThat(Poll.until(() -> deliveries.keySet().containsAll(secondBatch), 60_000))
                .as("consumed %d of %d messages sent after the restart",
                    secondBatch.stream().filter(deliveries::containsKey).count(), SECOND_BATCH).isTrue();
            long secondBatchConsumedAt = System.currentTimeMillis();
            assertThat(Poll.until(() -> {
                lag.set(lagOnMaster(api));
                return lag.get().isEmpty();
            }, 30_000)).as("queues whose committed offset on the master lags its max offset (committed/max): %s",
                lag).isTrue();

            int totalDeliveries = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
            int duplicates = totalDeliveries - deliveries.size();
            System.out.printf("HaSyncMasterIT: acked before kill %d; served by the slave %d; all consumed from the"
                    + " slave %d ms after the kill; master boot %d ms; committed offsets on the master at boot"
                    + " (committed/max) %s; slave caught up %d ms after boot; offsets handed back %d ms after boot;"
                    + " SEND_OK again %d ms after boot; second batch consumed %d ms after SEND_OK again; master"
                    + " offsets caught up %d ms later; busy retries %d; distinct %d, deliveries %d, duplicates %d"
                    + " (redelivered after restart %d)%n",
                ackedBeforeKill, servedBySlave, allConsumedFromSlaveAt - killedAt, bootedAt - restartAt, lagAtBoot,
                slaveCaughtUpAt - bootedAt, offsetsHandedBackAt - bootedAt, sendOkAgainAt - bootedAt,
                secondBatchConsumedAt - sendOkAgainAt, System.currentTimeMillis() - secondBatchConsumedAt,
                busyRetries.get(), deliveries.size(), totalDeliveries, duplicates, redeliveredAfterRestart.get());
            // a consumer that started over from offset 0 would redeliver every message acknowledged before the kill
            assertThat(redeliveredAfterRestart.get()).as("messages consumed again after the master came back")
                .isLessThan(ackedBeforeKill / 10);
            assertThat(duplicates).as("duplicate deliveries overall").isLessThan(acked.size() / 10);
        } finally {
            senders.shutdownNow();
            consumer.shutdown();
            producer.shutdown();
            admin.shutdown();
        }
    }
}
