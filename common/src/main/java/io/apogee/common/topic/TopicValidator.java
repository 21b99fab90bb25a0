package io.apogee.common.topic;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of system topics and the rules for valid topic names (protocol.md §6.3, §6.8).
 * The constant values are wire facts shared with official peers.
 */
public final class TopicValidator {
    public static final String AUTO_CREATE_TOPIC_KEY_TOPIC = "TBW102";
    public static final String RMQ_SYS_SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String RMQ_SYS_BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String RMQ_SYS_TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String RMQ_SYS_TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String RMQ_SYS_TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String RMQ_SYS_SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String RMQ_SYS_OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";

    /** Longest accepted topic name. */
    public static final int TOPIC_MAX_LENGTH = 127;

    private static final Pattern VALID_CHARS = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
    private static final Set<String> SYSTEM_TOPICS;
    private static final Set<String> NOT_ALLOWED_SEND_TOPICS;

    static {
        Set<String> sys = new HashSet<>();
        sys.add(AUTO_CREATE_TOPIC_KEY_TOPIC);
        sys.add(RMQ_SYS_SCHEDULE_TOPIC);
        sys.add(RMQ_SYS_BENCHMARK_TOPIC);
        sys.add(RMQ_SYS_TRANS_HALF_TOPIC);
        sys.add(RMQ_SYS_TRACE_TOPIC);
        sys.add(RMQ_SYS_TRANS_OP_HALF_TOPIC);
        sys.add(RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC);
        sys.add(RMQ_SYS_SELF_TEST_TOPIC);
        sys.add(RMQ_SYS_OFFSET_MOVED_EVENT);
        SYSTEM_TOPICS = Collections.unmodifiableSet(sys);

        Set<String> noSend = new HashSet<>();
        noSend.add(RMQ_SYS_SCHEDULE_TOPIC);
        noSend.add(RMQ_SYS_TRANS_HALF_TOPIC);
        noSend.add(RMQ_SYS_TRANS_OP_HALF_TOPIC);
        noSend.add(RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC);
        noSend.add(RMQ_SYS_SELF_TEST_TOPIC);
        noSend.add(RMQ_SYS_OFFSET_MOVED_EVENT);
        NOT_ALLOWED_SEND_TOPICS = Collections.unmodifiableSet(noSend);
    }

    private TopicValidator() {
    }

    /** True when the name uses only {@code %|a-zA-Z0-9_-} (and is non-empty). */
    public static boolean isTopicOrGroupIllegal(String name) {
        return name == null || !VALID_CHARS.matcher(name).matches();
    }

    /** Null when valid, else the reason a human should read. */
    public static String validateTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The specified topic is blank.";
        }
        if (isTopicOrGroupIllegal(topic)) {
            return "The specified topic[" + topic + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return "The specified topic is longer than topic max length " + TOPIC_MAX_LENGTH + ".";
        }
        return null;
    }

    public static boolean isSystemTopic(String topic) {
        return SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
    }

    public static boolean isNotAllowedSendTopic(String topic) {
        return NOT_ALLOWED_SEND_TOPICS.contains(topic);
    }

    public static Set<String> getSystemTopicSet() {
        return SYSTEM_TOPICS;
    }

    public static Set<String> getNotAllowedSendTopicSet() {
        return NOT_ALLOWED_SEND_TOPICS;
    }

    /** Registers an extra system topic name (e.g. {@code <cluster>_REPLY_TOPIC}); copy-on-write. */
    public static Set<String> withSystemTopic(Set<String> base, String topic) {
        Set<String> copy = new HashSet<>(base);
        copy.add(topic);
        return Collections.unmodifiableSet(copy);
    }
}
