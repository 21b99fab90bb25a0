package io.apogee.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
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
abstract class ClientScenarios {
    private static final AtomicInteger SEQ = new AtomicInteger();
    Cluster cluster;
    Admin admin;

    abstract Cluster.Kind kind();

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

    String newTopic(int queues) throws Exception {
        String topic = "T_" + kind() + "_" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000;
        admin.createTopic(cluster.brokerAddr(), topic, queues);
        return topic;
    }

    static String group(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }

    DefaultMQProducer producer() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group("PG"));
        p.setNamesrvAddr(cluster.namesrvAddr());
        p.setInstanceName("p" + SEQ.incrementAndGet());
        p.start();
        return p;
    }

    static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
}
