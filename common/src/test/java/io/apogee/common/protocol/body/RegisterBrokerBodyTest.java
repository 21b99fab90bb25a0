package io.apogee.common.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.TopicFilterType;

class RegisterBrokerBodyTest {

    static RegisterBrokerBody sample(int topics) {
        RegisterBrokerBody body = new RegisterBrokerBody();
        DataVersion v = new DataVersion();
        v.setTimestamp(1700000000000L);
        v.getCounter().set(5);
        body.getTopicConfigSerializeWrapper().setDataVersion(v);
        for (int i = 0; i < topics; i++) {
            TopicConfig tc = new TopicConfig("Topic" + i, 4, 4, 6);
            if (i % 2 == 1) {
                tc.setTopicFilterType(TopicFilterType.MULTI_TAG);
            }
            body.getTopicConfigSerializeWrapper().getTopicConfigTable().put(tc.getTopicName(), tc);
        }
        return body;
    }

    @Test
    void plainJsonShape() {
        RegisterBrokerBody body = sample(0);
        TopicConfig tc = new TopicConfig("TopicTest", 4, 4, 6);
        body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("TopicTest", tc);
        assertThat(body.toJson()).isEqualTo("{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
            + "{\"counter\":5,\"timestamp\":1700000000000},\"topicConfigTable\":{\"TopicTest\":{\"order\":false,\"perm\":6,"
            + "\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,"
            + "\"writeQueueNums\":4}}}}");
    }

    @Test
    void compressedRoundTrip() throws IOException {
        RegisterBrokerBody body = sample(1000);
        body.setFilterServerList(List.of("1.2.3.4:5"));
        byte[] bytes = body.encode(true);
        assertThat(bytes[0]).isEqualTo((byte) 0x78);
        assertThat(bytes[1]).isEqualTo((byte) 0xda);
        RegisterBrokerBody back = RegisterBrokerBody.decode(bytes, true);
        assertThat(back.getTopicConfigSerializeWrapper().getTopicConfigTable())
            .isEqualTo(body.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertThat(back.getTopicConfigSerializeWrapper().getDataVersion())
            .isEqualTo(body.getTopicConfigSerializeWrapper().getDataVersion());
        assertThat(back.getFilterServerList()).containsExactly("1.2.3.4:5");
    }

    @Test
    void plainRoundTrip() throws IOException {
        RegisterBrokerBody body = sample(10);
        RegisterBrokerBody back = RegisterBrokerBody.decode(body.encode(false), false);
        assertThat(back.getTopicConfigSerializeWrapper().getTopicConfigTable())
            .isEqualTo(body.getTopicConfigSerializeWrapper().getTopicConfigTable());
    }

    @Test
    void corruptInputIsAnIOException() {
        byte[] garbage = "not a body".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegisterBrokerBody.decode(garbage, true)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RegisterBrokerBody.decode(garbage, false)).isInstanceOf(IOException.class);
        byte[] ok = sample(10).encode(true);
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length / 2);
        assertThatThrownBy(() -> RegisterBrokerBody.decode(truncated, true)).isInstanceOf(IOException.class);
    }

    @Test
    void topicConfigTextForm() {
        TopicConfig tc = new TopicConfig("T", 8, 4, 7);
        assertThat(tc.encode()).isEqualTo("T 8 4 7 SINGLE_TAG");
        TopicConfig back = new TopicConfig();
        assertThat(back.decode("T 8 4 7 SINGLE_TAG")).isTrue();
        assertThat(back).isEqualTo(tc);
        assertThat(back.decode("T 8 4")).isFalse();
    }

    @Test
    void dataVersionShapeAndEquality() {
        DataVersion v = new DataVersion();
        v.setTimestamp(1700000000000L);
        v.getCounter().set(5);
        assertThat(v.toJson()).isEqualTo("{\"counter\":5,\"timestamp\":1700000000000}");
        DataVersion w = DataVersion.decode(v.encode(), DataVersion.class);
        assertThat(w).isEqualTo(v);
        w.nextVersion();
        assertThat(w).isNotEqualTo(v);
        assertThat(w.getCounter().get()).isEqualTo(6);
    }

    @Test
    void smallBodiesShapes() {
        TopicList tl = new TopicList();
        tl.getTopicList().add("TopicTest");
        assertThat(tl.toJson()).isEqualTo("{\"topicList\":[\"TopicTest\"]}");
        KVTable kv = new KVTable();
        kv.getTable().put("k", "v");
        assertThat(kv.toJson()).isEqualTo("{\"table\":{\"k\":\"v\"}}");
    }
}
