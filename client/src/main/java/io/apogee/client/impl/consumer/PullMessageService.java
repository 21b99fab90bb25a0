package io.apogee.client.impl.consumer;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.ServiceThread;
import io.apogee.common.ThreadFactoryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One thread per client instance that issues the queued pull requests of every push consumer. */
public class PullMessageService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(PullMessageService.class);

    private final LinkedBlockingQueue<PullRequest> pullRequestQueue = new LinkedBlockingQueue<>();
    private final MQClientInstance mQClientFactory;
    private final ScheduledExecutorService scheduledExecutorService =
        Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("PullMessageServiceScheduledThread", true));

    public PullMessageService(MQClientInstance mQClientFactory) {
        this.mQClientFactory = mQClientFactory;
    }

    public void executePullRequestLater(PullRequest pullRequest, long timeDelay) {
        if (isStopped()) {
            return;
        }
        try {
            scheduledExecutorService.schedule(() -> executePullRequestImmediately(pullRequest), timeDelay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.debug("pull request {} not scheduled: {}", pullRequest, e.toString());
        }
    }

    public void executePullRequestImmediately(PullRequest pullRequest) {
        pullRequestQueue.add(pullRequest);
    }

    public void executeTaskLater(Runnable r, long timeDelay) {
        if (!isStopped()) {
            scheduledExecutorService.schedule(r, timeDelay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                PullRequest pullRequest = pullRequestQueue.poll(1, TimeUnit.SECONDS);
                if (pullRequest == null) {
                    continue;
                }
                MQConsumerInner consumer = mQClientFactory.selectConsumer(pullRequest.getConsumerGroup());
                if (consumer != null) {
                    consumer.pullMessage(pullRequest);
                } else {
                    log.warn("no consumer registered for group {}, pull request dropped", pullRequest.getConsumerGroup());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.error("pull message service loop", e);
            }
        }
    }

    @Override
    public void shutdown(boolean interrupt) {
        super.shutdown(interrupt);
        scheduledExecutorService.shutdownNow();
    }

    @Override
    public String getServiceName() {
        return "PullMessageService";
    }
}
