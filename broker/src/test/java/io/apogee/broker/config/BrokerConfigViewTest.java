package io.apogee.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.filter.util.BloomFilter;
import org.junit.jupiter.api.Test;

import io.apogee.common.BrokerConfig;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.config.MessageStoreConfig;

/**
 * GET_BROKER_CONFIG answers with the config objects' fields the way an official 4.9.7 broker does: for default
 * configs the key set equals the official one, and the keys that differ from the settable keys keep their field
 * names and stored values.
 */
class BrokerConfigViewTest {

    private static Map<String, String> official(Object... configs) {
        Map<String, String> m = new TreeMap<>();
        for (Object c : configs) {
            Properties p = MixAll.object2Properties(c);
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        }
        return m;
    }

    private static Map<String, String> apogee(Object... configs) {
        Map<String, String> m = new TreeMap<>();
        for (Object c : configs) {
            m.putAll(PropertiesBinder.fieldValues(c));
        }
        return m;
    }

    @Test
    void defaultConfigsShowTheOfficialKeysAndValues() {
        Map<String, String> o = official(new org.apache.rocketmq.common.BrokerConfig(),
            new org.apache.rocketmq.remoting.netty.NettyServerConfig(), new org.apache.rocketmq.remoting.netty.NettyClientConfig(),
            new org.apache.rocketmq.store.config.MessageStoreConfig());
        Map<String, String> a = apogee(new BrokerConfig(), new NettyServerConfig(), new NettyClientConfig(), new MessageStoreConfig());
        Set<String> missing = new TreeSet<>(o.keySet());
        missing.removeAll(a.keySet());
        Set<String> extra = new TreeSet<>(a.keySet());
        extra.removeAll(o.keySet());
        assertThat(missing).as("official keys Apogee lacks").isEmpty();
        // Apogee-only settings (docs/configuration.md) are shown too, but no internal field that cannot be set
        assertThat(extra).as("keys only Apogee shows")
            .isSubsetOf(PropertiesBinder.knownKeys(new BrokerConfig(), new NettyServerConfig(), new NettyClientConfig(),
                new MessageStoreConfig()));
        Map<String, String> differentDefaults = new TreeMap<>();
        for (String k : o.keySet()) {
            if (!o.get(k).equals(a.get(k))) {
                differentDefaults.put(k, o.get(k) + " vs " + a.get(k));
            }
        }
        // docs/configuration.md: Apogee's only deliberately different default
        assertThat(differentDefaults).containsOnlyKeys("useEpollNativeSelector");
    }

    @Test
    void batchPushIsShownUnderItsFieldNameAndUnsetValuesAreLeftOut() {
        MessageStoreConfig store = new MessageStoreConfig();
        Properties p = new Properties();
        p.setProperty("enableBatchPush", "true");
        p.setProperty("diskMaxUsedSpaceRatio", "98");
        assertThat(PropertiesBinder.bind(p, store)).isEmpty();
        BrokerConfig broker = new BrokerConfig();
        broker.setNamesrvAddr(null);

        Map<String, String> view = apogee(broker, store);
        assertThat(view).containsEntry("isEnableBatchPush", "true").doesNotContainKey("enableBatchPush")
            .doesNotContainKey("namesrvAddr")
            // the stored value, as the official broker shows it; the store itself uses at most 95
            .containsEntry("diskMaxUsedSpaceRatio", "98");
        assertThat(store.getDiskMaxUsedSpaceRatio()).isEqualTo(95);
    }

    @Test
    void consumeQueueExtBitMapIsSizedLikeTheOfficialBloomFilter() {
        for (int[] fn : new int[][] {{20, 32}, {1, 1}, {5, 100}, {50, 7}, {99, 1000}}) {
            assertThat(BloomFilterBits.of(fn[0], fn[1])).as("error rate %d%%, %d consumers", fn[0], fn[1])
                .isEqualTo(BloomFilter.createByFn(fn[0], fn[1]).getM());
        }
        assertThat(BloomFilterBits.of(0, 32)).isEqualTo(-1);
        assertThat(BloomFilterBits.of(20, 0)).isEqualTo(-1);
    }
}
