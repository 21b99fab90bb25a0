package io.apogee.broker.subscription;

import java.util.concurrent.ConcurrentMap;

import io.apogee.broker.config.BrokerPathConfigHelper;
import io.apogee.broker.config.ConfigManager;
import io.apogee.common.BrokerConfig;
import io.apogee.common.DataVersion;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.SubscriptionGroupWrapper;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumer group settings ({@code subscriptionGroup.json}), auto-created on first use when allowed. */
public class SubscriptionGroupManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final BrokerConfig brokerConfig;
    private final String storePathRootDir;
    private final SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();

    public SubscriptionGroupManager(BrokerConfig brokerConfig, String storePathRootDir) {
        this.brokerConfig = brokerConfig;
        this.storePathRootDir = storePathRootDir;
        for (String g : new String[] {MixAll.TOOLS_CONSUMER_GROUP, MixAll.FILTERSRV_CONSUMER_GROUP,
            MixAll.SELF_TEST_CONSUMER_GROUP, MixAll.ONS_HTTP_PROXY_GROUP, MixAll.CID_ONSAPI_PULL_GROUP,
            MixAll.CID_ONSAPI_PERMISSION_GROUP, MixAll.CID_ONSAPI_OWNER_GROUP}) {
            SubscriptionGroupConfig c = new SubscriptionGroupConfig();
            c.setGroupName(g);
            table().put(g, c);
        }
    }

    public ConcurrentMap<String, SubscriptionGroupConfig> table() {
        return wrapper.getSubscriptionGroupTable();
    }

    public DataVersion getDataVersion() {
        return wrapper.getDataVersion();
    }

    /** The group's config; created with defaults when missing and auto-creation is on (else null). */
    public SubscriptionGroupConfig findSubscriptionGroupConfig(String group) {
        SubscriptionGroupConfig c = table().get(group);
        if (c == null && (brokerConfig.isAutoCreateSubscriptionGroup() || MixAll.isSysConsumerGroup(group))) {
            SubscriptionGroupConfig created = new SubscriptionGroupConfig();
            created.setGroupName(group);
            SubscriptionGroupConfig prev = table().putIfAbsent(group, created);
            if (prev == null) {
                log.info("auto-created subscription group {}", group);
                getDataVersion().nextVersion();
                persist();
                return created;
            }
            return prev;
        }
        return c;
    }

    public void updateSubscriptionGroupConfig(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig old = table().put(config.getGroupName(), config);
        log.info("{} subscription group {}", old == null ? "create" : "update", config.getGroupName());
        getDataVersion().nextVersion();
        persist();
    }

    public void deleteSubscriptionGroupConfig(String group) {
        if (table().remove(group) != null) {
            log.info("delete subscription group {}", group);
            getDataVersion().nextVersion();
            persist();
        }
    }

    @Override
    public String configFilePath() {
        return BrokerPathConfigHelper.getSubscriptionGroupPath(storePathRootDir);
    }

    @Override
    public String encode(boolean pretty) {
        return RemotingSerializable.toJson(wrapper, pretty);
    }

    @Override
    protected void decode(String json) {
        SubscriptionGroupWrapper w = RemotingSerializable.fromJson(json, SubscriptionGroupWrapper.class);
        if (w == null) {
            return;
        }
        if (w.getSubscriptionGroupTable() != null) {
            table().putAll(w.getSubscriptionGroupTable());
        }
        if (w.getDataVersion() != null) {
            getDataVersion().assignNewOne(w.getDataVersion());
        }
    }
}
