package io.apogee.example.benchmark;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Push-consumer load sink: {@code -t topic (BenchmarkTest) -g group (benchmark_consumer) -n namesrv}.
 * Prints consume TPS and born-to-consume / store-to-consume latencies every second until Ctrl-C.
 */
public class Consumer {
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String topic = a.str("t", "BenchmarkTest");
        String group = a.str("g", "benchmark_consumer");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        if (a.str("n", null) != null) {
            consumer.setNamesrvAddr(a.str("n", null));
        }
        consumer.setInstanceName(Long.toString(System.nanoTime()));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.subscribe(topic, a.str("e", "*"));
        AtomicLong count = new AtomicLong();
        AtomicLong b2c = new AtomicLong();
        AtomicLong s2c = new AtomicLong();
        AtomicLong b2cMax = new AtomicLong();
        AtomicLong s2cMax = new AtomicLong();
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                long born = now - m.getBornTimestamp();
                long stored = now - m.getStoreTimestamp();
                b2c.addAndGet(born);
                s2c.addAndGet(stored);
                b2cMax.accumulateAndGet(born, Math::max);
                s2cMax.accumulateAndGet(stored, Math::max);
                count.incrementAndGet();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown));
        long last = 0;
        long lastB = 0;
        long lastS = 0;
        while (true) {
            TimeUnit.SECONDS.sleep(1);
            long c = count.get();
            long b = b2c.get();
            long s = s2c.get();
            long n = c - last;
            System.out.printf("Consume TPS: %d AVG(B2C) RT(ms): %7.3f AVG(S2C) RT(ms): %7.3f MAX(B2C) RT(ms): %d MAX(S2C) RT(ms): %d%n",
                n, n == 0 ? 0.0 : (double) (b - lastB) / n, n == 0 ? 0.0 : (double) (s - lastS) / n, b2cMax.getAndSet(0), s2cMax.getAndSet(0));
            last = c;
            lastB = b;
            lastS = s;
        }
    }
}
