package io.apogee.client.impl.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyContext;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.trace.AsyncTraceDispatcher;
import io.apogee.client.trace.MessageTracer;
import io.apogee.client.trace.TraceContext;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent consumption: batches of up to {@code consumeMessageBatchMaxSize} on a pool of
 * {@code consumeThreadMin..Max} threads. Failed messages go back to the broker's retry topic (clustering)
 * or are dropped with a log line (broadcasting); the queue offset advances past the lowest message still held.
 */
public class ConsumeMessageConcurrentlyService implements ConsumeMessageService {
    private static final Logger log = LoggerFactory.getLogger(ConsumeMessageConcurrentlyService.class);
    private final DefaultMQPushConsumerImpl consumerImpl;
    private final DefaultMQPushConsumer consumer;
    private final MessageListenerConcurrently listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduledExecutorService;

    public ConsumeMessageConcurrentlyService(DefaultMQPushConsumerImpl consumerImpl, MessageListenerConcurrently listener) {
        this.consumerImpl = consumerImpl;
        this.consumer = consumerImpl.getDefaultMQPushConsumer();
        this.listener = listener;
        this.consumeExecutor = new ThreadPoolExecutor(consumer.getConsumeThreadMin(),
            Math.max(consumer.getConsumeThreadMin(), consumer.getConsumeThreadMax()), 60_000, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), new ThreadFactoryImpl("ConsumeMessageThread_"));
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryImpl("ConsumeMessageScheduledThread_", true));
    }

    @Override
    public void start() {
        long minutes = Math.max(1, consumer.getConsumeTimeout());
        scheduledExecutorService.scheduleAtFixedRate(this::cleanExpiredMessages, minutes, minutes, TimeUnit.MINUTES);
    }

    /**
     * {@code consumeTimeout}: a message whose listener call started more than that many minutes ago and still
     * holds back its queue's offset goes back to the broker (delay level 3) and is released here, so the offset
     * can move on; at most 16 per queue per round.
     */
    void cleanExpiredMessages() {
        long timeoutMillis = consumer.getConsumeTimeout() * 60_000L;
        for (Map.Entry<MessageQueue, ProcessQueue> e : consumerImpl.getRebalanceImpl().getProcessQueueTable().entrySet()) {
            ProcessQueue pq = e.getValue();
            for (int i = 0; i < 16 && !pq.isDropped(); i++) {
                MessageExt msg = pq.expiredHead(timeoutMillis, System.currentTimeMillis());
                if (msg == null) {
                    break;
                }
                log.warn("message consume timeout ({} min), send it back: {} offset {}", consumer.getConsumeTimeout(),
                    e.getKey(), msg.getQueueOffset());
                if (!consumerImpl.sendMessageBack(msg, 3, e.getKey().getBrokerName())) {
                    break;
                }
                long offset = pq.removeMessage(List.of(msg));
                if (offset >= 0 && !pq.isDropped()) {
                    consumerImpl.getOffsetStore().updateOffset(e.getKey(), offset, true);
                }
            }
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        scheduledExecutorService.shutdown();
        consumeExecutor.shutdown();
        if (awaitTerminateMillis > 0) {
            try {
                consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
                                     boolean dispatchToConsume) {
        int batch = Math.max(1, consumer.getConsumeMessageBatchMaxSize());
        for (int i = 0; i < msgs.size(); i += batch) {
            List<MessageExt> part = new ArrayList<>(msgs.subList(i, Math.min(msgs.size(), i + batch)));
            submit(new ConsumeRequest(part, processQueue, messageQueue));
        }
    }

    private void submit(ConsumeRequest request) {
        try {
            consumeExecutor.submit(request);
        } catch (RejectedExecutionException e) {
            if (!consumeExecutor.isShutdown()) {
                scheduledExecutorService.schedule(() -> submit(request), 5000, TimeUnit.MILLISECONDS);
            }
        }
    }

    private final class ConsumeRequest implements Runnable {
        private final List<MessageExt> msgs;
        private final ProcessQueue processQueue;
        private final MessageQueue messageQueue;

        ConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue) {
            this.msgs = msgs;
            this.processQueue = processQueue;
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (processQueue.isDropped()) {
                return;
            }
            ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(messageQueue);
            consumerImpl.resetRetryTopic(msgs);
            String now = Long.toString(System.currentTimeMillis());
            for (MessageExt m : msgs) {
                MessageAccessor.setConsumeStartTimeStamp(m, now);
            }
            AsyncTraceDispatcher tracer = consumerImpl.getTraceDispatcher();
            TraceContext trace = tracer == null ? null : MessageTracer.subBefore(tracer, consumer.getConsumerGroup(), msgs);
            long beginConsume = System.currentTimeMillis();
            ConsumeConcurrentlyStatus status = null;
            boolean threw = false;
            try {
                status = listener.consumeMessage(java.util.Collections.unmodifiableList(msgs), context);
            } catch (Throwable t) {
                threw = true;
                log.warn("consumeMessage exception, Group: {} {} {}", consumer.getConsumerGroup(), messageQueue, t.toString(), t);
            }
            int outcome = threw ? MessageTracer.CONSUME_EXCEPTION : status == null ? MessageTracer.CONSUME_RETURN_NULL
                : System.currentTimeMillis() - beginConsume >= consumer.getConsumeTimeout() * 60_000L ? MessageTracer.CONSUME_TIME_OUT
                : status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS ? MessageTracer.CONSUME_SUCCESS : MessageTracer.CONSUME_FAILED;
            if (status == null) {
                status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            if (trace != null) {
                MessageTracer.subAfter(tracer, trace, status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS, outcome);
            }
            if (!processQueue.isDropped()) {
                processConsumeResult(status, context, this);
            } else {
                log.warn("processQueue is dropped without process consume result. messageQueue={}", messageQueue);
            }
        }
    }

    private void processConsumeResult(ConsumeConcurrentlyStatus status, ConsumeConcurrentlyContext context, ConsumeRequest request) {
        List<MessageExt> msgs = request.msgs;
        if (msgs.isEmpty()) {
            return;
        }
        int ackIndex = status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS
            ? Math.min(context.getAckIndex(), msgs.size() - 1) : -1;
        List<MessageExt> retryLocally = new ArrayList<>();
        if (consumer.getMessageModel() == MessageModel.BROADCASTING) {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                log.warn("BROADCASTING, the message consume failed, drop it, {}", msgs.get(i));
            }
        } else {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                MessageExt msg = msgs.get(i);
                if (!consumerImpl.sendMessageBack(msg, context.getDelayLevelWhenNextConsume(), request.messageQueue.getBrokerName())) {
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                    retryLocally.add(msg);
                }
            }
        }
        List<MessageExt> done = new ArrayList<>(msgs);
        done.removeAll(retryLocally);
        if (!retryLocally.isEmpty()) {
            scheduledExecutorService.schedule(() -> submit(new ConsumeRequest(retryLocally, request.processQueue,
                request.messageQueue)), 5000, TimeUnit.MILLISECONDS);
        }
        long offset = request.processQueue.removeMessage(done);
        if (offset >= 0 && !request.processQueue.isDropped()) {
            consumerImpl.getOffsetStore().updateOffset(request.messageQueue, offset, true);
        }
    }
}
