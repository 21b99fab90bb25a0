package io.apogee.broker;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.common.BrokerConfig;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.protocol.RemotingCommand;

/**
 * Send-queue flow control: the send executor stamps each task with the time it was queued, and a send that
 * waited longer than {@code waitTimeMillsInSendQueue} is answered {@code [TIMEOUT_CLEAN_QUEUE]broker busy}
 * (SYSTEM_BUSY) without touching the store, so a backlog drains fast and clients retry elsewhere.
 *
 * <p>Two places apply the rule: a worker that dequeues an expired task ({@link #checkWaitTime}), and
 * {@link #cleanExpired}, run every few milliseconds, which takes expired tasks off the head of the queue and
 * lets them answer at once on the sweeping thread, so a client is not kept waiting behind the backlog.
 */
public final class SendQueueClock {
    private static final ThreadLocal<long[]> QUEUED_AT = ThreadLocal.withInitial(() -> new long[] {0L});
    private static volatile ThreadPoolExecutor sendExecutor;

    private SendQueueClock() {
    }

    /** A queued task with the time it was handed to the pool. */
    static final class TimedTask implements Runnable {
        private final long queuedAt;
        private final Runnable command;

        TimedTask(long queuedAt, Runnable command) {
            this.queuedAt = queuedAt;
            this.command = command;
        }

        @Override
        public void run() {
            long[] slot = QUEUED_AT.get();
            slot[0] = queuedAt;
            try {
                command.run();
            } finally {
                slot[0] = 0L;
            }
        }
    }

    /** A bounded fixed pool whose tasks record how long they waited. */
    public static ThreadPoolExecutor newTimedPool(int threads, int capacity, String prefix) {
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(capacity);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, new ThreadFactoryImpl(prefix)) {
            @Override
            public void execute(Runnable command) {
                super.execute(new TimedTask(System.currentTimeMillis(), command));
            }
        };
        sendExecutor = pool;
        return pool;
    }

    /** The SYSTEM_BUSY response for a send that waited too long in the queue, else null. */
    public static RemotingCommand checkWaitTime(BrokerConfig config) {
        if (!config.isBrokerFastFailureEnable()) {
            return null;
        }
        long queuedAt = QUEUED_AT.get()[0];
        if (queuedAt == 0) {
            return null;
        }
        long waited = System.currentTimeMillis() - queuedAt;
        if (waited <= config.getWaitTimeMillsInSendQueue()) {
            return null;
        }
        ThreadPoolExecutor pool = sendExecutor;
        int size = pool == null ? 0 : pool.getQueue().size();
        return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_BUSY, String.format(
            "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d",
            waited, size));
    }

    /**
     * Takes every task that has waited longer than {@code waitTimeMillsInSendQueue} off the head of the pool's
     * queue and runs it here; its processor sees the expired stamp and answers SYSTEM_BUSY without storing.
     *
     * @return how many tasks were answered
     */
    public static int cleanExpired(ThreadPoolExecutor pool, BrokerConfig config) {
        if (!config.isBrokerFastFailureEnable()) {
            return 0;
        }
        int cleaned = 0;
        BlockingQueue<Runnable> queue = pool.getQueue();
        while (true) {
            Runnable head = queue.peek();
            if (!(head instanceof TimedTask task)) {
                return cleaned;
            }
            if (System.currentTimeMillis() - task.queuedAt <= config.getWaitTimeMillsInSendQueue()) {
                return cleaned;
            }
            if (queue.remove(head)) {
                head.run();
                cleaned++;
            }
        }
    }

    /** How long the task at the head of the send queue has been waiting (for runtime info). */
    public static long headWaitTimeMills() {
        ThreadPoolExecutor pool = sendExecutor;
        Runnable head = pool == null ? null : pool.getQueue().peek();
        return head instanceof TimedTask task ? Math.max(0L, System.currentTimeMillis() - task.queuedAt) : 0L;
    }
}
