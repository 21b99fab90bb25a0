package io.apogee.store;

import java.util.Arrays;

/** The delay-level table parsed from messageDelayLevel ("1s 5s 10s 30s 1m ... 2h"), level 1-based, in ms. */
public final class DelayLevels {
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    private final long[] delayMillis;

    public DelayLevels(String messageDelayLevel) {
        String[] parts = messageDelayLevel.trim().split("\\s+");
        long[] millis = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            char unit = p.charAt(p.length() - 1);
            long n = Long.parseLong(p.substring(0, p.length() - 1));
            millis[i] = switch (unit) {
                case 's' -> n * 1000;
                case 'm' -> n * 60_000;
                case 'h' -> n * 3_600_000;
                case 'd' -> n * 86_400_000;
                default -> throw new IllegalArgumentException("bad delay level " + p);
            };
        }
        this.delayMillis = millis;
    }

    public int maxLevel() {
        return delayMillis.length;
    }

    /** Delivery time for a message stored at {@code storeTimestamp} with {@code level}. */
    public long computeDeliverTimestamp(int level, long storeTimestamp) {
        if (level < 1 || level > delayMillis.length) {
            return storeTimestamp + 1000;
        }
        return storeTimestamp + delayMillis[level - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(delayMillis);
    }
}
