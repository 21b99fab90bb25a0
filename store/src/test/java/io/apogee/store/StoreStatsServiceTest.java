package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** putLatency99 / putLatency999 of brokerStatus: percentiles of the last completed latency window. */
class StoreStatsServiceTest {
    private static final long MS = 1_000_000L;

    private static double latency(StoreStatsService s, String key) {
        return Double.parseDouble(s.getRuntimeInfo().get(key));
    }

    private static void puts(StoreStatsService s, int count, long elapsedNanos) {
        for (int i = 0; i < count; i++) {
            s.recordPut("T", 100, elapsedNanos);
        }
    }

    @Test
    void percentilesDescribeTheLastCompletedWindow() {
        StoreStatsService s = new StoreStatsService();
        puts(s, 980, 250_000);
        puts(s, 15, 5 * MS + MS / 2);
        puts(s, 5, 250 * MS);
        // the window is still open: nothing completed yet, as on a freshly started official broker
        assertThat(s.getRuntimeInfo()).containsEntry("putLatency99", "0.00").containsEntry("putLatency999", "0.00");

        s.rollLatencyWindow();
        // 99% of the puts took at most 5.5 ms, 99.9% at most 250 ms; the figures fall in those latencies' buckets
        assertThat(latency(s, "putLatency99")).isBetween(5.0, 6.0);
        assertThat(latency(s, "putLatency999")).isBetween(200.0, 300.0);
        assertThat(s.getRuntimeInfo().get("putLatency99")).matches("[0-9]+\\.[0-9]{2}");

        puts(s, 1000, 250_000);
        s.rollLatencyWindow();
        assertThat(latency(s, "putLatency99")).isBetween(0.2, 0.3);
        assertThat(latency(s, "putLatency999")).isBetween(0.2, 0.3);

        s.rollLatencyWindow();
        assertThat(latency(s, "putLatency99")).isZero();
    }

    @Test
    void batchPutsCountOnceAndSlowOutliersLandInTheLastBucket() {
        StoreStatsService s = new StoreStatsService();
        s.recordPuts("T", 32, 32 * 100, 15_000 * MS);
        s.rollLatencyWindow();
        assertThat(latency(s, "putLatency99")).isEqualTo(10_000.0);
        assertThat(s.getPutMessageTimesTotal()).isEqualTo(32);
    }

    @Test
    void everyLatencyFallsIntoTheBucketThatCoversIt() {
        for (long micros : new long[] {0, 99, 100, 999, 1000, 1500, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000,
            9_999_999}) {
            int b = PutLatencyHistogram.bucketOf(micros);
            assertThat(PutLatencyHistogram.lowerBoundMicros(b)).as("lower bound for %d", micros).isLessThanOrEqualTo(micros);
            assertThat(PutLatencyHistogram.lowerBoundMicros(b + 1)).as("upper bound for %d", micros).isGreaterThan(micros);
        }
        assertThat(PutLatencyHistogram.bucketOf(10_000_000)).isEqualTo(PutLatencyHistogram.bucketOf(Long.MAX_VALUE / 1000));
    }
}
