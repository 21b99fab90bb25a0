package io.apogee.broker.config;

import java.io.File;

/** Where the broker's metadata files live: {@code <storePathRootDir>/config/*.json}. */
public final class BrokerPathConfigHelper {
    private BrokerPathConfigHelper() {
    }

    private static String dir(String rootDir) {
        return rootDir + File.separator + "config" + File.separator;
    }

    public static String getTopicConfigPath(String rootDir) {
        return dir(rootDir) + "topics.json";
    }

    public static String getConsumerOffsetPath(String rootDir) {
        return dir(rootDir) + "consumerOffset.json";
    }

    public static String getSubscriptionGroupPath(String rootDir) {
        return dir(rootDir) + "subscriptionGroup.json";
    }

    public static String getDelayOffsetStorePath(String rootDir) {
        return dir(rootDir) + "delayOffset.json";
    }

    public static String getConsumerFilterPath(String rootDir) {
        return dir(rootDir) + "consumerFilter.json";
    }

    public static String getBrokerConfigPath(String rootDir) {
        return dir(rootDir) + "broker.properties";
    }
}
