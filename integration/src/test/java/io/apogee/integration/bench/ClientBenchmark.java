package io.apogee.integration.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.integration.client.Cluster;

/**
 * Not a test: Apogee client vs official 4.9.7 client against the same broker (Apogee's by default, the official
 * one with {@code -Dbench.broker=official}). Sync send TPS with 16 threads, async send TPS (1024 in flight), and
 * the push-consume drain rate of a pre-loaded topic. Sizes via {@code -Dbench.messages} (default 20000, 128 B).
 * Run: {@code mvn -q -pl integration test-compile exec:java} is not configured; use the test classpath directly, e.g.
 * {@code java -cp "$(cat cp.txt):target/test-classes" io.apogee.integration.bench.ClientBenchmark}.
 */
public final class ClientBenchmark {
    private static final int N = Integer.getInteger("bench.messages", 20_000);
    private static final byte[] BODY = "x".repeat(128).getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The operations measured, implemented once per client library. */
    interface Client {
        void startProducer(String ns) throws Exception;

        void sendSync(String topic) throws Exception;

        void sendAsync(String topic, Runnable done) throws Exception;

        void shutdownProducer();

        /** Starts a push consumer from the first offset and returns when {@code n} messages were consumed. */
        void drain(String ns, String topic, int n) throws Exception;
    }

    static final class Apogee implements Client {
        private io.apogee.client.producer.DefaultMQProducer p;

        @Override
        public void startProducer(String ns) throws Exception {
            p = new io.apogee.client.producer.DefaultMQProducer("BENCH_PG_A" + SEQ.incrementAndGet());
            p.setNamesrvAddr(ns);
            p.setInstanceName("benchA" + SEQ.get());
            p.start();
        }

        @Override
        public void sendSync(String topic) throws Exception {
            p.send(new io.apogee.common.message.Message(topic, BODY));
        }

        @Override
        public void sendAsync(String topic, Runnable done) throws Exception {
            p.send(new io.apogee.common.message.Message(topic, BODY), new io.apogee.client.producer.SendCallback() {
                @Override
                public void onSuccess(io.apogee.client.producer.SendResult r) {
                    done.run();
                }

                @Override
                public void onException(Throwable e) {
                    done.run();
                }
            });
        }

        @Override
        public void shutdownProducer() {
            p.shutdown();
        }

        @Override
        public void drain(String ns, String topic, int n) throws Exception {
            CountDownLatch latch = new CountDownLatch(n);
            io.apogee.client.consumer.DefaultMQPushConsumer c =
                new io.apogee.client.consumer.DefaultMQPushConsumer("BENCH_CG_A" + SEQ.incrementAndGet());
            c.setNamesrvAddr(ns);
            c.setInstanceName("benchAc" + SEQ.get());
            c.setConsumeFromWhere(io.apogee.common.protocol.heartbeat.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(topic, "*");
            c.registerMessageListener((io.apogee.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> latch.countDown());
                return io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            latch.await();
            c.shutdown();
        }
    }

    static final class Official implements Client {
        private org.apache.rocketmq.client.producer.DefaultMQProducer p;

        @Override
        public void startProducer(String ns) throws Exception {
            p = new org.apache.rocketmq.client.producer.DefaultMQProducer("BENCH_PG_O" + SEQ.incrementAndGet());
            p.setNamesrvAddr(ns);
            p.setInstanceName("benchO" + SEQ.get());
            p.start();
        }

        @Override
        public void sendSync(String topic) throws Exception {
            p.send(new org.apache.rocketmq.common.message.Message(topic, BODY));
        }

        @Override
        public void sendAsync(String topic, Runnable done) throws Exception {
            p.send(new org.apache.rocketmq.common.message.Message(topic, BODY),
                new org.apache.rocketmq.client.producer.SendCallback() {
                    @Override
                    public void onSuccess(org.apache.rocketmq.client.producer.SendResult r) {
                        done.run();
                    }

                    @Override
                    public void onException(Throwable e) {
                        done.run();
                    }
                });
        }

        @Override
        public void shutdownProducer() {
            p.shutdown();
        }

        @Override
        public void drain(String ns, String topic, int n) throws Exception {
            CountDownLatch latch = new CountDownLatch(n);
            org.apache.rocketmq.client.consumer.DefaultMQPushConsumer c =
                new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer("BENCH_CG_O" + SEQ.incrementAndGet());
            c.setNamesrvAddr(ns);
            c.setInstanceName("benchOc" + SEQ.get());
            c.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(topic, "*");
            c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> latch.countDown());
                return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            latch.await();
            c.shutdown();
        }
    }

    private static double syncTps(Client client, String ns, String topic, int n) throws Exception {
        client.startProducer(ns);
        try {
            int threads = 16;
            Thread[] ts = new Thread[threads];
            long t0 = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                ts[i] = new Thread(() -> {
                    for (int k = 0; k < n / threads; k++) {
                        try {
                            client.sendSync(topic);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                ts[i].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            return (n / threads * threads) / ((System.nanoTime() - t0) / 1e9);
        } finally {
            client.shutdownProducer();
        }
    }

    private static double asyncTps(Client client, String ns, String topic, int n) throws Exception {
        client.startProducer(ns);
        try {
            Semaphore inFlight = new Semaphore(1024);
            CountDownLatch all = new CountDownLatch(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                client.sendAsync(topic, () -> {
                    inFlight.release();
                    all.countDown();
                });
            }
            all.await();
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            client.shutdownProducer();
        }
    }

    private static double drainRate(Client client, String ns, String topic, int n) throws Exception {
        long t0 = System.nanoTime();
        client.drain(ns, topic, n);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Cluster.Kind kind = "official".equals(System.getProperty("bench.broker")) ? Cluster.Kind.OFFICIAL : Cluster.Kind.APOGEE;
        try (Cluster cluster = Cluster.start(kind)) {
            String ns = cluster.namesrvAddr();
            Client apogee = new Apogee();
            Client official = new Official();
            // warm-up both clients (auto-created topics, JIT)
            syncTps(apogee, ns, "BenchWarm", 2000);
            syncTps(official, ns, "BenchWarm", 2000);
            String[] names = {"sync send TPS (16 threads)", "async send TPS (1024 in flight)", "push consume drain msg/s"};
            double[][] r = new double[3][2];
            Client[] clients = {apogee, official};
            for (int c = 0; c < 2; c++) {
                String t = "Bench" + c + "_" + System.nanoTime() % 10000;
                r[0][c] = syncTps(clients[c], ns, t, N);
                r[1][c] = asyncTps(clients[c], ns, t, N);
            }
            for (int c = 1; c >= 0; c--) { // drain the topic the other client filled: same data, fresh group
                String t = "Bench" + c + "_drain";
                syncTps(apogee, ns, t, N);
                r[2][c] = drainRate(clients[c], ns, t, N / 16 * 16);
            }
            System.out.printf(Locale.ROOT, "broker=%s messages=%d body=%dB%n", kind, N, BODY.length);
            System.out.printf(Locale.ROOT, "%-34s %12s %12s %7s%n", "metric", "apogee", "official", "ratio");
            for (int i = 0; i < 3; i++) {
                System.out.printf(Locale.ROOT, "%-34s %12.0f %12.0f %6.2fx%n", names[i], r[i][0], r[i][1], r[i][0] / r[i][1]);
            }
        }
    }
}
