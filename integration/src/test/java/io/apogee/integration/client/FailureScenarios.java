package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.awaitTrue;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static io.apogee.integration.client.ScenarioContext.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import org.junit.jupiter.api.Test;

import io.apogee.testsupport.ChildJvm;

/** Bad input and failures: an unreachable name server, a broker restart under load. */
interface FailureScenarios extends ScenarioContext {

    @Test
    default void unreachableNamesrvFailsWithinTheSendTimeout() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group("PGDEAD"));
        p.setNamesrvAddr("127.0.0.1:" + ChildJvm.freePort());
        p.setInstanceName(instance("dead"));
        p.setSendMsgTimeout(3000);
        p.start();
        try {
            long t0 = System.currentTimeMillis();
            assertThatThrownBy(() -> p.send(new Message("NoSuchTopicAnywhere", body("x"))))
                .isInstanceOf(MQClientException.class)
                .hasMessageContaining("No route info of this topic");
            assertThat(System.currentTimeMillis() - t0).as("fails within the send time-out").isLessThan(3000 + 1500);
        } finally {
            p.shutdown();
        }
    }

    @Test
    default void brokerRestartMidLoadLosesNothing() throws Exception {
        String topic = newTopic(2);
        int total = 60;
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = pushConsumer(group("CGRESTART"), topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        DefaultMQProducer p = producer();
        AtomicInteger failedAttempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        Thread load = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                long deadline = System.currentTimeMillis() + 90_000;
                while (true) {
                    try {
                        p.send(new Message(topic, body("load-" + i)));
                        sent.incrementAndGet();
                        break;
                    } catch (Exception e) {
                        failedAttempts.incrementAndGet();
                        if (System.currentTimeMillis() > deadline) {
                            return;
                        }
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }, "load");
        try {
            load.start();
            awaitTrue(() -> sent.get() >= 15, 30_000, "first messages sent");
            cluster().restartBroker();
            load.join(100_000);
            assertThat(sent.get()).as("all sent (failed attempts during restart: " + failedAttempts + ")").isEqualTo(total);
            awaitTrue(() -> got.size() == total, 60_000, "consumer resumed: " + got.size() + " of " + total);
        } finally {
            load.interrupt();
            c.shutdown();
            p.shutdown();
        }
    }
}
