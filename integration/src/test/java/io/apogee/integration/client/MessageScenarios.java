package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.await;
import static io.apogee.integration.client.ScenarioContext.awaitTrue;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static io.apogee.integration.client.ScenarioContext.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.apogee.client.consumer.DefaultMQPullConsumer;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.MixAll;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import org.junit.jupiter.api.Test;

/** Message content and routing: body sizes, filters, retry and dead letters, delay levels. */
interface MessageScenarios extends ScenarioContext {

    @Test
    default void oneByteFourKibCompressedAndOneMibBodiesArriveByteExact() throws Exception {
        String topic = newTopic(1);
        MessageQueue mq = new MessageQueue(topic, "broker-a", 0);
        byte[] oneByte = {(byte) 0xC3};
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 4096) {
            sb.append("ünïcødé ✓ 鍵 ");
        }
        byte[] fourKib = java.util.Arrays.copyOf(body(sb.toString()), 4096);
        byte[] oneMib = new byte[1024 * 1024];
        new Random(7).nextBytes(oneMib);
        List<byte[]> bodies = List.of(oneByte, fourKib, oneMib);
        DefaultMQProducer p = producer();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                Message m = new Message(topic, "TagÜ", "ключ-" + i + " 鍵-" + i, bodies.get(i));
                m.putUserProperty("名前", "値 ✓ " + i);
                m.putUserProperty("plain", "v" + i);
                assertThat(p.send(m, mq).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        } finally {
            p.shutdown();
        }
        DefaultMQPullConsumer c = new DefaultMQPullConsumer(group("CGBODY"));
        c.setNamesrvAddr(cluster().namesrvAddr());
        c.setInstanceName(instance("pb"));
        c.start();
        try {
            List<MessageExt> got = new ArrayList<>();
            long offset = 0;
            while (got.size() < 3) {
                PullResult r = c.pull(mq, "*", offset, 32);
                assertThat(r.getPullStatus()).isEqualTo(PullStatus.FOUND);
                got.addAll(r.getMsgFoundList());
                offset = r.getNextBeginOffset();
            }
            for (int i = 0; i < 3; i++) {
                MessageExt m = got.get(i);
                assertThat(m.getBody()).as("body %d", i).isEqualTo(bodies.get(i));
                assertThat(m.getKeys()).isEqualTo("ключ-" + i + " 鍵-" + i);
                assertThat(m.getTags()).isEqualTo("TagÜ");
                assertThat(m.getUserProperty("名前")).isEqualTo("値 ✓ " + i);
                assertThat(m.getUserProperty("plain")).isEqualTo("v" + i);
            }
            assertThat(got.get(0).getSysFlag() & 1).as("1 B body not compressed").isZero();
            assertThat(got.get(1).getSysFlag() & 1).as("4 KiB body compressed").isEqualTo(1);
        } finally {
            c.shutdown();
        }
    }

    @Test
    default void tagFilterDeliversOnlyMatchingTags() throws Exception {
        String topic = newTopic(2);
        DefaultMQPushConsumer c = pushConsumer(group("CGTAG"), topic);
        c.subscribe(topic, "TagA || TagC");
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch latch = new CountDownLatch(10);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> {
                got.add(m.getTags());
                latch.countDown();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer p = producer();
        try {
            for (int i = 0; i < 5; i++) {
                for (String tag : List.of("TagA", "TagB", "TagC")) {
                    p.send(new Message(topic, tag, body(tag + i)));
                }
            }
        } finally {
            p.shutdown();
        }
        c.start();
        try {
            await(latch, "TagA and TagC messages");
            Thread.sleep(1500);
            assertThat(got).hasSize(10).containsOnly("TagA", "TagC");
        } finally {
            c.shutdown();
        }
    }

    @Test
    default void sql92FilterDeliversOnlyMatchingProperties() throws Exception {
        String topic = newTopic(2);
        DefaultMQPushConsumer c = pushConsumer(group("CGSQL"), topic);
        c.subscribe(topic, MessageSelector.bySql("a BETWEEN 3 AND 6 AND (color = 'red' OR color IS NULL)"));
        List<String> got = new CopyOnWriteArrayList<>();
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer p = producer();
        try {
            for (int i = 0; i < 10; i++) {
                Message m = new Message(topic, "TagS", body("sql-" + i));
                m.putUserProperty("a", Integer.toString(i));
                if (i == 4) {
                    m.putUserProperty("color", "blue");
                } else if (i == 5) {
                    m.putUserProperty("color", "red");
                }
                p.send(m);
            }
        } finally {
            p.shutdown();
        }
        c.start();
        try {
            awaitTrue(() -> got.size() >= 3, 60_000, "SQL92-selected messages, got " + got);
            Thread.sleep(1500);
            assertThat(got).containsExactlyInAnyOrder("sql-3", "sql-5", "sql-6");
        } finally {
            c.shutdown();
        }
    }

    @Test
    default void failingMessageIsRetriedThenDeadLettered() throws Exception {
        String topic = newTopic(1);
        String group = group("CGDLQ");
        DefaultMQProducer p = producer();
        try {
            p.send(new Message(topic, "TagD", "dead-key", body("dead")));
        } finally {
            p.shutdown();
        }
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer(group, topic);
        c.setMaxReconsumeTimes(1);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> attempts.add(m.getReconsumeTimes()));
            ctx.setDelayLevelWhenNextConsume(1);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        c.start();
        try {
            String dlq = MixAll.getDLQTopic(group);
            awaitTrue(() -> {
                try {
                    return admin().api().getMaxOffset(cluster().brokerAddr(), dlq, 0, 3000) == 1;
                } catch (Exception e) {
                    return false;
                }
            }, 60_000, "message in " + dlq + " after attempts " + attempts);
            assertThat(attempts).containsExactly(0, 1);
        } finally {
            c.shutdown();
        }
    }

    @Test
    default void delayLevelHoldsMessageBack() throws Exception {
        String topic = newTopic(1);
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        CountDownLatch latch = new CountDownLatch(2);
        DefaultMQPushConsumer c = pushConsumer(group("CGDELAY"), topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> {
                receivedAt.put(text(m.getBody()), System.currentTimeMillis());
                latch.countDown();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        DefaultMQProducer p = producer();
        try {
            Thread.sleep(1000); // let the consumer own its queue
            long sentAt = System.currentTimeMillis();
            Message delayed = new Message(topic, body("delayed"));
            delayed.setDelayTimeLevel(2); // 5 s
            p.send(delayed);
            p.send(new Message(topic, body("now")));
            await(latch, "delayed and immediate message");
            assertThat(receivedAt.get("delayed") - sentAt).isGreaterThanOrEqualTo(4000);
            assertThat(receivedAt.get("now")).isLessThan(receivedAt.get("delayed"));
        } finally {
            p.shutdown();
            c.shutdown();
        }
    }
}
