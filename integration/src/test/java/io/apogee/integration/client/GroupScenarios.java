package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.await;
import static io.apogee.integration.client.ScenarioContext.awaitTrue;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static io.apogee.integration.client.ScenarioContext.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;

/** Consumer groups: clustering balance and rebalance, broadcasting, mixed clients, reset by timestamp. */
interface GroupScenarios extends ScenarioContext {

    static int ownedQueues(DefaultMQPushConsumer c, String topic) {
        return (int) c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
            .filter(mq -> mq.getTopic().equals(topic)).count();
    }

    static void send(DefaultMQProducer p, String topic, String prefix, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            p.send(new Message(topic, body(prefix + i)));
        }
    }

    static Set<String> expected(String prefix, int n) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < n; i++) {
            s.add(prefix + i);
        }
        return s;
    }

    private DefaultMQPushConsumer recording(String group, String topic, Map<String, Set<String>> byConsumer, String name)
        throws Exception {
        DefaultMQPushConsumer c = pushConsumer(group, topic);
        Set<String> mine = byConsumer.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> mine.add(text(m.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return c;
    }

    @Test
    default void twoConsumersShareQueuesAndRebalanceOnJoinAndLeaveWithoutLoss() throws Exception {
        String topic = newTopic(4);
        String group = group("CGBAL");
        Map<String, Set<String>> got = new ConcurrentHashMap<>();
        DefaultMQProducer p = producer();
        DefaultMQPushConsumer c1 = recording(group, topic, got, "c1");
        DefaultMQPushConsumer c2 = recording(group, topic, got, "c2");
        try {
            c1.start();
            awaitTrue(() -> ownedQueues(c1, topic) == 4, 30_000, "c1 owns all 4 queues");
            send(p, topic, "a-", 20);
            c2.start();
            awaitTrue(() -> ownedQueues(c1, topic) == 2 && ownedQueues(c2, topic) == 2, 30_000,
                "2 + 2 queues after c2 joined");
            send(p, topic, "b-", 40);
            awaitTrue(() -> union(got).containsAll(expected("b-", 40)), 60_000, "batch b consumed");
            long c1b = got.get("c1").stream().filter(s -> s.startsWith("b-")).count();
            long c2b = got.get("c2").stream().filter(s -> s.startsWith("b-")).count();
            assertThat(c1b).as("c1 share of batch b").isEqualTo(20);
            assertThat(c2b).as("c2 share of batch b").isEqualTo(20);

            c1.shutdown();
            awaitTrue(() -> ownedQueues(c2, topic) == 4, 30_000, "c2 owns all 4 queues after c1 left");
            send(p, topic, "c-", 20);
            awaitTrue(() -> got.get("c2").containsAll(expected("c-", 20)), 60_000, "batch c consumed by c2");
            Set<String> all = union(got);
            assertThat(all).containsAll(expected("a-", 20)).containsAll(expected("b-", 40));
        } finally {
            c1.shutdown();
            c2.shutdown();
            p.shutdown();
        }
    }

    private static Set<String> union(Map<String, Set<String>> got) {
        Set<String> all = new HashSet<>();
        got.values().forEach(all::addAll);
        return all;
    }

    @Test
    default void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = newTopic(2);
        String group = group("CGBC");
        Path offsets = Files.createTempDirectory("bc-offsets");
        System.setProperty("rocketmq.client.localOffsetStoreDir", offsets.toString());
        Map<String, Set<String>> got = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c1 = recording(group, topic, got, "c1");
        DefaultMQPushConsumer c2 = recording(group, topic, got, "c2");
        c1.setMessageModel(MessageModel.BROADCASTING);
        c2.setMessageModel(MessageModel.BROADCASTING);
        DefaultMQProducer p = producer();
        try {
            c1.start();
            c2.start();
            send(p, topic, "bc-", 10);
            awaitTrue(() -> got.get("c1").size() == 10 && got.get("c2").size() == 10, 60_000,
                "each consumer got all 10: " + got);
            assertThat(got.get("c1")).isEqualTo(expected("bc-", 10));
            assertThat(got.get("c2")).isEqualTo(expected("bc-", 10));
        } finally {
            c1.shutdown();
            c2.shutdown();
            p.shutdown();
        }
    }

    @Test
    default void officialAndApogeeConsumersShareOneGroup() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        String topic = newTopic(4);
        String group = group("CGMIX");
        Map<String, Set<String>> got = new ConcurrentHashMap<>();
        DefaultMQPushConsumer apogee = recording(group, topic, got, "apogee");
        Set<String> officialGot = got.computeIfAbsent("official", k -> ConcurrentHashMap.newKeySet());
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer official =
            new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer(group);
        official.setNamesrvAddr(cluster().namesrvAddr());
        official.setInstanceName(instance("official"));
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> officialGot.add(text(m.getBody())));
            return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer p = producer();
        try {
            apogee.start();
            official.start();
            awaitTrue(() -> ownedQueues(apogee, topic) == 2, 30_000, "Apogee consumer owns 2 of 4 queues");
            Thread.sleep(1000); // the official consumer settles on the other two
            send(p, topic, "mix-", 40);
            awaitTrue(() -> union(got).containsAll(expected("mix-", 40)), 60_000, "all consumed: " + got);
            assertThat(got.get("apogee")).hasSize(20);
            assertThat(officialGot).hasSize(20);
            assertThat(union(got)).isEqualTo(expected("mix-", 40));
        } finally {
            official.shutdown();
            apogee.shutdown();
            p.shutdown();
        }
    }

    @Test
    default void resetOffsetByTimestampMakesConsumerReconsume() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        String topic = newTopic(2);
        String group = group("CGRESET");
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(10);
        DefaultMQPushConsumer c = pushConsumer(group, topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> {
                got.add(text(m.getBody()));
                first.countDown();
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer p = producer();
        org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin = new org.apache.rocketmq.tools.admin.DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster().namesrvAddr());
        admin.setInstanceName(instance("admin"));
        try {
            c.start();
            long before = System.currentTimeMillis() - 1000;
            send(p, topic, "r-", 10);
            await(first, "first round");
            Thread.sleep(1000); // acks reach the broker's offset table through the 5 s persist or the next pull
            admin.start();
            // The broker knows the group's offsets only once the consumer has committed them (every 5 s);
            // until then an official broker answers "consumer group not exist".
            long deadline = System.currentTimeMillis() + 20_000;
            while (true) {
                try {
                    admin.resetOffsetByTimestamp(topic, group, before, true);
                    break;
                } catch (org.apache.rocketmq.client.exception.MQClientException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
            awaitTrue(() -> got.size() >= 20, 60_000, "reconsumed after reset: " + got.size());
            assertThat(new HashSet<>(got.subList(10, got.size()))).isEqualTo(expected("r-", 10));
        } finally {
            admin.shutdown();
            c.shutdown();
            p.shutdown();
        }
    }
}
