package io.apogee.common.namesrv;

import java.io.File;
import java.util.Set;

import io.apogee.common.MixAll;

/**
 * The name server's own settings, bound from the {@code -c} properties file with RocketMQ's key names.
 * {@link #scanNotActiveBrokerInterval} and {@link #brokerChannelExpiredTime} are Apogee additions (RocketMQ
 * hard-codes 10 s and 120 s) so tests and small deployments can shorten broker expiry.
 */
public class NamesrvConfig {
    /**
     * Keys that name files or directories. Changing them remotely (UPDATE_NAMESRV_CONFIG) would let any
     * client make the daemon write where it likes (CVE-2023-37582), so they can only be set at start.
     */
    public static final Set<String> PATH_KEYS = Set.of("kvConfigPath", "configStorePath", "rocketmqHome");

    private String rocketmqHome = MixAll.rocketmqHome();
    private String kvConfigPath = System.getProperty("user.home") + File.separator + "namesrv" + File.separator
        + "kvConfig.json";
    private String configStorePath = System.getProperty("user.home") + File.separator + "namesrv" + File.separator
        + "namesrv.properties";
    private String productEnvName = "center";
    private boolean clusterTest = false;
    private boolean orderMessageEnable = false;
    /** Period of the inactive-broker scan, ms. */
    private long scanNotActiveBrokerInterval = 10_000;
    /** A broker that has not registered for this long is dropped, ms. */
    private long brokerChannelExpiredTime = 120_000;

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    public void setRocketmqHome(String rocketmqHome) {
        this.rocketmqHome = rocketmqHome;
    }

    public String getKvConfigPath() {
        return kvConfigPath;
    }

    public void setKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    public String getConfigStorePath() {
        return configStorePath;
    }

    public void setConfigStorePath(String configStorePath) {
        this.configStorePath = configStorePath;
    }

    public String getProductEnvName() {
        return productEnvName;
    }

    public void setProductEnvName(String productEnvName) {
        this.productEnvName = productEnvName;
    }

    public boolean isClusterTest() {
        return clusterTest;
    }

    public void setClusterTest(boolean clusterTest) {
        this.clusterTest = clusterTest;
    }

    public boolean isOrderMessageEnable() {
        return orderMessageEnable;
    }

    public void setOrderMessageEnable(boolean orderMessageEnable) {
        this.orderMessageEnable = orderMessageEnable;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        if (scanNotActiveBrokerInterval <= 0) {
            throw new IllegalArgumentException("scanNotActiveBrokerInterval must be > 0 ms");
        }
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public long getBrokerChannelExpiredTime() {
        return brokerChannelExpiredTime;
    }

    public void setBrokerChannelExpiredTime(long brokerChannelExpiredTime) {
        if (brokerChannelExpiredTime <= 0) {
            throw new IllegalArgumentException("brokerChannelExpiredTime must be > 0 ms");
        }
        this.brokerChannelExpiredTime = brokerChannelExpiredTime;
    }
}
