package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/**
 * The official 4.9.7 client against an Apogee broker started by {@code bin/mqbroker} (registered with a name
 * server): the tutorial flow and the main data-plane features. One daemon set for the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOfficialClientIT {
    private static Path dir;
    private static ChildJvm namesrv;
    private static ChildJvm officialNamesrv;
    private static String officialNsAddr;
    private static ChildJvm broker;
    private static String nsAddr;
    private static int brokerPort;
    private static Path brokerConf;
    private static DefaultMQProducer producer;
    private static final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startDaemons() throws Exception {
        dir = Files.createTempDirectory("apogee-broker-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        int nsPort = ChildJvm.freePort();
        nsAddr = "127.0.0.1:" + nsPort;
        namesrv = Daemons.startApogeeNamesrv(dir.resolve("ns"), nsPort);
        // the broker also registers with an official 4.9.7 name server (one scenario goes through it)
        int officialNsPort = ChildJvm.freePort();
        officialNsAddr = "127.0.0.1:" + officialNsPort;
        officialNamesrv = OfficialPeers.startNamesrv(dir.resolve("official-ns"), officialNsPort);
        brokerPort = ChildJvm.freeBrokerPort();
        brokerConf = Daemons.brokerConf(dir.resolve("broker"), "broker-a", brokerPort, nsAddr + ";" + officialNsAddr,
            Map.of("maxMessageSize", Integer.toString(512 * 1024), "messageDelayLevel", "1s 5s 10s 30s 1m"));
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf,
            "The broker[broker-a, 127.0.0.1:" + brokerPort + "] boot success. serializeType=JSON and name server is " + nsAddr + ";" + officialNsAddr);
        producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.setNamesrvAddr(nsAddr);
        producer.setInstanceName("it-producer");
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
        if (officialNamesrv != null) {
            officialNamesrv.close();
        }
    }

    private static DefaultMQPushConsumer pushConsumer(String group, String topic, String expr, MessageListenerConcurrently l)
        throws MQClientException {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, expr);
        c.registerMessageListener(l);
        c.start();
        cleanup.add(c::shutdown);
        return c;
    }

    @Test
    @Order(1)
    void quickstartThousandMessagesSentAndAllConsumed() throws Exception {
        Set<String> sentKeys = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1000; i++) {
            Message msg = new Message("TopicTest", "TagA", ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8));
            msg.setKeys("key-" + i);
            SendResult r = producer.send(msg);
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            sentKeys.add("key-" + i);
        }
        Set<String> got = ConcurrentHashMap.newKeySet();
        pushConsumer("please_rename_unique_group_name_4", "TopicTest", "*", (msgs, ctx) -> {
            msgs.forEach(m -> got.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 90_000;
        while (got.size() < 1000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(sentKeys);
    }

    @Test
    @Order(2)
    void asyncOnewayAndBatchSends() throws Exception {
        String topic = "SendModes";
        CountDownLatch latch = new CountDownLatch(20);
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, "A", ("async" + i).getBytes(StandardCharsets.UTF_8)), new SendCallback() {
                @Override
                public void onSuccess(SendResult r) {
                    if (r.getSendStatus() == SendStatus.SEND_OK) {
                        ok.incrementAndGet();
                    }
                    latch.countDown();
                }

                @Override
                public void onException(Throwable e) {
                    latch.countDown();
                }
            });
        }
        assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ok.get()).isEqualTo(20);
        for (int i = 0; i < 10; i++) {
            producer.sendOneway(new Message(topic, "B", ("oneway" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new Message(topic, "C", ("batch" + i).getBytes(StandardCharsets.UTF_8)));
        }
        SendResult br = producer.send(batch);
        assertThat(br.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(br.getMsgId().split(",")).hasSize(10);

        Set<String> bodies = ConcurrentHashMap.newKeySet();
        pushConsumer("SendModesGroup", topic, "*", (msgs, ctx) -> {
            msgs.forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (bodies.size() < 40 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(bodies).hasSize(40).contains("async0", "oneway9", "batch5");
    }

    @Test
    @Order(3)
    void tagFilterDeliversOnlyMatchingTags() throws Exception {
        String topic = "TagFilterTopic";
        for (String tag : new String[] {"TagA", "TagB", "TagC", "TagD"}) {
            for (int i = 0; i < 5; i++) {
                assertThat(producer.send(new Message(topic, tag, (tag + i).getBytes(StandardCharsets.UTF_8))).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
            }
        }
        Set<String> tags = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        pushConsumer("TagFilterGroup", topic, "TagA || TagC", (msgs, ctx) -> {
            msgs.forEach(m -> {
                tags.add(m.getTags());
                count.incrementAndGet();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (count.get() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        assertThat(count.get()).isEqualTo(10);
        assertThat(tags).containsExactlyInAnyOrder("TagA", "TagC");
    }

    @Test
    @Order(4)
    void pullConsumerStatuses() throws Exception {
        String topic = "PullTopic";
        SendResult r = producer.send(new Message(topic, "T", "p0".getBytes(StandardCharsets.UTF_8)));
        MessageQueue mq = r.getMessageQueue();
        DefaultMQPullConsumer pull = new DefaultMQPullConsumer("PullGroup");
        // routes through the official name server: the broker registered the auto-created topic with both
        pull.setNamesrvAddr(officialNsAddr);
        pull.setInstanceName("pull-" + System.nanoTime());
        pull.start();
        cleanup.add(pull::shutdown);
        PullResult found = pull.pull(mq, "*", 0, 32);
        assertThat(found.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(found.getMsgFoundList()).hasSize(1);
        assertThat(found.getNextBeginOffset()).isEqualTo(1);
        PullResult none = pull.pull(mq, "*", 1, 32);
        assertThat(none.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
        PullResult illegal = pull.pull(mq, "*", 100, 32);
        assertThat(illegal.getPullStatus()).isEqualTo(PullStatus.OFFSET_ILLEGAL);
        // as the official store: past the end of a queue whose min offset is 0, the correction is 0
        assertThat(illegal.getNextBeginOffset()).isZero();
        // and, as the official broker, the correction is recorded in OFFSET_MOVED_EVENT (group as tag and key)
        MessageQueue events = new MessageQueue("OFFSET_MOVED_EVENT", "broker-a", 0);
        org.apache.rocketmq.common.protocol.topic.OffsetMovedEvent event = null;
        for (long offset = pull.minOffset(events); offset < pull.maxOffset(events) && event == null; offset++) {
            PullResult r2 = pull.pull(events, "PullGroup", offset, 1);
            if (r2.getPullStatus() == PullStatus.FOUND) {
                org.apache.rocketmq.common.protocol.topic.OffsetMovedEvent e =
                    org.apache.rocketmq.common.protocol.topic.OffsetMovedEvent.decode(r2.getMsgFoundList().get(0).getBody(),
                        org.apache.rocketmq.common.protocol.topic.OffsetMovedEvent.class);
                if (e.getMessageQueue().getTopic().equals(topic) && e.getOffsetRequest() == 100) {
                    event = e;
                    assertThat(r2.getMsgFoundList().get(0).getKeys()).isEqualTo("PullGroup");
                }
            }
        }
        assertThat(event).as("OFFSET_MOVED_EVENT record of the illegal pull").isNotNull();
        assertThat(event.getConsumerGroup()).isEqualTo("PullGroup");
        assertThat(event.getMessageQueue()).isEqualTo(mq);
        assertThat(event.getOffsetNew()).isZero();
    }

    @Test
    @Order(5)
    void reconsumeLaterRedeliversWithReconsumeTimesOne() throws Exception {
        String topic = "RetryTopic";
        producer.send(new Message(topic, "R", "retry-me".getBytes(StandardCharsets.UTF_8)));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        pushConsumer("RetryGroup", topic, "*", (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                seen.add(m.getReconsumeTimes());
                if (m.getReconsumeTimes() == 0) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (!seen.contains(1) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        // retry level 3 is 10 s in the default table; this broker runs "1s 5s 10s 30s 1m"
        assertThat(seen).containsSubsequence(0, 1);
    }

    @Test
    @Order(6)
    void alwaysFailingMessageLandsInDlq() throws Exception {
        String topic = "DlqTopic";
        producer.send(new Message(topic, "D", "dead".getBytes(StandardCharsets.UTF_8)));
        AtomicInteger attempts = new AtomicInteger();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("DlqGroup");
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("dlq-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(1);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            attempts.incrementAndGet();
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        c.start();
        cleanup.add(c::shutdown);
        DefaultMQPullConsumer pull = new DefaultMQPullConsumer("DlqReader");
        pull.setNamesrvAddr(nsAddr);
        pull.setInstanceName("dlqreader-" + System.nanoTime());
        pull.start();
        cleanup.add(pull::shutdown);
        long deadline = System.currentTimeMillis() + 90_000;
        PullResult dlq = null;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            try {
                Set<MessageQueue> mqs = pull.fetchSubscribeMessageQueues("%DLQ%DlqGroup");
                if (!mqs.isEmpty()) {
                    dlq = pull.pull(mqs.iterator().next(), "*", 0, 32);
                    if (dlq.getPullStatus() == PullStatus.FOUND) {
                        break;
                    }
                }
            } catch (MQClientException notYet) {
                // DLQ topic not routed yet
            }
        }
        assertThat(dlq).isNotNull();
        assertThat(dlq.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(new String(dlq.getMsgFoundList().get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("dead");
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(7)
    void delayLevelTwoArrivesAfterFiveSeconds() throws Exception {
        String topic = "DelayTopic";
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        // the first send creates the topic, so the consumer finds its route at start (not 30 s later)
        producer.send(new Message(topic, "warm", "warm".getBytes(StandardCharsets.UTF_8)));
        pushConsumer("DelayGroup", topic, "*", (msgs, ctx) -> {
            msgs.forEach(m -> arrived.put(new String(m.getBody(), StandardCharsets.UTF_8), System.currentTimeMillis()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (!arrived.containsKey("warm") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Message m = new Message(topic, "delay", "delayed".getBytes(StandardCharsets.UTF_8));
        m.setDelayTimeLevel(2);
        long sentAt = System.currentTimeMillis();
        assertThat(producer.send(m).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        deadline = sentAt + 20_000;
        while (!arrived.containsKey("delayed") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(arrived).containsKey("delayed");
        long took = arrived.get("delayed") - sentAt;
        assertThat(took).isBetween(5_000L, 15_000L);
    }

    @Test
    @Order(8)
    void longPollingDeliversWithinTwoHundredMillis() throws Exception {
        String topic = "LongPollTopic";
        producer.send(new Message(topic, "x", "0".getBytes(StandardCharsets.UTF_8)));
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        pushConsumer("LongPollGroup", topic, "*", (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            msgs.forEach(mm -> arrived.put(new String(mm.getBody(), StandardCharsets.UTF_8), now));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (!arrived.containsKey("0") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Thread.sleep(300);
            long t0 = System.currentTimeMillis();
            producer.send(new Message(topic, "x", Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
            String key = Integer.toString(i);
            long until = t0 + 5_000;
            while (!arrived.containsKey(key) && System.currentTimeMillis() < until) {
                Thread.sleep(2);
            }
            latencies.add(arrived.getOrDefault(key, t0 + 5_000) - t0);
        }
        Collections.sort(latencies);
        assertThat(latencies.get(10)).as("p50 of %s", latencies).isLessThan(200L);
    }

    @Test
    @Order(9)
    void badInputIsAnsweredAndTheBrokerKeepsServing() throws Exception {
        byte[] big = new byte[600 * 1024];
        new Random(1).nextBytes(big);
        producer.setRetryTimesWhenSendFailed(0);
        assertThatThrownBy(() -> producer.send(new Message("BigTopic", big)))
            .hasMessageContaining("CODE: 13").hasMessageContaining("the message is illegal");
        assertThatThrownBy(() -> producer.send(new Message("bad topic!", "x".getBytes(StandardCharsets.UTF_8))))
            .isInstanceOf(MQClientException.class);

        NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        try {
            RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
            HashMap<String, String> ext = new HashMap<>();
            ext.put("a", "G");
            ext.put("c", "TBW102");
            ext.put("d", "4");
            ext.put("e", "0");
            ext.put("f", "0");
            ext.put("g", "0");
            ext.put("h", "0");
            req.setExtFields(ext);
            req.setBody("x".getBytes(StandardCharsets.UTF_8));
            RemotingCommand resp = raw.invokeSync("127.0.0.1:" + brokerPort, req, 5000);
            assertThat(resp.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(resp.getRemark()).contains("<b>");

            RemotingCommand upd = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
            upd.setBody("storePathRootDir=/tmp/evil\n".getBytes(StandardCharsets.UTF_8));
            RemotingCommand refused = raw.invokeSync("127.0.0.1:" + brokerPort, upd, 5000);
            assertThat(refused.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);

            upd = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
            upd.setBody("autoCreateTopicEnable=false\n".getBytes(StandardCharsets.UTF_8));
            assertThat(raw.invokeSync("127.0.0.1:" + brokerPort, upd, 5000).getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThatThrownBy(() -> producer.send(new Message("NoAutoCreateTopic", "x".getBytes(StandardCharsets.UTF_8))))
                .hasStackTraceContaining("CODE: 17");
            upd = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
            upd.setBody("autoCreateTopicEnable=true\n".getBytes(StandardCharsets.UTF_8));
            assertThat(raw.invokeSync("127.0.0.1:" + brokerPort, upd, 5000).getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(Files.readString(brokerConf)).contains("autoCreateTopicEnable=true").doesNotContain("storePathIndex");
        } finally {
            raw.shutdown();
        }
        assertThat(producer.send(new Message("TopicTest", "TagA", "still fine".getBytes(StandardCharsets.UTF_8))).getSendStatus())
            .isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    @Order(10)
    void secondBrokerOnTheSameStoreFailsWithLockError() throws Exception {
        Path conf2 = Daemons.brokerConf(dir.resolve("broker2"), "broker-b", ChildJvm.freeBrokerPort(), nsAddr,
            Map.of("storePathRootDir", dir.resolve("broker/store").toString(),
                "storePathCommitLog", dir.resolve("broker/store/commitlog").toString()));
        try (ChildJvm second = Daemons.startBrokerScript(dir.resolve("broker2"), conf2, null)) {
            int code = second.awaitExit(Duration.ofSeconds(60));
            assertThat(code).isNotZero();
            assertThat(second.output()).contains("Lock failed,MQ already started");
        }
        assertThat(producer.send(new Message("TopicTest", "TagA", "after".getBytes(StandardCharsets.UTF_8))).getSendStatus())
            .isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    @Order(11)
    void officialMqadminAgainstApogee() throws Exception {
        Path adminDir = dir.resolve("admin");
        String cluster = OfficialPeers.mqadmin(adminDir, "clusterList", "-n", nsAddr);
        assertThat(cluster).contains("DefaultCluster").contains("broker-a").contains("127.0.0.1:" + brokerPort)
            .doesNotContain("Exception");
        String update = OfficialPeers.mqadmin(adminDir, "updateTopic", "-n", nsAddr, "-c", "DefaultCluster", "-t", "AdminTopic", "-r", "4", "-w", "4");
        assertThat(update).contains("create topic to 127.0.0.1:" + brokerPort + " success");
        // the broker registers the new topic before it answers updateTopic, so the route is there at once
        String route = OfficialPeers.mqadmin(adminDir, "topicRoute", "-n", nsAddr, "-t", "AdminTopic");
        assertThat(route).contains("\"brokerName\":\"broker-a\"").contains("\"writeQueueNums\":4");
        // every other acceptance-5 command is compared with an official broker in BrokerAdminCompareIT
        String byKey = OfficialPeers.mqadmin(adminDir, "queryMsgByKey", "-n", nsAddr, "-t", "TopicTest", "-k", "key-7");
        assertThat(byKey).contains("#Message ID");
        assertThat(byKey.split("\n").length).isGreaterThan(1);
    }
    /**
     * Clients built with vipChannelEnabled=true (the default of RocketMQ clients before 4.5) send, heartbeat and
     * commit offsets through the broker's VIP channel on listenPort - 2, and pull through listenPort.
     */
    @Test
    @Order(12)
    void vipChannelClientsSendAndConsumeThroughListenPortMinusTwo() throws Exception {
        try (java.net.Socket vip = new java.net.Socket("127.0.0.1", brokerPort - 2)) {
            assertThat(vip.isConnected()).isTrue();
        }
        DefaultMQProducer vipProducer = new DefaultMQProducer("vip_producer_group");
        vipProducer.setNamesrvAddr(nsAddr);
        vipProducer.setInstanceName("vip-producer");
        vipProducer.setVipChannelEnabled(true);
        vipProducer.start();
        cleanup.add(vipProducer::shutdown);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            String body = "vip-" + i;
            assertThat(vipProducer.send(new Message("VipTopic", body.getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
            sent.add(body);
        }
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("vip_consumer_group");
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("vip-consumer");
        c.setVipChannelEnabled(true);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe("VipTopic", "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        cleanup.add(c::shutdown);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!got.containsAll(sent) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(got).containsAll(sent);
    }
}
