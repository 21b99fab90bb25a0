package io.apogee.client.impl.consumer;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeOrderlyContext;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
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
 * Orderly consumption: one thread at a time per queue, in offset order, only while this client holds the
 * broker's lock on the queue (clustering). A batch that asks to be suspended is put back and retried after
 * {@code suspendCurrentQueueTimeMillis}; after {@code maxReconsumeTimes} it goes to the dead-letter queue.
 */
public class ConsumeMessageOrderlyService implements ConsumeMessageService {
    private static final Logger log = LoggerFactory.getLogger(ConsumeMessageOrderlyService.class);
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY = Long.getLong("rocketmq.client.maxTimeConsumeContinuously", 60_000);
    private final DefaultMQPushConsumerImpl consumerImpl;
    private final DefaultMQPushConsumer consumer;
    private final MessageListenerOrderly listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduledExecutorService;
    private final MessageQueueLock messageQueueLock = new MessageQueueLock();
    private volatile boolean stopped = false;

    public ConsumeMessageOrderlyService(DefaultMQPushConsumerImpl consumerImpl, MessageListenerOrderly listener) {
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
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            scheduledExecutorService.scheduleAtFixedRate(() -> {
                try {
                    consumerImpl.getRebalanceImpl().lockAll();
                } catch (Throwable t) {
                    log.error("lockAll failed", t);
                }
            }, 1000, ProcessQueue.REBALANCE_LOCK_INTERVAL, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        stopped = true;
        scheduledExecutorService.shutdown();
        consumeExecutor.shutdown();
        if (awaitTerminateMillis > 0) {
            try {
                consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            consumerImpl.getRebalanceImpl().unlockAll(false);
        }
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
                                     boolean dispatchToConsume) {
        if (dispatchToConsume) {
            submit(processQueue, messageQueue);
        }
    }

    private void submit(ProcessQueue pq, MessageQueue mq) {
        try {
            consumeExecutor.submit(() -> consume(pq, mq));
        } catch (RejectedExecutionException e) {
            if (!stopped) {
                submitLater(pq, mq, 100);
            }
        }
    }

    private void submitLater(ProcessQueue pq, MessageQueue mq, long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            scheduledExecutorService.schedule(() -> submit(pq, mq), Math.max(10, Math.min(delayMillis, 30_000)),
                TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("consume request not rescheduled: shutting down");
        }
    }

    private void tryLockLaterAndReconsume(MessageQueue mq, ProcessQueue pq, long delayMills) {
        scheduledExecutorService.schedule(() -> {
            if (consumerImpl.getRebalanceImpl().lock(mq)) {
                submitLater(pq, mq, 10);
            } else {
                submitLater(pq, mq, 3000);
            }
        }, delayMills, TimeUnit.MILLISECONDS);
    }

    private void consume(ProcessQueue pq, MessageQueue mq) {
        if (pq.isDropped()) {
            return;
        }
        boolean clustering = consumer.getMessageModel() == MessageModel.CLUSTERING;
        synchronized (messageQueueLock.fetchLockObject(mq)) {
            if (clustering && (!pq.isLocked() || pq.isLockExpired())) {
                tryLockLaterAndReconsume(mq, pq, 100);
                return;
            }
            long begin = System.currentTimeMillis();
            boolean continueConsume = true;
            while (continueConsume) {
                if (pq.isDropped() || stopped) {
                    break;
                }
                if (clustering && (!pq.isLocked() || pq.isLockExpired())) {
                    tryLockLaterAndReconsume(mq, pq, 10);
                    break;
                }
                if (System.currentTimeMillis() - begin > MAX_TIME_CONSUME_CONTINUOUSLY) {
                    submitLater(pq, mq, 10);
                    break;
                }
                List<MessageExt> msgs = pq.takeMessages(Math.max(1, consumer.getConsumeMessageBatchMaxSize()));
                if (msgs.isEmpty()) {
                    break;
                }
                consumerImpl.resetRetryTopic(msgs);
                String now = Long.toString(System.currentTimeMillis());
                for (MessageExt m : msgs) {
                    MessageAccessor.setConsumeStartTimeStamp(m, now);
                }
                ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
                ConsumeOrderlyStatus status = null;
                AsyncTraceDispatcher tracer = consumerImpl.getTraceDispatcher();
                TraceContext trace = tracer == null ? null : MessageTracer.subBefore(tracer, consumer.getConsumerGroup(), msgs);
                long beginConsume = System.currentTimeMillis();
                boolean threw = false;
                pq.getConsumeLock().lock();
                try {
                    if (pq.isDropped()) {
                        break;
                    }
                    status = listener.consumeMessage(java.util.Collections.unmodifiableList(msgs), context);
                } catch (Throwable t) {
                    threw = true;
                    log.warn("consumeMessage exception, Group: {} {} {}", consumer.getConsumerGroup(), mq, t.toString(), t);
                } finally {
                    pq.getConsumeLock().unlock();
                }
                if (trace != null) {
                    boolean ok = status == ConsumeOrderlyStatus.SUCCESS || status == ConsumeOrderlyStatus.COMMIT;
                    int outcome = threw ? MessageTracer.CONSUME_EXCEPTION : status == null ? MessageTracer.CONSUME_RETURN_NULL
                        : System.currentTimeMillis() - beginConsume >= consumer.getConsumeTimeout() * 60_000L
                        ? MessageTracer.CONSUME_TIME_OUT : ok ? MessageTracer.CONSUME_SUCCESS : MessageTracer.CONSUME_FAILED;
                    MessageTracer.subAfter(tracer, trace, ok, outcome);
                }
                if (status == null || status == ConsumeOrderlyStatus.ROLLBACK) {
                    status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                continueConsume = processConsumeResult(msgs, status, context, pq, mq);
            }
        }
    }

    private boolean processConsumeResult(List<MessageExt> msgs, ConsumeOrderlyStatus status, ConsumeOrderlyContext context,
                                         ProcessQueue pq, MessageQueue mq) {
        long commitOffset = -1;
        boolean continueConsume = true;
        if (status == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT) {
            if (checkReconsumeTimes(msgs)) {
                pq.makeMessageToConsumeAgain(msgs);
                long suspend = context.getSuspendCurrentQueueTimeMillis() > 0 ? context.getSuspendCurrentQueueTimeMillis()
                    : consumer.getSuspendCurrentQueueTimeMillis();
                submitLater(pq, mq, suspend);
                continueConsume = false;
            } else {
                commitOffset = pq.commit();
            }
        } else {
            commitOffset = pq.commit();
        }
        if (commitOffset >= 0 && !pq.isDropped()) {
            consumerImpl.getOffsetStore().updateOffset(mq, commitOffset, false);
        }
        return continueConsume;
    }

    /** False when some message has used up its retries and was sent to the dead-letter queue instead. */
    private boolean checkReconsumeTimes(List<MessageExt> msgs) {
        boolean suspend = false;
        int max = consumer.getMaxReconsumeTimes() == -1 ? Integer.MAX_VALUE : consumer.getMaxReconsumeTimes();
        for (MessageExt msg : msgs) {
            if (msg.getReconsumeTimes() >= max) {
                MessageAccessor.setReconsumeTime(msg, String.valueOf(msg.getReconsumeTimes()));
                if (!consumerImpl.sendMessageBack(msg, -1, msg.getBrokerName())) {
                    suspend = true;
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                }
            } else {
                suspend = true;
                msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
            }
        }
        return suspend;
    }
}
