package io.apogee.broker.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.LongAdder;

import io.apogee.common.protocol.body.BrokerStatsItem;

/**
 * A counter (value and number of increments) sampled every 10 s, keeping one day of samples so it can answer
 * sums and rates over the last 10 s, minute, 10 minutes, hour and day.
 */
public class StatsItem {
    private static final int MAX_SAMPLES = 8640 + 1;

    private record Sample(long timestamp, long value, long times) {
    }

    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final Deque<Sample> samples = new ArrayDeque<>();

    public StatsItem() {
        samples.add(new Sample(System.currentTimeMillis(), 0, 0));
    }

    public void add(long v, long t) {
        value.add(v);
        times.add(t);
    }

    public long getValue() {
        return value.sum();
    }

    public synchronized void sample() {
        samples.addLast(new Sample(System.currentTimeMillis(), value.sum(), times.sum()));
        while (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
    }

    /** Sum, rate per second and average value per increment over the last {@code windowMillis}. */
    public synchronized BrokerStatsItem window(long windowMillis) {
        long now = System.currentTimeMillis();
        long curValue = value.sum();
        long curTimes = times.sum();
        Sample base = samples.peekFirst();
        for (Sample s : samples) {
            if (now - s.timestamp() <= windowMillis) {
                break;
            }
            base = s;
        }
        BrokerStatsItem item = new BrokerStatsItem();
        long sum = curValue - base.value();
        long t = curTimes - base.times();
        double seconds = Math.max(1.0, (now - base.timestamp()) / 1000.0);
        item.setSum(sum);
        item.setTps(sum / seconds);
        item.setAvgpt(t == 0 ? 0.0 : (double) sum / t);
        return item;
    }

    /** "tps10s tps1m tps10m", the shape clusterList parses from putTps / getTransferedTps. */
    public String tpsTriple() {
        return String.format("%.2f %.2f %.2f", window(10_000).getTps(), window(60_000).getTps(), window(600_000).getTps());
    }
}
