package io.apogee.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.subscription.SubscriptionGroupManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.BrokerConfig;
import io.apogee.common.TopicConfig;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * topics.json, subscriptionGroup.json and consumerOffset.json: what Apogee writes is read by the official 4.9.7
 * classes, what the official classes write is loaded by Apogee, and both survive a reload.
 */
class ManagersJsonTest {
    @TempDir
    Path root;

    private BrokerConfig brokerConfig() {
        BrokerConfig c = new BrokerConfig();
        c.setBrokerClusterName("JsonCluster");
        c.setBrokerName("json-broker");
        return c;
    }

    private String read(String file) throws Exception {
        return Files.readString(root.resolve("config").resolve(file), StandardCharsets.UTF_8);
    }

    private void write(String file, String json) throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config").resolve(file), json, StandardCharsets.UTF_8);
    }

    @Test
    void topicsJsonIsReadByTheOfficialWrapperAndSurvivesReload() throws Exception {
        TopicConfigManager m = new TopicConfigManager(brokerConfig(), root.toString());
        assertThat(m.load()).isTrue();
        assertThat(m.getTopicConfigTable()).containsKeys("TBW102", "SCHEDULE_TOPIC_XXXX", "SELF_TEST_TOPIC",
            "OFFSET_MOVED_EVENT", "BenchmarkTest", "JsonCluster", "json-broker", "JsonCluster_REPLY_TOPIC");
        TopicConfig tc = new TopicConfig("OrderedTopic", 3, 5, 6);
        tc.setOrder(true);
        tc.setTopicSysFlag(1);
        m.updateTopicConfig(tc);
        m.deleteTopicConfig("BenchmarkTest");
        long counter = m.getDataVersion().getCounter().get();
        m.persist();

        String json = read("topics.json");
        JSONObject top = JSON.parseObject(json);
        assertThat(top.keySet()).containsExactlyInAnyOrder("dataVersion", "topicConfigTable");
        assertThat(top.getJSONObject("dataVersion").keySet()).containsExactlyInAnyOrder("counter", "timestamp");
        TopicConfigSerializeWrapper official = RemotingSerializable.fromJson(json, TopicConfigSerializeWrapper.class);
        org.apache.rocketmq.common.TopicConfig otc = official.getTopicConfigTable().get("OrderedTopic");
        assertThat(otc.getReadQueueNums()).isEqualTo(3);
        assertThat(otc.getWriteQueueNums()).isEqualTo(5);
        assertThat(otc.getPerm()).isEqualTo(6);
        assertThat(otc.isOrder()).isTrue();
        assertThat(otc.getTopicSysFlag()).isEqualTo(1);
        assertThat(official.getTopicConfigTable()).doesNotContainKey("BenchmarkTest");
        assertThat(official.getDataVersion().getCounter().get()).isEqualTo(counter);

        TopicConfigManager reloaded = new TopicConfigManager(brokerConfig(), root.toString());
        assertThat(reloaded.load()).isTrue();
        assertThat(reloaded.selectTopicConfig("OrderedTopic").getWriteQueueNums()).isEqualTo(5);
        assertThat(reloaded.selectTopicConfig("OrderedTopic").isOrder()).isTrue();
        assertThat(reloaded.getDataVersion().getCounter().get()).isEqualTo(counter);
    }

    @Test
    void officialTopicsJsonIsLoaded() throws Exception {
        TopicConfigSerializeWrapper w = new TopicConfigSerializeWrapper();
        ConcurrentMap<String, org.apache.rocketmq.common.TopicConfig> table = new ConcurrentHashMap<>();
        table.put("FromOfficial", new org.apache.rocketmq.common.TopicConfig("FromOfficial", 2, 2, 4));
        w.setTopicConfigTable(table);
        DataVersion dv = new DataVersion();
        dv.nextVersion();
        dv.nextVersion();
        w.setDataVersion(dv);
        write("topics.json", w.toJson(true));

        TopicConfigManager m = new TopicConfigManager(brokerConfig(), root.toString());
        assertThat(m.load()).isTrue();
        TopicConfig tc = m.selectTopicConfig("FromOfficial");
        assertThat(tc.getReadQueueNums()).isEqualTo(2);
        assertThat(tc.getPerm()).isEqualTo(4);
        assertThat(m.getDataVersion().getCounter().get()).isEqualTo(2);
    }

    @Test
    void consumerOffsetJsonRoundTripsWithTheOfficialManager() throws Exception {
        ConsumerOffsetManager m = new ConsumerOffsetManager(root.toString());
        assertThat(m.load()).isTrue();
        m.commitOffset("127.0.0.1", "G1", "T", 0, 42);
        m.commitOffset("127.0.0.1", "G1", "T", 1, 7);
        m.commitOffset("127.0.0.1", "G2", "T", 0, 40);
        m.persist();

        String json = read("consumerOffset.json");
        assertThat(JSON.parseObject(json).keySet()).containsExactly("offsetTable");
        org.apache.rocketmq.broker.offset.ConsumerOffsetManager official =
            RemotingSerializable.fromJson(json, org.apache.rocketmq.broker.offset.ConsumerOffsetManager.class);
        assertThat(official.getOffsetTable().get("T@G1")).containsEntry(0, 42L).containsEntry(1, 7L);
        assertThat(official.getOffsetTable().get("T@G2")).containsEntry(0, 40L);

        official.getOffsetTable().get("T@G2").put(3, 99L);
        write("consumerOffset.json", official.encode(true));
        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(root.toString());
        assertThat(reloaded.load()).isTrue();
        assertThat(reloaded.queryOffset("G2", "T", 3)).isEqualTo(99L);
        assertThat(reloaded.queryOffset("G1", "T", 0)).isEqualTo(42L);
        assertThat(reloaded.queryOffset("G3", "T", 0)).isEqualTo(-1L);
        assertThat(reloaded.whichTopicByConsumer("G1")).containsExactly("T");
        assertThat(reloaded.whichGroupByTopic("T")).containsExactlyInAnyOrder("G1", "G2");
    }

    @Test
    void minOffsetInAllGroupSkipsFilteredGroupsAndOffsetsBelowTheQueueMinimum() {
        ConsumerOffsetManager m = new ConsumerOffsetManager(root.toString());
        m.commitOffset("h", "G1", "T", 0, 42);
        m.commitOffset("h", "G2", "T", 0, 40);
        m.commitOffset("h", "G3", "T", 0, 5);
        m.commitOffset("h", "G2", "T", 1, 8);
        m.commitOffset("h", "G1", "Other", 0, 1);
        // queue 0 of T starts at 10 in the store: G3's offset 5 no longer counts
        Map<Integer, Long> min = m.queryMinOffsetInAllGroup("T", "", q -> q == 0 ? 10 : 0);
        assertThat(min).containsExactlyInAnyOrderEntriesOf(Map.of(0, 40L, 1, 8L));
        assertThat(m.queryMinOffsetInAllGroup("T", "G2, G3", q -> 0)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 42L));
        // nothing was removed from the table by the filter
        assertThat(m.getOffsetTable()).containsKeys("T@G1", "T@G2", "T@G3", "Other@G1");
    }

    @Test
    void subscriptionGroupJsonRoundTripsWithTheOfficialWrapper() throws Exception {
        SubscriptionGroupManager m = new SubscriptionGroupManager(brokerConfig(), root.toString());
        assertThat(m.load()).isTrue();
        SubscriptionGroupConfig g = new SubscriptionGroupConfig();
        g.setGroupName("SlowGroup");
        g.setRetryMaxTimes(3);
        g.setConsumeBroadcastEnable(true);
        g.setWhichBrokerWhenConsumeSlowly(2);
        m.updateSubscriptionGroupConfig(g);
        assertThat(m.findSubscriptionGroupConfig("AutoCreated")).isNotNull(); // autoCreateSubscriptionGroup=true
        m.persist();

        String json = read("subscriptionGroup.json");
        assertThat(JSON.parseObject(json).keySet()).containsExactlyInAnyOrder("dataVersion", "subscriptionGroupTable");
        SubscriptionGroupWrapper official = RemotingSerializable.fromJson(json, SubscriptionGroupWrapper.class);
        org.apache.rocketmq.common.subscription.SubscriptionGroupConfig og = official.getSubscriptionGroupTable().get("SlowGroup");
        assertThat(og.getRetryMaxTimes()).isEqualTo(3);
        assertThat(og.isConsumeBroadcastEnable()).isTrue();
        assertThat(og.getWhichBrokerWhenConsumeSlowly()).isEqualTo(2);
        assertThat(official.getSubscriptionGroupTable()).containsKeys("AutoCreated", "TOOLS_CONSUMER", "SELF_TEST_C_GROUP");

        og.setRetryQueueNums(4);
        m.deleteSubscriptionGroupConfig("AutoCreated");
        write("subscriptionGroup.json", official.toJson(true));
        SubscriptionGroupManager reloaded = new SubscriptionGroupManager(brokerConfig(), root.toString());
        assertThat(reloaded.load()).isTrue();
        assertThat(reloaded.table().get("SlowGroup").getRetryQueueNums()).isEqualTo(4);
        assertThat(reloaded.table().get("SlowGroup").getRetryMaxTimes()).isEqualTo(3);
        assertThat(reloaded.getDataVersion().getCounter().get()).isEqualTo(official.getDataVersion().getCounter().get());
    }
}
