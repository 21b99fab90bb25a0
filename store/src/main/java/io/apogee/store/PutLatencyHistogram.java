package io.apogee.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Put latencies counted into fixed buckets, one window at a time, for the {@code putLatency99} /
 * {@code putLatency999} figures of {@code mqadmin brokerStatus}. As in RocketMQ the percentiles describe the
 * last completed window (a minute), so a burst long ago does not hide today's latency; until the first window
 * completes they are 0.
 *
 * <p>Recording is one {@link LongAdder#increment()} after a few comparisons: no allocation and no lock on the
 * append path. Bucket widths grow by a factor of ten per decade (0.1 ms below 1 ms, 1 ms below 10 ms, ... 1 s
 * below 10 s), which keeps the interpolation error under 10% of the value; 10 s and more share the last bucket.
 */
final class PutLatencyHistogram {
    /** Buckets per decade: [1, 2), [2, 3) ... [9, 10) times the decade's unit, 10 for the first decade. */
    private static final int DECADES = 5;
    private static final int FIRST_DECADE_BUCKETS = 10;
    private static final int BUCKETS = FIRST_DECADE_BUCKETS + (DECADES - 1) * 9 + 1;

    private final LongAdder[] current = new LongAdder[BUCKETS];
    private volatile long[] lastWindow = new long[BUCKETS];

    PutLatencyHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            current[i] = new LongAdder();
        }
    }

    void record(long elapsedNanos) {
        current[bucketOf(Math.max(0, elapsedNanos / 1000))].increment();
    }

    /** Ends the current window: its counts become what {@link #percentileMillis} reports. */
    void roll() {
        long[] counts = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = current[i].sumThenReset();
        }
        lastWindow = counts;
    }

    /** The latency (ms) below which the fraction {@code p} of the last window's puts completed, 0 without puts. */
    double percentileMillis(double p) {
        long[] counts = lastWindow;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        double rank = p * total;
        long below = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = lowerBoundMicros(i);
                double width = i == BUCKETS - 1 ? 0 : lowerBoundMicros(i + 1) - lower;
                return (lower + width * (rank - below) / counts[i]) / 1000.0;
            }
            below += counts[i];
        }
        return lowerBoundMicros(BUCKETS - 1) / 1000.0;
    }

    static int bucketOf(long micros) {
        if (micros < 1000) {
            return (int) (micros / 100);
        }
        long unit = 1000;
        for (int decade = 1; decade < DECADES; decade++) {
            if (micros < unit * 10) {
                return FIRST_DECADE_BUCKETS + (decade - 1) * 9 + (int) (micros / unit) - 1;
            }
            unit *= 10;
        }
        return BUCKETS - 1;
    }

    static long lowerBoundMicros(int bucket) {
        if (bucket < FIRST_DECADE_BUCKETS) {
            return bucket * 100L;
        }
        int rest = bucket - FIRST_DECADE_BUCKETS;
        long unit = 1000;
        for (int decade = 0; decade < rest / 9; decade++) {
            unit *= 10;
        }
        return unit * (rest % 9 + 1);
    }
}
