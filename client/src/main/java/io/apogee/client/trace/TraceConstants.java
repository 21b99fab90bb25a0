package io.apogee.client.trace;

/** Names and separators of the RocketMQ 4.x message-trace format. */
public final class TraceConstants {
    /** Separates the fields of one record. */
    public static final char CONTENT_SPLITOR = (char) 1;
    /** Ends each record; a trace message body is a run of records. */
    public static final char FIELD_SPLITOR = (char) 2;
    /** Default topic receiving trace messages (brokers create it with {@code traceTopicEnable=true}). */
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    /** Prefix of the trace dispatcher's own producer group. */
    public static final String GROUP_NAME_PREFIX = "_INNER_TRACE_PRODUCER";
    /** Instance name of the dispatcher's producer (suffixed by the name server address). */
    public static final String TRACE_INSTANCE_NAME = "PID_CLIENT_INNER_TRACE_PRODUCER";
    public static final String DEFAULT_REGION = "DefaultRegion";

    private TraceConstants() {
    }
}
