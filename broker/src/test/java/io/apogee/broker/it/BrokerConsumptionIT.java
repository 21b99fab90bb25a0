package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListener;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.impl.consumer.ProcessQueue;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.apogee.testsupport.ChildJvm;

/**
 * Consumption semantics of the official 4.9.7 client against an Apogee broker registered with an Apogee name
 * server (both started from the built tree's scripts): orderly, clustering, broadcasting, lite pull, offsets across
 * consumer and broker restarts, delay levels across a restart, and send-pool flow control.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerConsumptionIT {
    private static Path dir;
    private static ChildJvm namesrv;
    private static ChildJvm broker;
    private static String nsAddr;
    private static int brokerPort;
    private static Path brokerConf;
    private static String bootLine;
    private static DefaultMQProducer producer;
    private static final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startDaemons() throws Exception {
        dir = Files.createTempDirectory("apogee-broker-consume-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("local-offsets").toString());
        int nsPort = ChildJvm.freePort();
        nsAddr = "127.0.0.1:" + nsPort;
        namesrv = Daemons.startApogeeNamesrv(dir.resolve("ns"), nsPort);
        brokerPort = ChildJvm.freeBrokerPort();
        brokerConf = Daemons.brokerConf(dir.resolve("broker"), "broker-c", brokerPort, nsAddr,
            Map.of("messageDelayLevel", "1s 5s 10s 30s 1m"));
        bootLine = "The broker[broker-c, 127.0.0.1:" + brokerPort + "] boot success. serializeType=JSON and name server is "
            + nsAddr;
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);
        producer = new DefaultMQProducer("ConsumptionItProducer");
        producer.setNamesrvAddr(nsAddr);
        producer.setInstanceName("consume-it-producer");
        producer.start();
    }

    @AfterAll
    static void stopDaemons() {
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private static DefaultMQPushConsumer push(String group, String topic, MessageModel model, ConsumeFromWhere from,
                                              MessageListener listener) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setMessageModel(model);
        c.setConsumeFromWhere(from);
        c.subscribe(topic, "*");
        c.registerMessageListener(listener);
        c.start();
        cleanup.add(c::shutdown);
        return c;
    }

    private static MessageListenerConcurrently collect(Collection<String> sink) {
        return (msgs, ctx) -> {
            msgs.forEach(m -> sink.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    private static String body(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    /** The queues of the consumer's own topics (not its retry topic) that rebalancing gave it. */
    private static Map<MessageQueue, ProcessQueue> assigned(DefaultMQPushConsumer c) {
        Map<MessageQueue, ProcessQueue> own = new HashMap<>(c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable());
        own.keySet().removeIf(mq -> mq.getTopic().startsWith("%RETRY%"));
        return own;
    }

    private static void send(String topic, String bodyText) throws Exception {
        SendResult r = producer.send(new Message(topic, "T", bodyText.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    @Order(1)
    void orderlyConsumptionKeepsPerQueueOrderUnderBrokerLocks() throws Exception {
        String topic = "OrderTopic";
        for (int step = 0; step < 10; step++) {
            for (int order = 0; order < 4; order++) {
                SendResult r = producer.send(new Message(topic, "O", ("order-" + order + "-" + step).getBytes(StandardCharsets.UTF_8)),
                    (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size()), order);
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        }
        Map<String, List<Integer>> steps = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        DefaultMQPushConsumer c = push("OrderGroup", topic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
            (MessageListenerOrderly) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    String[] parts = body(m).split("-");
                    steps.computeIfAbsent(parts[1], k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Integer.parseInt(parts[2]));
                    total.incrementAndGet();
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
        await().atMost(Duration.ofSeconds(60)).until(() -> total.get() >= 40);
        assertThat(steps).hasSize(4);
        for (List<Integer> s : steps.values()) {
            assertThat(s).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        // orderly consumption only runs on queues the broker locked for this client (LOCK_BATCH_MQ)
        assertThat(assigned(c).values()).isNotEmpty().allMatch(ProcessQueue::isLocked);
    }

    @Test
    @Order(2)
    void clusteringSplitsQueuesAcrossTwoConsumersWithoutDoubleDelivery() throws Exception {
        String topic = "SplitTopic";
        send(topic, "warm");
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        MessageListenerConcurrently la = (msgs, ctx) -> {
            msgs.forEach(m -> {
                byA.add(body(m));
                deliveries.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        MessageListenerConcurrently lb = (msgs, ctx) -> {
            msgs.forEach(m -> {
                byB.add(body(m));
                deliveries.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        DefaultMQPushConsumer a = push("SplitGroup", topic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, la);
        DefaultMQPushConsumer b = push("SplitGroup", topic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, lb);
        // GET_CONSUMER_LIST_BY_GROUP + NOTIFY_CONSUMER_IDS_CHANGED: both see each other and split the 4 queues
        await().atMost(Duration.ofSeconds(40)).until(() -> assigned(a).size() == 2 && assigned(b).size() == 2
            && deliveries.containsKey("warm"));
        for (int i = 0; i < 100; i++) {
            send(topic, "m" + i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() == 101);
        // the warm-up message may be seen twice while the group is still rebalancing (at-least-once); the 100 sent
        // after both consumers settled on two queues each are delivered exactly once
        Thread.sleep(1000);
        Map<String, Integer> counts = new HashMap<>();
        deliveries.forEach((k, v) -> counts.put(k, v.get()));
        counts.remove("warm");
        assertThat(counts).hasSize(100).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1));
        byA.remove("warm");
        byB.remove("warm");
        assertThat(byA).isNotEmpty();
        assertThat(byB).isNotEmpty();
        assertThat(Collections.disjoint(byA, byB)).isTrue();
    }

    @Test
    @Order(3)
    void broadcastingDeliversEveryMessageToBothConsumers() throws Exception {
        String topic = "BroadcastTopic";
        send(topic, "warm");
        Set<String> a = ConcurrentHashMap.newKeySet();
        Set<String> b = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer ca = push("BroadcastGroup", topic, MessageModel.BROADCASTING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, collect(a));
        DefaultMQPushConsumer cb = push("BroadcastGroup", topic, MessageModel.BROADCASTING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, collect(b));
        await().atMost(Duration.ofSeconds(30)).until(() -> assigned(ca).size() == 4 && assigned(cb).size() == 4);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            send(topic, "b" + i);
            sent.add("b" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> a.containsAll(sent) && b.containsAll(sent));
    }

    @Test
    @Order(4)
    void litePullConsumerSubscribeReceivesEverything() throws Exception {
        String topic = "LiteTopic";
        send(topic, "warm");
        DefaultLitePullConsumer c = new DefaultLitePullConsumer("LiteSubGroup");
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("lite-sub-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.start();
        cleanup.add(c::shutdown);
        Set<String> got = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            send(topic, "l" + i);
        }
        await().atMost(Duration.ofSeconds(40)).pollDelay(Duration.ZERO).until(() -> {
            c.poll(200).forEach(m -> got.add(body(m)));
            return got.size() == 21;
        });
    }

    @Test
    @Order(5)
    void litePullConsumerAssignAndSeek() throws Exception {
        String topic = "LiteSeekTopic";
        send(topic, "warm");
        DefaultLitePullConsumer c = new DefaultLitePullConsumer("LiteSeekGroup");
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("lite-seek-" + System.nanoTime());
        c.start();
        cleanup.add(c::shutdown);
        MessageQueue q0 = c.fetchMessageQueues(topic).stream().filter(mq -> mq.getQueueId() == 0).findFirst().orElseThrow();
        long base = producer.getDefaultMQProducerImpl().maxOffset(q0);
        for (int i = 0; i < 5; i++) {
            SendResult r = producer.send(new Message(topic, "S", ("s" + i).getBytes(StandardCharsets.UTF_8)), q0);
            assertThat(r.getQueueOffset()).isEqualTo(base + i);
        }
        c.assign(List.of(q0));
        c.seek(q0, base + 2);
        List<MessageExt> got = Collections.synchronizedList(new ArrayList<>());
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
            got.addAll(c.poll(200));
            return got.size() >= 3;
        });
        assertThat(got).extracting(BrokerConsumptionIT::body).containsExactly("s2", "s3", "s4");
        assertThat(got.get(0).getQueueOffset()).isEqualTo(base + 2);
    }

    @Test
    @Order(6)
    void committedOffsetsSurviveAConsumerRestart() throws Exception {
        String topic = "RestartTopic";
        for (int i = 0; i < 10; i++) {
            send(topic, "r" + i);
        }
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        DefaultMQPushConsumer c1 = push("RestartGroup", topic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, collect(first));
        await().atMost(Duration.ofSeconds(40)).until(() -> first.size() >= 10);
        c1.shutdown(); // commits its offsets to the broker (UPDATE_CONSUMER_OFFSET)
        for (int i = 10; i < 20; i++) {
            send(topic, "r" + i);
        }
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        push("RestartGroup", topic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, collect(second));
        await().atMost(Duration.ofSeconds(40)).until(() -> second.size() >= 10);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> second.size() == 10);
        assertThat(second).containsExactlyInAnyOrder("r10", "r11", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19");
        for (AutoCloseable closeable : new ArrayList<>(cleanup)) {
            closeable.close(); // every consumer of the earlier tests says goodbye before the broker restart
        }
        cleanup.clear();
    }

    @Test
    @Order(7)
    void offsetsAndDelayedMessagesSurviveABrokerRestart() throws Exception {
        String delayTopic = "DelayRestartTopic";
        Message m = new Message(delayTopic, "D", "delayed-across-restart".getBytes(StandardCharsets.UTF_8));
        m.setDelayTimeLevel(2);
        long sentAt = System.currentTimeMillis();
        assertThat(producer.send(m).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        broker.close(); // SIGTERM: persist offsets, delay offsets, topics; close the store
        assertThat(broker.isAlive()).isFalse();
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);
        long restartedAt = System.currentTimeMillis();

        List<MessageExt> delayed = Collections.synchronizedList(new ArrayList<>());
        push("DelayRestartGroup", delayTopic, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
            (MessageListenerConcurrently) (msgs, ctx) -> {
                delayed.addAll(msgs);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        List<String> third = Collections.synchronizedList(new ArrayList<>());
        push("RestartGroup", "RestartTopic", MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, collect(third));
        for (int i = 20; i < 25; i++) {
            send("RestartTopic", "r" + i);
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> third.size() >= 5 && !delayed.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> third.size() == 5 && delayed.size() == 1);
        assertThat(third).containsExactlyInAnyOrder("r20", "r21", "r22", "r23", "r24");
        // the delay level's timer resumed from delayOffset.json: delivered (stored into the real topic) on time
        long deliveredAfter = delayed.get(0).getStoreTimestamp() - sentAt;
        assertThat(deliveredAfter).as("restart took %d ms", restartedAt - sentAt).isBetween(5_000L, 15_000L);
        assertThat(body(delayed.get(0))).isEqualTo("delayed-across-restart");
    }

    @Test
    @Order(8)
    void floodedSendPoolAnswersSystemBusyThenRecovers() throws Exception {
        String addr = "127.0.0.1:" + brokerPort;
        NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        try {
            assertThat(updateBrokerConfig(raw, addr, "waitTimeMillsInSendQueue=5\n")).isEqualTo(ResponseCode.SUCCESS);
            int n = 3000;
            byte[] payload = new byte[8 * 1024];
            CountDownLatch done = new CountDownLatch(n);
            Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
            Set<String> busyRemarks = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < n; i++) {
                RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
                HashMap<String, String> ext = new HashMap<>();
                ext.put("a", "FloodGroup");
                ext.put("b", "FloodTopic");
                ext.put("c", "TBW102");
                ext.put("d", "4");
                ext.put("e", Integer.toString(i % 4));
                ext.put("f", "0");
                ext.put("g", Long.toString(System.currentTimeMillis()));
                ext.put("h", "0");
                ext.put("j", "0");
                req.setExtFields(ext);
                req.setBody(payload);
                raw.invokeAsync(addr, req, 30_000, f -> {
                    RemotingCommand resp = f.getResponseCommand();
                    int code = resp == null ? -1 : resp.getCode();
                    codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                    if (code == ResponseCode.SYSTEM_BUSY) {
                        busyRemarks.add(resp.getRemark().replaceAll("\\d+", "N"));
                    }
                    done.countDown();
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("codes %s", codes).isTrue();
            assertThat(codes).as("codes %s", codes).containsKey(ResponseCode.SYSTEM_BUSY).containsKey(ResponseCode.SUCCESS);
            assertThat(busyRemarks).as("remarks").anyMatch(r -> r.startsWith("[TIMEOUT_CLEAN_QUEUE]broker busy"));
            assertThat(updateBrokerConfig(raw, addr, "waitTimeMillsInSendQueue=200\n")).isEqualTo(ResponseCode.SUCCESS);
        } finally {
            raw.shutdown();
        }
        for (int i = 0; i < 5; i++) {
            send("FloodTopic", "after-flood-" + i);
        }
    }

    private static int updateBrokerConfig(NettyRemotingClient raw, String addr, String props) throws Exception {
        RemotingCommand upd = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
        upd.setBody(props.getBytes(StandardCharsets.UTF_8));
        return raw.invokeSync(addr, upd, 5000).getCode();
    }
}
