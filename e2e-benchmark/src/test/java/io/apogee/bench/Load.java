package io.apogee.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.Histogram;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.body.KVTable;

/**
 * The client side of every workload, written against the official Apache RocketMQ 4.9.7 client only, so the two
 * brokers see byte-for-byte the same requests. Compression is switched off (bodies are random, and it would only
 * measure client CPU) and the VIP channel is off (Apache's client would otherwise send to listenPort - 2).
 */
final class Load implements AutoCloseable {
    /**
     * Throughput in messages per second, a latency histogram in microseconds, the failures seen, and where the
     * workload tells them apart, how many sends ended how: by send status (SEND_OK, FLUSH_SLAVE_TIMEOUT, ...) or
     * by exception.
     */
    record Result(double tps, Histogram latencyMicros, long errors, Map<String, Long> outcomes) {
        Result(double tps, Histogram latencyMicros, long errors) {
            this(tps, latencyMicros, errors, Map.of());
        }
    }

    static final String SEND_OK = SendStatus.SEND_OK.name();
    private static final AtomicLong INSTANCE = new AtomicLong();
    private final String namesrvAddr;
    private final DefaultMQProducer producer;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    Load(String namesrvAddr) throws MQClientException {
        this.namesrvAddr = namesrvAddr;
        this.producer = new DefaultMQProducer("bench_producer");
        configure(producer);
        producer.setSendMsgTimeout(10_000);
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        producer.setMaxMessageSize(4 * 1024 * 1024);
        producer.start();
    }

    private void configure(org.apache.rocketmq.client.ClientConfig c) {
        c.setNamesrvAddr(namesrvAddr);
        c.setVipChannelEnabled(false);
        c.setInstanceName("bench-" + ProcessHandle.current().pid() + "-" + INSTANCE.incrementAndGet());
    }

    /** Creates the topic with 8 queues through TBW102's brokers and waits until the name server routes it. */
    void createTopic(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                producer.createTopic("TBW102", topic, 8);
                if (!producer.fetchPublishMessageQueues(topic).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        // Fall back to creation on first send (autoCreateTopicEnable=true).
        SendResult r = producer.send(new Message(topic, body(16)));
        if (r.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("cannot create topic " + topic, last);
        }
    }

    /**
     * {@code threads} threads each sending synchronously, one message at a time, for the given time. Throughput
     * counts SEND_OK answers; the latency histogram holds every answer, whatever its status (a FLUSH_SLAVE_TIMEOUT
     * took its time too); exceptions are only counted.
     */
    Result syncSend(String topic, int size, int threads, long millis) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int i = 0; i < threads; i++) {
            Histogram h = histogram();
            histograms.add(h);
            Thread t = new Thread(() -> {
                byte[] body = body(size);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        SendResult r = producer.send(new Message(topic, body));
                        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        outcome = r.getSendStatus().name();
                    } catch (MQBrokerException e) {
                        outcome = brokerError(e);
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    if (SEND_OK.equals(outcome)) {
                        ok.incrementAndGet();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                }
            }, "sync-send-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = histogram();
        histograms.forEach(all::add);
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        long errors = counts.entrySet().stream().filter(e -> !SEND_OK.equals(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return new Result(ok.get() / seconds, all, errors, counts);
    }

    /** The response code and the remark's leading tag such as [TIMEOUT_CLEAN_QUEUE] (the rest holds run figures). */
    private static String brokerError(MQBrokerException e) {
        String remark = e.getErrorMessage() == null ? "" : e.getErrorMessage();
        int close = remark.indexOf(']');
        return "MQBrokerException code " + e.getResponseCode() + (remark.startsWith("[") && close > 0 ? " " + remark.substring(0, close + 1) : "");
    }

    /** One synchronous send, whatever its status: puts a message in the master's commit log. */
    String sendOne(String topic, int size) throws Exception {
        return producer.send(new Message(topic, body(size))).getSendStatus().name();
    }

    /**
     * Waits until the slave's commit log is as long as the master's (read through the brokers' runtime info, as
     * {@code mqadmin brokerStatus} does) and returns how long that took in milliseconds. This proves the slave is
     * connected and replicating; it fails if it has not caught up within the timeout. A failed read counts as "not
     * yet": an Apache broker answers SYSTEM_ERROR (NoSuchElementException) until its stats took their first sample.
     */
    long awaitReplica(String masterAddr, String slaveAddr, long timeoutMillis) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long master = -1;
        long slave = -1;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (master <= 0) {
                    master = commitLogMaxOffset(masterAddr);
                }
                slave = commitLogMaxOffset(slaveAddr);
                if (master > 0 && slave >= master) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("slave " + slaveAddr + " at commit log offset " + slave + ", master "
            + masterAddr + " at " + master + " after " + timeoutMillis + " ms", last);
    }

    private long commitLogMaxOffset(String brokerAddr) throws Exception {
        KVTable t = producer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl()
            .getBrokerRuntimeInfo(brokerAddr, 3000);
        return Long.parseLong(t.getTable().getOrDefault("commitLogMaxOffset", "-1"));
    }

    /** Asynchronous sends with at most {@code inFlight} outstanding requests. */
    Result asyncSend(String topic, int size, int inFlight, long millis) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore permits = new Semaphore(inFlight);
        Histogram h = histogram();
        byte[] body = body(size);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                producer.send(new Message(topic, body), new SendCallback() {
                    @Override
                    public void onSuccess(SendResult r) {
                        if (r.getSendStatus() == SendStatus.SEND_OK) {
                            synchronized (h) {
                                h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            }
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        permits.release();
                    }

                    @Override
                    public void onException(Throwable e) {
                        errors.incrementAndGet();
                        permits.release();
                    }
                });
            } catch (Exception e) {
                errors.incrementAndGet();
                permits.release();
            }
        }
        permits.tryAcquire(inFlight, 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, h, errors.get());
    }

