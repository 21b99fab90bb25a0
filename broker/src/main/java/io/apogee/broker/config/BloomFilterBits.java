package io.apogee.broker.config;

/**
 * Size in bits of a bloom filter for {@code expectConsumerNumUseFilter} consumers at {@code maxErrorRateOfBloomFilter}
 * percent false positives (n * log2(1/p) * log2(e), rounded up to whole bytes). RocketMQ sizes the consume queue
 * ext bit map (bitMapLengthConsumeQueueExt) with it when the broker starts, whatever broker.conf says; Apogee keeps
 * no consume queue ext but reports the same effective value so that getBrokerConfig agrees.
 */
public final class BloomFilterBits {
    private BloomFilterBits() {
    }

    /** The bit count, or -1 when the settings describe no valid filter (error rate outside 1..99, no consumers). */
    public static int of(int maxErrorRatePercent, int expectedConsumers) {
        if (maxErrorRatePercent < 1 || maxErrorRatePercent > 99 || expectedConsumers < 1) {
            return -1;
        }
        double bits = Math.ceil(expectedConsumers * log2(100.0 / maxErrorRatePercent) * log2(Math.E));
        return (int) (Byte.SIZE * Math.ceil(bits / Byte.SIZE));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
