package io.apogee.namesrv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.MixAll;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.namesrv.NamesrvConfig;
import io.apogee.remoting.netty.NettyServerConfig;

/**
 * The live configuration served by GET_NAMESRV_CONFIG and changed by UPDATE_NAMESRV_CONFIG: the namesrv and
 * Netty server settings as one properties view. Accepted changes are written to {@code configStorePath}.
 * Keys naming files ({@link NamesrvConfig#PATH_KEYS}) cannot be changed remotely. Thread-safe.
 */
public class NamesrvConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);

    /** Outcome of an update: path keys refused, a conversion error, or success with an optional remark. */
    public record UpdateResult(boolean refusedPathKeys, String error, String remark) {
    }

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;

    public NamesrvConfiguration(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
    }

    public NamesrvConfig getNamesrvConfig() {
        return namesrvConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }

    /** All settings, sorted by key. */
    public synchronized Map<String, String> getAllConfigs() {
        Map<String, String> all = new TreeMap<>(PropertiesBinder.toMap(nettyServerConfig));
        all.putAll(PropertiesBinder.toMap(namesrvConfig));
        return all;
    }

    /** {@code key=value\n} lines, the GET_NAMESRV_CONFIG body. */
    public String getAllConfigsFormatString() {
        return MixAll.properties2String(getAllConfigs());
    }

    /**
     * Applies properties to the live config. Nothing is applied if any key names a path or any value does not
     * convert. Keys no config object knows are skipped and named in the remark.
     */
    public synchronized UpdateResult update(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (NamesrvConfig.PATH_KEYS.contains(key.trim())) {
                return new UpdateResult(true, null, null);
            }
        }
        // Validate on copies first so a bad value leaves the live config untouched.
        try {
            PropertiesBinder.bind(properties, new NamesrvConfig(), new NettyServerConfig());
        } catch (IllegalArgumentException e) {
            return new UpdateResult(false, e.getMessage(), null);
        }
        List<PropertiesBinder.UnknownKey> unknown = PropertiesBinder.bind(properties, namesrvConfig, nettyServerConfig);
        String remark = null;
        if (!unknown.isEmpty()) {
            List<String> texts = new ArrayList<>();
            unknown.forEach(u -> texts.add(u.toString()));
            remark = "ignored: " + String.join("; ", texts);
            log.warn("updateConfig {}", remark);
        }
        log.info("updateConfig applied {}", properties);
        persist();
        return new UpdateResult(false, null, remark);
    }

    private void persist() {
        String path = MixAll.expandHome(namesrvConfig.getConfigStorePath());
        try {
            MixAll.string2File(getAllConfigsFormatString(), path);
        } catch (IOException e) {
            log.error("persist namesrv config to {} failed", path, e);
        }
    }
}
