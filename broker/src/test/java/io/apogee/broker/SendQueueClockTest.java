package io.apogee.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.apogee.common.BrokerConfig;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/** The send-queue sweep answers requests that waited too long at once, on the sweeping thread. */
class SendQueueClockTest {
    @Test
    void expiredTasksAtTheHeadAreAnsweredBusyByTheSweepAndFreshOnesStayQueued() throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setWaitTimeMillsInSendQueue(500);
        ThreadPoolExecutor pool = SendQueueClock.newTimedPool(1, 100, "SendQueueClockTest_");
        CountDownLatch release = new CountDownLatch(1);
        List<String> answers = new CopyOnWriteArrayList<>();
        try {
            pool.execute(() -> awaitQuietly(release)); // occupies the only worker
            Runnable send = () -> {
                RemotingCommand busy = SendQueueClock.checkWaitTime(config);
                answers.add(busy == null ? "stored by " + Thread.currentThread().getName()
                    : busy.getCode() + " " + busy.getRemark().substring(0, busy.getRemark().indexOf(',')) + " by "
                    + Thread.currentThread().getName());
            };
            pool.execute(send);
            pool.execute(send);
            Thread.sleep(600);
            long headWait = SendQueueClock.headWaitTimeMills();
            pool.execute(send); // has not waited long enough yet

            int cleaned = SendQueueClock.cleanExpired(pool, config);
            assertThat(headWait).isGreaterThanOrEqualTo(600L);
            assertThat(cleaned).as("answers %s", answers).isEqualTo(2);
            String me = Thread.currentThread().getName();
            assertThat(answers).containsExactly(ResponseCode.SYSTEM_BUSY + " [TIMEOUT_CLEAN_QUEUE]broker busy by " + me,
                ResponseCode.SYSTEM_BUSY + " [TIMEOUT_CLEAN_QUEUE]broker busy by " + me);
            assertThat(pool.getQueue()).hasSize(1);

            config.setBrokerFastFailureEnable(false);
            Thread.sleep(600);
            assertThat(SendQueueClock.cleanExpired(pool, config)).isZero();
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            // without fast failure the late request is stored normally by the worker
            assertThat(answers).hasSize(3);
            assertThat(answers.get(2)).startsWith("stored by SendQueueClockTest_");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
