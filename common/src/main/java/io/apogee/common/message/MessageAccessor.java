package io.apogee.common.message;

import java.util.Map;

/** Package-private property access for framework code (broker, store), kept off the user API. */
public final class MessageAccessor {
    private MessageAccessor() {
    }

    public static void clearProperty(Message msg, String name) {
        msg.clearProperty(name);
    }

    public static void setProperties(Message msg, Map<String, String> properties) {
        msg.setProperties(properties);
    }

    public static void putProperty(Message msg, String name, String value) {
        msg.putProperty(name, value);
    }

    public static void setTransferFlag(Message msg, String unit) {
        msg.putProperty(MessageConst.PROPERTY_TRANSFER_FLAG, unit);
    }

    public static String getTransferFlag(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_TRANSFER_FLAG);
    }

    public static void setReconsumeTime(Message msg, String reconsumeTimes) {
        msg.putProperty(MessageConst.PROPERTY_RECONSUME_TIME, reconsumeTimes);
    }

    public static String getReconsumeTime(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_RECONSUME_TIME);
    }

    public static void setMaxReconsumeTimes(Message msg, String maxReconsumeTimes) {
        msg.putProperty(MessageConst.PROPERTY_MAX_RECONSUME_TIMES, maxReconsumeTimes);
    }

    public static String getMaxReconsumeTimes(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
    }

    public static void setOriginMessageId(Message msg, String originMessageId) {
        msg.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, originMessageId);
    }

    public static String getOriginMessageId(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
    }

    public static void setConsumeStartTimeStamp(Message msg, String ts) {
        msg.putProperty(MessageConst.PROPERTY_CONSUME_START_TIMESTAMP, ts);
    }

    public static String getConsumeStartTimeStamp(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_CONSUME_START_TIMESTAMP);
    }
}
