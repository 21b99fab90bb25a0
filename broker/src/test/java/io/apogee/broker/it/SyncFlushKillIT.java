package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apogee.testsupport.ChildJvm;

/**
 * The ground rule for SYNC_FLUSH, end to end: 16 official-client threads send while the broker is killed
 * with kill -9; after a restart on the same store every message answered SEND_OK is consumed.
 */
class SyncFlushKillIT {
    private static Path dir;
    private static ChildJvm namesrv;
    private static ChildJvm broker;
    private static String nsAddr;
    private static Path brokerConf;
    private static String bootLine;

    @BeforeAll
    static void startDaemons() throws Exception {
        dir = Files.createTempDirectory("apogee-syncflush-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        int nsPort = ChildJvm.freePort();
        nsAddr = "127.0.0.1:" + nsPort;
        namesrv = Daemons.startApogeeNamesrv(dir.resolve("ns"), nsPort);
        int brokerPort = ChildJvm.freeBrokerPort();
        brokerConf = Daemons.brokerConf(dir.resolve("broker"), "broker-sf", brokerPort, nsAddr,
            Map.of("flushDiskType", "SYNC_FLUSH"));
        bootLine = "The broker[broker-sf, 127.0.0.1:" + brokerPort + "] boot success";
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);
    }

    @AfterAll
    static void stopDaemons() {
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesKillNine() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("sync-flush-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setInstanceName("sf" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(3000);
        producer.start();
        // create the topic before the load
        assertThat(producer.send(new Message("SyncFlushTopic", "warm".getBytes(StandardCharsets.UTF_8))).getSendStatus())
            .isEqualTo(SendStatus.SEND_OK);

        Set<String> acked = ConcurrentHashMap.newKeySet();
        acked.add("warm");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            tasks.add(senders.submit(() -> {
                for (int i = 0; !stop.get() && i < 5000; i++) {
                    String body = "t" + thread + "-" + i;
                    try {
                        SendResult r = producer.send(new Message("SyncFlushTopic", body.getBytes(StandardCharsets.UTF_8)));
                        if (r.getSendStatus() == SendStatus.SEND_OK) {
                            acked.add(body);
                        }
                    } catch (Exception broken) {
                        // the broker is gone: only SEND_OK counts as acknowledged
                    }
                }
            }));
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (acked.size() < 800 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        broker.kill9();
        stop.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        producer.shutdown();
        assertThat(acked.size()).isGreaterThan(100);

        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);

        Set<String> consumed = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("sync-flush-consumer");
        consumer.setNamesrvAddr(nsAddr);
        consumer.setInstanceName("sfc" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("SyncFlushTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> consumed.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            long until = System.currentTimeMillis() + 60_000;
            while (!consumed.containsAll(acked) && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
        } finally {
            consumer.shutdown();
        }
        Set<String> lost = new java.util.HashSet<>(acked);
        lost.removeAll(consumed);
        assertThat(lost).as("acknowledged under SYNC_FLUSH but missing after kill -9 (of %d acked)", acked.size()).isEmpty();
    }
}
