package io.apogee.store;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free reads of a stored record's properties string for the dispatch path: find a property's
 * value and hash ASCII ranges exactly as {@link String#hashCode()} would hash the same text.
 */
public final class RecordScanner {
    public static final byte NAME_VALUE_SEPARATOR = 1;
    public static final byte PROPERTY_SEPARATOR = 2;
    public static final byte[] TAGS = ascii("TAGS");
    public static final byte[] KEYS = ascii("KEYS");
    public static final byte[] UNIQ_KEY = ascii("UNIQ_KEY");
    public static final byte[] DELAY = ascii("DELAY");
    /** Returned by {@link #hash} when the range is not ASCII and needs a real String. */
    public static final long NOT_ASCII = Long.MIN_VALUE;

    private RecordScanner() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Position of the value of property {@code name} in [pos, pos+len), or -1. The value ends at the next
     * 0x02 or at the end of the properties ({@link #valueEnd}).
     */
    public static int findValue(byte[] b, int pos, int len, byte[] name) {
        int end = pos + len;
        int i = pos;
        while (i < end) {
            int entryEnd = indexOf(b, i, end, PROPERTY_SEPARATOR);
            int sep = indexOf(b, i, entryEnd, NAME_VALUE_SEPARATOR);
            if (sep - i == name.length && sep < entryEnd && regionEquals(b, i, name)) {
                return sep + 1;
            }
            i = entryEnd + 1;
        }
        return -1;
    }

    public static int valueEnd(byte[] b, int valuePos, int propsEnd) {
        return indexOf(b, valuePos, propsEnd, PROPERTY_SEPARATOR);
    }

    public static int indexOf(byte[] b, int from, int end, byte value) {
        for (int i = from; i < end; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return end;
    }

    private static boolean regionEquals(byte[] b, int pos, byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (b[pos + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** Continues String.hashCode-style hashing {@code seed} over ASCII bytes; {@link #NOT_ASCII} otherwise. */
    public static long hash(int seed, byte[] b, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0) {
                return NOT_ASCII;
            }
            h = 31 * h + c;
        }
        return h;
    }

    public static String string(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Parses a non-negative decimal int in [from, to); -1 if not a number. */
    public static int parseInt(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
