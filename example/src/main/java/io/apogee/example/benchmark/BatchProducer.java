package io.apogee.example.benchmark;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Batch-send load generator: {@code -t topic (BenchmarkTest) -w threads (16) -s bodySize (128)
 * -b batchSize (16) -k keyEnable (false) -q tagCount (0) -n namesrv}. Prints message TPS, max and average
 * RT per batch and failures every second until Ctrl-C.
 */
public class BatchProducer {
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String topic = a.str("t", "BenchmarkTest");
        int threads = a.integer("w", 16);
        int size = a.integer("s", 128);
        int batchSize = a.integer("b", 16);
        boolean keyEnable = Boolean.parseBoolean(a.str("k", "false"));
        int tagCount = a.integer("q", 0);
        DefaultMQProducer producer = new DefaultMQProducer("benchmark_batch_producer");
        if (a.str("n", null) != null) {
            producer.setNamesrvAddr(a.str("n", null));
        }
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.start();
        System.out.printf("topic: %s threadCount: %d messageSize: %d batchSize: %d keyEnable: %s tagCount: %d%n",
            topic, threads, size, batchSize, keyEnable, tagCount);
        SendStats stats = new SendStats();
        byte[] body = new byte[size];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    List<Message> batch = new ArrayList<>(batchSize);
                    for (int j = 0; j < batchSize; j++) {
                        Message m = new Message(topic, body);
                        if (keyEnable) {
                            m.setKeys(Long.toString(ThreadLocalRandom.current().nextLong()));
                        }
                        if (tagCount > 0) {
                            m.setTags("tag" + ThreadLocalRandom.current().nextInt(tagCount));
                        }
                        batch.add(m);
                    }
                    long begin = System.currentTimeMillis();
                    try {
                        boolean ok = producer.send(batch).getSendStatus() == SendStatus.SEND_OK;
                        for (int j = 0; j < batchSize; j++) {
                            stats.record(begin, ok);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        stats.record(begin, false);
                    }
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.shutdownNow();
            producer.shutdown();
        }));
        while (true) {
            TimeUnit.SECONDS.sleep(1);
            double[] s = stats.next();
            System.out.printf("Send TPS: %d Max RT(ms): %d Average RT(ms): %7.3f Send Failed: %d Response Failed: %d%n",
                (long) s[0], (long) s[1], s[2], stats.failed.get(), 0);
        }
    }
}
