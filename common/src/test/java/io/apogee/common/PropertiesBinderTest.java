package io.apogee.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.config.PropertiesBinder.UnknownKey;
import org.junit.jupiter.api.Test;

class PropertiesBinderTest {

    public static class SampleConfig {
        private String brokerClusterName = "DefaultCluster";
        private int listenPort = 10911;
        private boolean autoCreateTopicEnable = true;
        private long mappedFileSizeCommitLog = 1024L * 1024 * 1024;

        public String getBrokerClusterName() { return brokerClusterName; }
        public void setBrokerClusterName(String v) { brokerClusterName = v; }
        public int getListenPort() { return listenPort; }
        public void setListenPort(int v) { listenPort = v; }
        public boolean isAutoCreateTopicEnable() { return autoCreateTopicEnable; }
        public void setAutoCreateTopicEnable(boolean v) { autoCreateTopicEnable = v; }
        public long getMappedFileSizeCommitLog() { return mappedFileSizeCommitLog; }
        public void setMappedFileSizeCommitLog(long v) { mappedFileSizeCommitLog = v; }
    }

    @Test
    void bindsTypedValuesAndTrimsWhitespace() {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", "ClusterA ");
        p.setProperty("listenPort", " 10915");
        p.setProperty("autoCreateTopicEnable", "false");
        SampleConfig c = new SampleConfig();

        List<UnknownKey> unknown = PropertiesBinder.bind(p, c);

        assertThat(unknown).isEmpty();
        assertThat(c.getBrokerClusterName()).isEqualTo("ClusterA");
        assertThat(c.getListenPort()).isEqualTo(10915);
        assertThat(c.isAutoCreateTopicEnable()).isFalse();
    }

    @Test
    void reportsATypoWithTheClosestKnownKey() {
        Properties p = new Properties();
        p.setProperty("brokerClusterNmae", "x");
        p.setProperty("totallyUnrelatedThing", "y");

        List<UnknownKey> unknown = PropertiesBinder.bind(p, new SampleConfig());

        assertThat(unknown).extracting(UnknownKey::key).containsExactly("brokerClusterNmae", "totallyUnrelatedThing");
        assertThat(unknown.get(0).suggestion()).isEqualTo("brokerClusterName");
        assertThat(unknown.get(1).suggestion()).isNull();
    }

    @Test
    void acceptsOldSpellingsThroughAliases() {
        Properties p = new Properties();
        p.setProperty("mapedFileSizeCommitLog", "4096");
        SampleConfig c = new SampleConfig();

        List<UnknownKey> unknown = PropertiesBinder.bind(p, Map.of("mapedFileSizeCommitLog", "mappedFileSizeCommitLog"), c);

        assertThat(unknown).isEmpty();
        assertThat(c.getMappedFileSizeCommitLog()).isEqualTo(4096);
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingTheKey() {
        Properties p = new Properties();
        p.setProperty("listenPort", "ten");
        assertThatThrownBy(() -> PropertiesBinder.bind(p, new SampleConfig()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("listenPort");
    }

    @Test
    void readsEveryPropertyBack() {
        assertThat(PropertiesBinder.toMap(new SampleConfig()))
            .containsEntry("brokerClusterName", "DefaultCluster")
            .containsEntry("listenPort", "10911")
            .containsEntry("autoCreateTopicEnable", "true");
    }
}