    /** Batches of {@code batch} messages from {@code threads} threads; throughput counts messages, not batches. */
    Result batchSend(String topic, int size, int batch, int threads, long millis, long maxMessages)
        throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                byte[] body = body(size);
                while (System.nanoTime() < end && ok.get() < maxMessages) {
                    List<Message> msgs = new ArrayList<>(batch);
                    for (int j = 0; j < batch; j++) {
                        msgs.add(new Message(topic, body));
                    }
                    try {
                        SendResult r = producer.send(msgs);
                        if (r.getSendStatus() == SendStatus.SEND_OK) {
                            ok.addAndGet(batch);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }, "batch-send-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, histogram(), errors.get());
    }

    /**
     * A new push consumer group reads {@code topic} from the first offset; the rate is messages per second from
     * {@code start()} until {@code target} messages were consumed (or the timeout, then over what arrived).
     */
    Result drain(String topic, String group, long target, long timeoutMillis) throws Exception {
        AtomicLong consumed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        configure(c);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            if (consumed.addAndGet(msgs.size()) >= target) {
                done.countDown();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long start = System.nanoTime();
        c.start();
        boolean finished = done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = Math.min(consumed.get(), target);
        c.shutdown();
        return new Result(n / seconds, histogram(), finished ? 0 : target - n);
    }

    /** The end-to-end consumer: one per cluster for all rounds, so no round starts with an earlier round's backlog. */
    private DefaultMQPushConsumer e2eConsumer;
    private final AtomicLong e2eReceived = new AtomicLong();
    private volatile long e2eGate = Long.MAX_VALUE;
    private final Histogram e2eHistogram = histogram();

    /**
     * Store-to-consume latency at a fixed send rate: each body carries its scheduled send time ({@code System.nanoTime},
     * same JVM), the push consumer records arrival minus that time for messages of this round. Errors are sends that
     * failed or never arrived.
     */
    Result endToEnd(String topic, int ratePerSecond, long millis) throws Exception {
        AtomicLong sendErrors = new AtomicLong();
        if (e2eConsumer == null) {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer("bench_e2e");
            configure(c);
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
            c.subscribe(topic, "*");
            c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                long now = System.nanoTime();
                for (MessageExt m : msgs) {
                    long sent = ByteBuffer.wrap(m.getBody()).getLong();
                    if (sent >= e2eGate) {
                        synchronized (e2eHistogram) {
                            e2eHistogram.recordValue(Math.max(1, (now - sent) / 1000));
                        }
                        e2eReceived.incrementAndGet();
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumers.add(c);
            c.start();
            e2eConsumer = c;
            // Warm-up: send until the consumer sees messages, i.e. its queues are assigned and long polls are parked.
            long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            e2eGate = 0;
            while (e2eReceived.get() < 50 && System.nanoTime() < warmDeadline) {
                send(topic, System.nanoTime(), sendErrors);
                Thread.sleep(20);
            }
            Thread.sleep(1000);
        }
        e2eGate = Long.MAX_VALUE;
        Thread.sleep(200);
        synchronized (e2eHistogram) {
            e2eHistogram.reset();
        }
        e2eReceived.set(0);
        sendErrors.set(0);
        long start = System.nanoTime();
        e2eGate = start;
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long next = start;
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long sent = 0;
        while (next < end) {
            long now = System.nanoTime();
            if (now < next) {
                TimeUnit.NANOSECONDS.sleep(Math.min(next - now, 1_000_000));
                continue;
            }
            send(topic, next, sendErrors);   // the scheduled time: a stall counts against the broker, not hidden
            sent++;
            next += intervalNanos;
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (e2eReceived.get() + sendErrors.get() < sent && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        e2eGate = Long.MAX_VALUE;
        Histogram copy;
        synchronized (e2eHistogram) {
            copy = e2eHistogram.copy();
        }
        return new Result(e2eReceived.get() / (millis / 1000.0), copy, sent - e2eReceived.get());
    }

    private void send(String topic, long stamp, AtomicLong errors) {
        byte[] body = body(128);
        ByteBuffer.wrap(body).putLong(stamp);
        try {
            producer.sendOneway(new Message(topic, body));
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void close() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
