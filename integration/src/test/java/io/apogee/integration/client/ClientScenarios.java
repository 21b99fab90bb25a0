package io.apogee.integration.client;

import static org.assertj.core.api.Assertions.assertThat;
import static io.apogee.integration.client.ScenarioContext.await;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.client.consumer.DefaultMQPullConsumer;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import io.apogee.common.protocol.body.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The client scenario suite, run once per daemon kind by the subclasses: one name server + broker pair
 * per class, a fresh topic and group per scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ClientScenarios implements ScenarioContext, MessageScenarios, GroupScenarios, TransactionScenarios,
    LitePullScenarios, FailureScenarios, TraceScenarios {
    Cluster cluster;
    Admin admin;

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @BeforeAll
    void startCluster() throws Exception {
        cluster = Cluster.start(kind());
        admin = new Admin(cluster.namesrvAddr());
    }

    @AfterAll
    void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public String newTopic(int queues) throws Exception {
        String topic = "T_" + kind() + "_" + ScenarioContext.SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000;
        admin.createTopic(cluster.brokerAddr(), topic, queues);
        return topic;
    }


    @Override
    public DefaultMQProducer producer() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group("PG"));
        p.setNamesrvAddr(cluster.namesrvAddr());
        p.setInstanceName("p" + ScenarioContext.SEQ.incrementAndGet());
        p.start();
        return p;
    }


    @Test
    void syncAsyncOnewayAndBatchSends() throws Exception {
        String topic = newTopic(4);
        DefaultMQProducer p = producer();
        try {
            SendResult r = p.send(new Message(topic, "TagA", "k1 k2", body("héllo ✓")));
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(r.getMsgId().length()).isIn(32, 56); // IPv4 or IPv6 host part
            assertThat(r.getOffsetMsgId()).hasSize(32); // 127.0.0.1 store host
            assertThat(r.getMessageQueue().getTopic()).isEqualTo(topic);

            CountDownLatch latch = new CountDownLatch(10);
            List<Throwable> errors = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                p.send(new Message(topic, body("async-" + i)), new SendCallback() {
                    @Override
                    public void onSuccess(SendResult sendResult) {
                        latch.countDown();
                    }

                    @Override
                    public void onException(Throwable e) {
                        errors.add(e);
                        latch.countDown();
                    }
                });
            }
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(errors).isEmpty();

            p.sendOneway(new Message(topic, body("oneway")));

            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(new Message(topic, "TagB", "bk" + i, body("batch-" + i)));
            }
            MessageQueue mq = new MessageQueue(topic, r.getMessageQueue().getBrokerName(), 1);
            SendResult br = p.send(batch, mq);
            assertThat(br.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(br.getMsgId().split(",")).hasSize(5);
            assertThat(br.getOffsetMsgId().split(",")).hasSize(5);

            byte[] big = new byte[8192];
            java.util.Arrays.fill(big, (byte) 'z');
            assertThat(p.send(new Message(topic, big)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            p.shutdown();
        }
    }

    @Override
    public DefaultMQPushConsumer pushConsumer(String group, String topic) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName("c" + ScenarioContext.SEQ.incrementAndGet());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(4);
        c.setConsumeThreadMax(4);
        c.subscribe(topic, "*");
        return c;
    }


    @Test
    void pushConsumerConcurrentlyReceivesAllWithPropertiesIntact() throws Exception {
        String topic = newTopic(4);
        DefaultMQProducer p = producer();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        byte[] compressible = new byte[4096];
        java.util.Arrays.fill(compressible, (byte) 'c');
        try {
            for (int i = 0; i < 40; i++) {
                Message m = new Message(topic, "Tag" + (i % 2), "key-" + i, body("ünïcødé-" + i));
                m.putUserProperty("seq", Integer.toString(i));
                sent.add(p.send(m).getMsgId());
            }
            sent.add(p.send(new Message(topic, "TagC", "big", compressible)).getMsgId());
        } finally {
            p.shutdown();
        }
        Map<String, MessageExt> received = new ConcurrentHashMap<>();
        CountDownLatch latch = new CountDownLatch(sent.size());
        DefaultMQPushConsumer c = pushConsumer(group("CG"), topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                if (received.putIfAbsent(m.getMsgId(), m) == null) {
                    latch.countDown();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        try {
            await(latch, "all messages consumed");
            assertThat(received.keySet()).isEqualTo(sent);
            MessageExt any = received.values().stream().filter(m -> "key-7".equals(m.getKeys())).findFirst().orElseThrow();
            assertThat(new String(any.getBody(), StandardCharsets.UTF_8)).isEqualTo("ünïcødé-7");
            assertThat(any.getTags()).isEqualTo("Tag1");
            assertThat(any.getUserProperty("seq")).isEqualTo("7");
            MessageExt big = received.values().stream().filter(m -> "big".equals(m.getKeys())).findFirst().orElseThrow();
            assertThat(big.getBody()).isEqualTo(compressible);
        } finally {
            c.shutdown();
        }
    }

    @Test
    void orderlyConsumerSeesEachOrderInSequence() throws Exception {
        String topic = newTopic(4);
        DefaultMQProducer p = producer();
        try {
            for (int seq = 0; seq < 10; seq++) {
                for (int order = 0; order < 4; order++) {
                    p.send(new Message(topic, body(order + ":" + seq)), (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size()), order);
                }
            }
        } finally {
            p.shutdown();
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch latch = new CountDownLatch(40);
        DefaultMQPushConsumer c = pushConsumer(group("CGO"), topic);
        c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
                latch.countDown();
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        c.start();
        try {
            await(latch, "orderly consumption");
            for (List<Integer> seqs : seen.values()) {
                assertThat(seqs).isSorted().hasSize(10);
            }
        } finally {
            c.shutdown();
        }
    }

    @Test
    void reconsumeLaterRedeliversThroughRetryTopic() throws Exception {
        String topic = newTopic(2);
        DefaultMQProducer p = producer();
        String msgId;
        try {
            msgId = p.send(new Message(topic, "TagR", body("retry-me"))).getMsgId();
        } finally {
            p.shutdown();
        }
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        CountDownLatch latch = new CountDownLatch(2);
        DefaultMQPushConsumer c = pushConsumer(group("CGR"), topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                assertThat(m.getTopic()).isEqualTo(topic);
                attempts.add(m.getReconsumeTimes());
                latch.countDown();
            }
            if (attempts.size() == 1) {
                ctx.setDelayLevelWhenNextConsume(1); // 1 s
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        try {
            await(latch, "redelivery of " + msgId);
            assertThat(attempts).containsExactly(0, 1);
        } finally {
            c.shutdown();
        }
    }

    @Test
    void offsetsSurviveConsumerRestart() throws Exception {
        String topic = newTopic(2);
        String group = group("CGP");
        DefaultMQProducer p = producer();
        try {
            for (int i = 0; i < 10; i++) {
                p.send(new Message(topic, body("first-" + i)));
            }
            Set<String> firstRound = ConcurrentHashMap.newKeySet();
            CountDownLatch latch1 = new CountDownLatch(10);
            DefaultMQPushConsumer c1 = pushConsumer(group, topic);
            c1.setAwaitTerminationMillisWhenShutdown(5000); // let in-flight acks land before the final persist
            c1.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> {
                    firstRound.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    latch1.countDown();
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c1.start();
            try {
                await(latch1, "first round");
            } finally {
                c1.shutdown();
            }
            for (int i = 0; i < 10; i++) {
                p.send(new Message(topic, body("second-" + i)));
            }
            List<String> secondRound = new CopyOnWriteArrayList<>();
            CountDownLatch latch2 = new CountDownLatch(10);
            DefaultMQPushConsumer c2 = pushConsumer(group, topic);
            c2.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> {
                    secondRound.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    latch2.countDown();
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c2.start();
            try {
                await(latch2, "second round");
                Thread.sleep(1000);
                assertThat(secondRound).allMatch(b -> b.startsWith("second-")).hasSize(10);
            } finally {
                c2.shutdown();
            }
        } finally {
            p.shutdown();
        }
    }

    @Test
    void pullConsumerStatuses() throws Exception {
        String topic = newTopic(1);
        DefaultMQProducer p = producer();
        try {
            MessageQueue mq = new MessageQueue(topic, "broker-a", 0);
            for (int i = 0; i < 3; i++) {
                p.send(new Message(topic, "TagP", body("pull-" + i)), mq);
            }
            DefaultMQPullConsumer c = new DefaultMQPullConsumer(group("CGPULL"));
            c.setNamesrvAddr(cluster.namesrvAddr());
            c.setInstanceName("pc" + ScenarioContext.SEQ.incrementAndGet());
            c.start();
            try {
                assertThat(c.fetchSubscribeMessageQueues(topic)).contains(mq);
                PullResult found = c.pull(mq, "*", 0, 32);
                assertThat(found.getPullStatus()).isEqualTo(PullStatus.FOUND);
                assertThat(found.getMsgFoundList()).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                    .containsExactly("pull-0", "pull-1", "pull-2");
                assertThat(found.getNextBeginOffset()).isEqualTo(3);
                assertThat(found.getMaxOffset()).isEqualTo(3);
                PullResult none = c.pull(mq, "*", 3, 32);
                assertThat(none.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
                PullResult filtered = c.pull(mq, "OtherTag", 0, 32);
                assertThat(filtered.getMsgFoundList() == null || filtered.getMsgFoundList().isEmpty()).isTrue();
                PullResult illegal = c.pull(mq, "*", 1000, 32);
                assertThat(illegal.getPullStatus()).isEqualTo(PullStatus.OFFSET_ILLEGAL);
                c.updateConsumeOffset(mq, 3);
                assertThat(c.fetchConsumeOffset(mq, false)).isEqualTo(3);
            } finally {
                c.shutdown();
            }
        } finally {
            p.shutdown();
        }
    }
}
