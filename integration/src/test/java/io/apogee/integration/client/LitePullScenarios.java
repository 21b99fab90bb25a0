package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.awaitTrue;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static io.apogee.integration.client.ScenarioContext.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import org.junit.jupiter.api.Test;

/** DefaultLitePullConsumer: assign + seek + pause/resume + commit, and subscribe mode. */
interface LitePullScenarios extends ScenarioContext {

    static List<String> pollAtLeast(DefaultLitePullConsumer c, int n) throws Exception {
        List<String> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (got.size() < n && System.currentTimeMillis() < deadline) {
            for (MessageExt m : c.poll(1000)) {
                got.add(text(m.getBody()));
            }
        }
        return got;
    }

    static List<String> range(String prefix, int from, int to) {
        List<String> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(prefix + i);
        }
        return l;
    }

    @Test
    default void litePullAssignSeekPauseResumeAndCommit() throws Exception {
        String topic = newTopic(2);
        MessageQueue mq0 = new MessageQueue(topic, "broker-a", 0);
        DefaultMQProducer p = producer();
        DefaultLitePullConsumer c = new DefaultLitePullConsumer(group("CGLITE"));
        c.setNamesrvAddr(cluster().namesrvAddr());
        c.setInstanceName(instance("lite"));
        c.setAutoCommit(false);
        c.setPullThreadNums(2);
        try {
            for (int i = 0; i < 10; i++) {
                p.send(new Message(topic, body("lite-" + i)), mq0);
            }
            c.start();
            assertThat(c.fetchMessageQueues(topic)).hasSize(2).contains(mq0);
            c.assign(List.of(mq0));
            c.seek(mq0, 5);
            assertThat(pollAtLeast(c, 5)).containsExactlyElementsOf(range("lite-", 5, 10));
            c.seekToBegin(mq0);
            assertThat(pollAtLeast(c, 10)).containsExactlyElementsOf(range("lite-", 0, 10));
            c.commitSync();
            assertThat(c.committed(mq0)).isEqualTo(10);

            c.pause(List.of(mq0));
            assertThat(c.isPaused(mq0)).isTrue();
            for (int i = 10; i < 13; i++) {
                p.send(new Message(topic, body("lite-" + i)), mq0);
            }
            assertThat(c.poll(1500)).isEmpty();
            c.resume(List.of(mq0));
            assertThat(pollAtLeast(c, 3)).containsExactlyElementsOf(range("lite-", 10, 13));
            assertThat(c.offsetForTimestamp(mq0, 0L)).isEqualTo(0);
        } finally {
            c.shutdown();
            p.shutdown();
        }
    }

    @Test
    default void litePullSubscribeReceivesAllAndAutoCommits() throws Exception {
        String topic = newTopic(2);
        String group = group("CGLITES");
        DefaultMQProducer p = producer();
        try {
            for (int i = 0; i < 10; i++) {
                p.send(new Message(topic, body("ls-" + i)));
            }
            DefaultLitePullConsumer c = new DefaultLitePullConsumer(group);
            c.setNamesrvAddr(cluster().namesrvAddr());
            c.setInstanceName(instance("lites"));
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.setPullThreadNums(2);
            c.subscribe(topic, "*");
            c.start();
            try {
                assertThat(Set.copyOf(pollAtLeast(c, 10))).containsExactlyInAnyOrderElementsOf(range("ls-", 0, 10));
                assertThat(c.assignment()).hasSize(2);
            } finally {
                c.shutdown(); // auto-commit: commits what was polled
            }
            // the commit travels oneway (as in RocketMQ): the next consumer of the group reads it once it landed
            awaitTrue(() -> admin().committedOffset(cluster().brokerAddr(), group, topic, 0)
                + admin().committedOffset(cluster().brokerAddr(), group, topic, 1) == 10, 15_000,
                "offsets of the 10 polled messages committed to the broker");
            DefaultLitePullConsumer again = new DefaultLitePullConsumer(group);
            again.setNamesrvAddr(cluster().namesrvAddr());
            again.setInstanceName(instance("lites"));
            again.setPullThreadNums(2);
            again.subscribe(topic, "*");
            again.start();
            try {
                p.send(new Message(topic, body("ls-after")));
                assertThat(pollAtLeast(again, 1)).containsExactly("ls-after");
            } finally {
                again.shutdown();
            }
        } finally {
            p.shutdown();
        }
    }
}
