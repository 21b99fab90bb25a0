package io.apogee.common.namesrv;

/** Well-known KV namespaces. */
public final class NamesrvUtil {
    /** Namespace of order-topic configs: key = topic, value = {@code brokerName:queueNum;...}. */
    public static final String NAMESPACE_ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private NamesrvUtil() {
    }
}
