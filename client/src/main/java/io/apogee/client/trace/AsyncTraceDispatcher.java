package io.apogee.client.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.remoting.RPCHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects trace contexts from a producer or push consumer and ships them, batched, to the trace topic through an
 * internal producer. Appending never blocks: when the bounded queue is full the context is dropped (and counted).
 * Sending is asynchronous; failures are logged and never reach the traced application.
 */
public class AsyncTraceDispatcher {
    private static final Logger log = LoggerFactory.getLogger(AsyncTraceDispatcher.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public enum Type { PRODUCE, CONSUME }

    private final String group;
    private final Type type;
    private final String traceTopic;
    private final RPCHook rpcHook;
    private final int queueSize;
    private final int batchSize = 100;
    private final int maxMsgSize = 128_000;
    private final long flushIntervalMillis = 500;
    private final BlockingQueue<TraceContext> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile DefaultMQProducer traceProducer;
    private volatile Thread worker;
    private volatile boolean stopped;

    public AsyncTraceDispatcher(String group, Type type, String traceTopic, RPCHook rpcHook) {
        this(group, type, traceTopic, rpcHook, 2048);
    }

    public AsyncTraceDispatcher(String group, Type type, String traceTopic, RPCHook rpcHook, int queueSize) {
        this.group = group;
        this.type = type;
        this.traceTopic = traceTopic == null || traceTopic.isBlank() ? TraceConstants.TRACE_TOPIC : traceTopic;
        this.rpcHook = rpcHook;
        this.queueSize = queueSize;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /** Starts the internal producer and the sending thread; a failure is logged and leaves tracing off. */
    public synchronized void start(String namesrvAddr) {
        if (worker != null) {
            return;
        }
        DefaultMQProducer p = new DefaultMQProducer(TraceConstants.GROUP_NAME_PREFIX + "-" + group + "-" + type + "-"
            + COUNTER.incrementAndGet(), rpcHook);
        if (namesrvAddr != null) {
            p.setNamesrvAddr(namesrvAddr);
        }
        p.setInstanceName(TraceConstants.TRACE_INSTANCE_NAME + "_" + (namesrvAddr == null ? "" : namesrvAddr));
        p.setSendMsgTimeout(5000);
        p.setMaxMessageSize(maxMsgSize);
        p.setVipChannelEnabled(false);
        try {
            p.start();
            traceProducer = p;
        } catch (Exception e) {
            log.warn("message trace for group {} is off: the trace producer did not start", group, e);
            return;
        }
        stopped = false;
        Thread t = new Thread(this::run, "MQ-AsyncTraceDispatcher-" + type + "-" + group);
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** Queues a context for sending; never blocks. Returns false when the context was dropped. */
    public boolean append(TraceContext ctx) {
        if (ctx == null || stopped) {
            return false;
        }
        if (queue.offer(ctx)) {
            return true;
        }
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            log.warn("trace queue of group {} is full ({} contexts): dropped {} trace contexts so far", group, queueSize, n);
        }
        return false;
    }

    public long getDroppedCount() {
        return dropped.get();
    }

    public String getTraceTopic() {
        return traceTopic;
    }

    public DefaultMQProducer getTraceProducer() {
        return traceProducer;
    }

    /** Sends what is queued, waits up to 5 s for in-flight trace messages, then stops the internal producer. */
    public void shutdown() {
        Thread t;
        synchronized (this) {
            t = worker;
            if (t == null || stopped) {
                return;
            }
            stopped = true;
        }
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<TraceContext> rest = new ArrayList<>();
        queue.drainTo(rest);
        send(rest);
        long deadline = System.currentTimeMillis() + 5000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        DefaultMQProducer p = traceProducer;
        if (p != null) {
            p.shutdown();
        }
    }

    private void run() {
        List<TraceContext> batch = new ArrayList<>(batchSize);
        long firstAt = 0;
        while (!stopped) {
            try {
                TraceContext ctx = queue.poll(5, TimeUnit.MILLISECONDS);
                if (ctx != null) {
                    if (batch.isEmpty()) {
                        firstAt = System.currentTimeMillis();
                    }
                    batch.add(ctx);
                    queue.drainTo(batch, batchSize - batch.size());
                }
                if (!batch.isEmpty() && (batch.size() >= batchSize || System.currentTimeMillis() - firstAt >= flushIntervalMillis)) {
                    send(batch);
                    batch = new ArrayList<>(batchSize);
                }
            } catch (InterruptedException e) {
                break;
            } catch (Throwable t) {
                log.warn("trace dispatcher of group {}: unexpected error", group, t);
            }
        }
        queue.addAll(batch.subList(0, Math.min(batch.size(), queue.remainingCapacity())));
    }

    /** Encodes contexts into as few trace messages as fit {@code maxMsgSize} and sends them asynchronously. */
    private void send(List<TraceContext> contexts) {
        StringBuilder body = new StringBuilder(1024);
        Set<String> keys = new LinkedHashSet<>();
        for (TraceContext ctx : contexts) {
            TraceTransferBean bean;
            try {
                bean = TraceDataEncoder.encoderFromContextBean(ctx);
            } catch (RuntimeException e) {
                log.warn("cannot encode a trace context of group {}", group, e);
                continue;
            }
            if (bean == null || bean.getTransData().isEmpty()) {
                continue;
            }
            body.append(bean.getTransData());
            keys.addAll(bean.getTransKey());
            if (body.length() >= maxMsgSize) {
                sendOne(body.toString(), keys);
                body.setLength(0);
                keys = new LinkedHashSet<>();
            }
        }
        if (body.length() > 0) {
            sendOne(body.toString(), keys);
        }
    }

    private void sendOne(String data, Set<String> keys) {
        DefaultMQProducer p = traceProducer;
        if (p == null) {
            return;
        }
        Message msg = new Message(traceTopic, data.getBytes(StandardCharsets.UTF_8));
        msg.setKeys(keys);
        inFlight.incrementAndGet();
        try {
            p.send(msg, new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    inFlight.decrementAndGet();
                }

                @Override
                public void onException(Throwable e) {
                    inFlight.decrementAndGet();
                    log.info("sending a trace message of group {} to {} failed: {}", group, traceTopic, e.toString());
                }
            }, 5000);
        } catch (Exception e) {
            inFlight.decrementAndGet();
            log.info("sending a trace message of group {} to {} failed: {}", group, traceTopic, e.toString());
        }
    }
}
