package io.apogee.example.benchmark;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sync-send load generator: {@code -t topic (BenchmarkTest) -w threads (64) -s bodySize (128) -n namesrv}.
 * Prints send TPS, max and average RT and failures every second until Ctrl-C.
 */
public class Producer {
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String topic = a.str("t", "BenchmarkTest");
        int threads = a.integer("w", 64);
        int size = a.integer("s", 128);
        DefaultMQProducer producer = new DefaultMQProducer("benchmark_producer");
        if (a.str("n", null) != null) {
            producer.setNamesrvAddr(a.str("n", null));
        }
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.start();
        System.out.printf("topic: %s threadCount: %d messageSize: %d%n", topic, threads, size);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong rtTotal = new AtomicLong();
        AtomicLong rtMax = new AtomicLong();
        byte[] body = new byte[size];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long begin = System.currentTimeMillis();
                    try {
                        producer.send(new Message(topic, body));
                        long rt = System.currentTimeMillis() - begin;
                        ok.incrementAndGet();
                        rtTotal.addAndGet(rt);
                        rtMax.accumulateAndGet(rt, Math::max);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.shutdownNow();
            producer.shutdown();
        }));
        long lastOk = 0;
        long lastRt = 0;
        while (true) {
            TimeUnit.SECONDS.sleep(1);
            long o = ok.get();
            long rt = rtTotal.get();
            long n = o - lastOk;
            System.out.printf("Send TPS: %d Max RT(ms): %d Average RT(ms): %7.3f Send Failed: %d Response Failed: %d%n",
                n, rtMax.getAndSet(0), n == 0 ? 0.0 : (double) (rt - lastRt) / n, failed.get(), 0);
            lastOk = o;
            lastRt = rt;
        }
    }
}
