package io.apogee.common.constant;

/** Logger names the shipped logback configs route to RocketMQ's familiar files. */
public final class LoggerName {
    public static final String NAMESRV_LOGGER_NAME = "RocketmqNamesrv";
    public static final String NAMESRV_CONSOLE_NAME = "RocketmqNamesrvConsole";
    public static final String BROKER_LOGGER_NAME = "RocketmqBroker";
    public static final String BROKER_CONSOLE_NAME = "RocketmqConsole";
    public static final String STORE_LOGGER_NAME = "RocketmqStore";
    public static final String REMOTING_LOGGER_NAME = "RocketmqRemoting";
    public static final String CLIENT_LOGGER_NAME = "RocketmqClient";
    public static final String TOOLS_LOGGER_NAME = "RocketmqTools";
    public static final String COMMON_LOGGER_NAME = "RocketmqCommon";
    public static final String STATS_LOGGER_NAME = "RocketmqStats";
    public static final String TRANSACTION_LOGGER_NAME = "RocketmqTransaction";
    public static final String WATER_MARK_LOGGER_NAME = "RocketmqWaterMark";
    public static final String PROTECTION_LOGGER_NAME = "RocketmqProtection";
    public static final String FILTER_LOGGER_NAME = "RocketmqFilter";
    public static final String ROCKETMQ_TRAFFIC_NAME = "RocketmqTraffic";
    public static final String ACCOUNT_LOGGER_NAME = "RocketmqAccount";

    private LoggerName() {
    }
}
