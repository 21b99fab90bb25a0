package io.apogee.integration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.producer.DefaultMQProducer;

/**
 * What every scenario mix-in of the suite gets from the running suite: the daemons, raw admin calls, and
 * factories for fresh topics, groups and started clients.
 */
interface ScenarioContext {
    AtomicInteger SEQ = new AtomicInteger();

    Cluster.Kind kind();

    Cluster cluster();

    Admin admin();

    /** A topic with {@code queues} read/write queues, created on the broker and visible in the name server. */
    String newTopic(int queues) throws Exception;

    /** A started producer of a fresh group. */
    DefaultMQProducer producer() throws Exception;

    /** A push consumer (not started) of {@code group} subscribed to all of {@code topic}, from the first offset. */
    DefaultMQPushConsumer pushConsumer(String group, String topic) throws Exception;

    static String group(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }

    static String instance(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(60, TimeUnit.SECONDS)).as(what + ", remaining " + latch.getCount()).isTrue();
    }

    static void awaitTrue(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis() < deadline).as(what).isTrue();
            Thread.sleep(100);
        }
    }
}
