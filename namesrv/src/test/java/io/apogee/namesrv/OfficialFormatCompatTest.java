package io.apogee.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.TopicFilterType;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.RegisterBrokerBody;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;

/**
 * Apogee's namesrv wire types against the official 4.9.7 classes (test scope): bodies encoded by one side decode
 * on the other, and every header has exactly the official field names and types.
 */
class OfficialFormatCompatTest {

    @Test
    void ourCompressedBodyDecodesWithOfficialClass() throws Exception {
        RegisterBrokerBody ours = new RegisterBrokerBody();
        DataVersion v = new DataVersion();
        v.getCounter().set(42);
        ours.getTopicConfigSerializeWrapper().setDataVersion(v);
        TopicConfig tc = new TopicConfig("T1", 3, 5, 7);
        tc.setTopicFilterType(TopicFilterType.MULTI_TAG);
        ours.getTopicConfigSerializeWrapper().getTopicConfigTable().put("T1", tc);
        ours.setFilterServerList(List.of("1.1.1.1:1"));

        org.apache.rocketmq.common.protocol.body.RegisterBrokerBody theirs =
            org.apache.rocketmq.common.protocol.body.RegisterBrokerBody.decode(ours.encode(true), true);
        org.apache.rocketmq.common.TopicConfig t = theirs.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T1");
        assertThat(t.getReadQueueNums()).isEqualTo(3);
        assertThat(t.getWriteQueueNums()).isEqualTo(5);
        assertThat(t.getPerm()).isEqualTo(7);
        assertThat(t.getTopicFilterType().name()).isEqualTo("MULTI_TAG");
        assertThat(theirs.getTopicConfigSerializeWrapper().getDataVersion().getCounter().get()).isEqualTo(42);
        assertThat(theirs.getFilterServerList()).containsExactly("1.1.1.1:1");

        org.apache.rocketmq.common.protocol.body.RegisterBrokerBody plain =
            org.apache.rocketmq.remoting.protocol.RemotingSerializable.decode(ours.encode(false),
                org.apache.rocketmq.common.protocol.body.RegisterBrokerBody.class);
        assertThat(plain.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T1").getPerm()).isEqualTo(7);
    }

    @Test
    void officialBodiesDecodeWithOurClasses() throws Exception {
        org.apache.rocketmq.common.protocol.body.RegisterBrokerBody theirs =
            new org.apache.rocketmq.common.protocol.body.RegisterBrokerBody();
        theirs.getTopicConfigSerializeWrapper().getTopicConfigTable()
            .put("T2", new org.apache.rocketmq.common.TopicConfig("T2", 2, 2, 6));
        for (boolean compressed : new boolean[] {true, false}) {
            RegisterBrokerBody ours = RegisterBrokerBody.decode(theirs.encode(compressed), compressed);
            assertThat(ours.getTopicConfigSerializeWrapper().getTopicConfigTable().get("T2"))
                .isEqualTo(new TopicConfig("T2", 2, 2, 6));
            assertThat(ours.getTopicConfigSerializeWrapper().getDataVersion().getTimestamp())
                .isEqualTo(theirs.getTopicConfigSerializeWrapper().getDataVersion().getTimestamp());
        }
    }

    @Test
    void routeAndClusterJsonMatchOfficialByteForByte() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "10.0.0.1:10911");
        addrs.put(1L, "10.0.0.2:10911");
        TopicRouteData ours = new TopicRouteData();
        ours.setQueueDatas(List.of(new QueueData("broker-a", 4, 4, 6, 0)));
        ours.setBrokerDatas(List.of(new BrokerData("C", "broker-a", addrs)));
        ours.setFilterServerTable(new HashMap<>());

        org.apache.rocketmq.common.protocol.route.TopicRouteData theirs =
            new org.apache.rocketmq.common.protocol.route.TopicRouteData();
        org.apache.rocketmq.common.protocol.route.QueueData qd = new org.apache.rocketmq.common.protocol.route.QueueData();
        qd.setBrokerName("broker-a");
        qd.setReadQueueNums(4);
        qd.setWriteQueueNums(4);
        qd.setPerm(6);
        theirs.setQueueDatas(List.of(qd));
        theirs.setBrokerDatas(List.of(new org.apache.rocketmq.common.protocol.route.BrokerData("C", "broker-a",
            new HashMap<>(addrs))));
        theirs.setFilterServerTable(new HashMap<>());
        assertThat(ours.toJson()).isEqualTo(theirs.toJson());

        ClusterInfo ci = new ClusterInfo();
        ci.setBrokerAddrTable(new HashMap<>(Map.of("broker-a", new BrokerData("C", "broker-a", addrs))));
        ci.setClusterAddrTable(new HashMap<>(Map.of("C", new java.util.HashSet<>(List.of("broker-a")))));
        org.apache.rocketmq.common.protocol.body.ClusterInfo decoded =
            org.apache.rocketmq.remoting.protocol.RemotingSerializable.decode(ci.encode(),
                org.apache.rocketmq.common.protocol.body.ClusterInfo.class);
        assertThat(decoded.getBrokerAddrTable().get("broker-a").getBrokerAddrs()).containsEntry(1L, "10.0.0.2:10911");
        assertThat(RemotingSerializable.decode(theirs.encode(), TopicRouteData.class)).isEqualTo(ours);
    }

    @Test
    void headersHaveTheOfficialFieldNamesAndTypes() throws Exception {
        for (String name : List.of("RegisterBrokerRequestHeader", "RegisterBrokerResponseHeader",
            "UnRegisterBrokerRequestHeader", "GetRouteInfoRequestHeader", "PutKVConfigRequestHeader",
            "GetKVConfigRequestHeader", "GetKVConfigResponseHeader", "DeleteKVConfigRequestHeader",
            "GetKVListByNamespaceRequestHeader", "WipeWritePermOfBrokerRequestHeader",
            "WipeWritePermOfBrokerResponseHeader", "AddWritePermOfBrokerRequestHeader",
            "AddWritePermOfBrokerResponseHeader", "DeleteTopicFromNamesrvRequestHeader",
            "QueryDataVersionRequestHeader", "QueryDataVersionResponseHeader", "RegisterOrderTopicRequestHeader")) {
            Class<?> ours = Class.forName("io.apogee.common.protocol.header.namesrv." + name);
            Class<?> theirs = Class.forName("org.apache.rocketmq.common.protocol.header.namesrv." + name);
            assertThat(fields(ours)).as(name).isEqualTo(fields(theirs));
        }
        assertThat(fields(Class.forName("io.apogee.common.protocol.header.namesrv.GetTopicsByClusterRequestHeader")))
            .isEqualTo(fields(Class.forName("org.apache.rocketmq.common.protocol.header.GetTopicsByClusterRequestHeader")));
    }

    private static Map<String, String> fields(Class<?> c) {
        Map<String, String> m = new TreeMap<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    m.put(f.getName(), f.getType().getSimpleName());
                }
            }
        }
        return m;
    }
}
