package io.apogee.client.impl.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Remembers brokers that were slow or failing, and until when to avoid them. A send that took
 * {@code latencyMax[i]} ms or more makes the broker unavailable for {@code notAvailableDuration[i]} ms.
 */
public class LatencyFaultTolerance {
    private long[] latencyMax = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private long[] notAvailableDuration = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};
    private final ConcurrentMap<String, FaultItem> faultItemTable = new ConcurrentHashMap<>();

    private record FaultItem(String name, long currentLatency, long startTimestamp) {
        boolean isAvailable() {
            return System.currentTimeMillis() - startTimestamp >= 0;
        }
    }

    /** Records the outcome of a send: {@code isolation} (a failure) counts as 30 s of latency. */
    public void updateFaultItem(String brokerName, long currentLatency, boolean isolation) {
        long latency = isolation ? 30_000 : currentLatency;
        long duration = computeNotAvailableDuration(latency);
        faultItemTable.put(brokerName, new FaultItem(brokerName, latency, System.currentTimeMillis() + duration));
    }

    private long computeNotAvailableDuration(long currentLatency) {
        for (int i = latencyMax.length - 1; i >= 0; i--) {
            if (currentLatency >= latencyMax[i]) {
                return notAvailableDuration[i];
            }
        }
        return 0;
    }

    public boolean isAvailable(String brokerName) {
        FaultItem item = faultItemTable.get(brokerName);
        return item == null || item.isAvailable();
    }

    public void remove(String brokerName) {
        faultItemTable.remove(brokerName);
    }

    /** Of the brokers being avoided, one of the less bad half (lowest latency, soonest available). */
    public String pickOneAtLeast() {
        List<FaultItem> items = new ArrayList<>(faultItemTable.values());
        if (items.isEmpty()) {
            return null;
        }
        items.sort((a, b) -> a.isAvailable() != b.isAvailable() ? (a.isAvailable() ? -1 : 1)
            : a.currentLatency != b.currentLatency ? Long.compare(a.currentLatency, b.currentLatency)
            : Long.compare(a.startTimestamp, b.startTimestamp));
        int half = Math.max(1, items.size() / 2);
        return items.get(ThreadLocalRandom.current().nextInt(half)).name;
    }

    public void setLatencyMax(long[] latencyMax) {
        this.latencyMax = latencyMax;
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        this.notAvailableDuration = notAvailableDuration;
    }

    public long[] getLatencyMax() {
        return latencyMax;
    }

    public long[] getNotAvailableDuration() {
        return notAvailableDuration;
    }
}
