package io.apogee.broker.longpolling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.BrokerConfig;
import io.apogee.common.ServiceThread;
import io.apogee.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: pulls that found nothing are parked per topic/queue and re-run as soon as the store dispatches a
 * matching message (or every 5 s, or when their suspend time ends).
 */
public class PullRequestHoldService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final String TOPIC_QUEUEID_SEPARATOR = "@";

    /** Re-runs a woken pull (without suspension) and writes its response. */
    public interface Waker {
        void executeRequestWhenWakeup(PullRequest pullRequest);
    }

    private final ConcurrentMap<String, List<PullRequest>> pullRequestTable = new ConcurrentHashMap<>(1024);
    private final BrokerConfig brokerConfig;
    private final MessageStore messageStore;
    private volatile Waker waker;

    public PullRequestHoldService(BrokerConfig brokerConfig, MessageStore messageStore) {
        this.brokerConfig = brokerConfig;
        this.messageStore = messageStore;
    }

    public void setWaker(Waker waker) {
        this.waker = waker;
    }

    private static String key(String topic, int queueId) {
        return topic + TOPIC_QUEUEID_SEPARATOR + queueId;
    }

    public void suspendPullRequest(String topic, int queueId, PullRequest pullRequest) {
        List<PullRequest> list = pullRequestTable.computeIfAbsent(key(topic, queueId), k -> new ArrayList<>());
        synchronized (list) {
            list.add(pullRequest);
        }
    }

    @Override
    public String getServiceName() {
        return "PullRequestHoldService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(brokerConfig.isLongPollingEnable() ? 5 * 1000 : brokerConfig.getShortPollingTimeMills());
                checkHoldRequest();
            } catch (Throwable e) {
                log.warn("{} service has exception", getServiceName(), e);
            }
        }
    }

    private void checkHoldRequest() {
        for (String k : pullRequestTable.keySet()) {
            int at = k.lastIndexOf(TOPIC_QUEUEID_SEPARATOR);
            String topic = k.substring(0, at);
            int queueId = Integer.parseInt(k.substring(at + 1));
            long offset = messageStore.getMaxOffsetInQueue(topic, queueId);
            try {
                notifyMessageArriving(topic, queueId, offset, null);
            } catch (Throwable e) {
                log.error("check hold request for {} failed", k, e);
            }
        }
    }

    /** Wakes the parked pulls of a queue that can now see a message (or whose time is up). */
    public void notifyMessageArriving(String topic, int queueId, long maxOffset, Long tagsCode) {
        List<PullRequest> list = pullRequestTable.get(key(topic, queueId));
        if (list == null) {
            return;
        }
        List<PullRequest> toWake = new ArrayList<>();
        synchronized (list) {
            if (list.isEmpty()) {
                return;
            }
            List<PullRequest> keep = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (PullRequest r : list) {
                long newest = maxOffset;
                if (newest <= r.pullFromThisOffset()) {
                    newest = messageStore.getMaxOffsetInQueue(topic, queueId);
                }
                if (newest > r.pullFromThisOffset()
                    && (tagsCode == null || r.messageFilter() == null || r.messageFilter().isMatchedByConsumeQueue(tagsCode, null))) {
                    toWake.add(r);
                } else if (now >= r.suspendTimestamp() + r.timeoutMillis()) {
                    toWake.add(r);
                } else {
                    keep.add(r);
                }
            }
            list.clear();
            list.addAll(keep);
        }
        Waker w = waker;
        for (PullRequest r : toWake) {
            if (w != null) {
                w.executeRequestWhenWakeup(r);
            }
        }
    }

    /** Wakes every parked pull (used at shutdown so no client waits for a dead broker). */
    public void wakeAll() {
        for (Map.Entry<String, List<PullRequest>> e : pullRequestTable.entrySet()) {
            List<PullRequest> rs;
            synchronized (e.getValue()) {
                rs = new ArrayList<>(e.getValue());
                e.getValue().clear();
            }
            Waker w = waker;
            for (PullRequest r : rs) {
                if (w != null) {
                    w.executeRequestWhenWakeup(r);
                }
            }
        }
    }
}
