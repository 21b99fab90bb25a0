package io.apogee.store;

/**
 * Turns topic bytes of dispatched records back into String instances without allocating for topics seen
 * before: a small direct-mapped table keyed by the String hash of the bytes. Used by the reput thread only.
 */
final class TopicCache {
    private final String[] slots = new String[1024];

    String get(byte[] b, int pos, int len) {
        long h = RecordScanner.hash(0, b, pos, pos + len);
        if (h == RecordScanner.NOT_ASCII) {
            return RecordScanner.string(b, pos, pos + len);
        }
        int slot = ((int) h ^ ((int) h >>> 16)) & (slots.length - 1);
        String cached = slots[slot];
        if (cached != null && matches(cached, b, pos, len)) {
            return cached;
        }
        String topic = RecordScanner.string(b, pos, pos + len);
        slots[slot] = topic;
        return topic;
    }

    private static boolean matches(String s, byte[] b, int pos, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != b[pos + i]) {
                return false;
            }
        }
        return true;
    }
}
