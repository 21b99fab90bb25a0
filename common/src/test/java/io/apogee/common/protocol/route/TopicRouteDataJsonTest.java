package io.apogee.common.protocol.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.ClusterInfo;

/** JSON shapes of routes exactly as protocol.md §3.7 shows them (captured from the 4.9.7 classes). */
class TopicRouteDataJsonTest {

    static TopicRouteData sample() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "10.0.0.1:10911");
        addrs.put(1L, "10.0.0.2:10911");
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(new ArrayList<>(List.of(new BrokerData("DefaultCluster", "broker-a", addrs))));
        route.setQueueDatas(new ArrayList<>(List.of(new QueueData("broker-a", 4, 4, 6, 0))));
        route.setFilterServerTable(new HashMap<>());
        return route;
    }

    @Test
    void plainFastjsonFormHasUnquotedBrokerIds() {
        assertThat(sample().toJson()).isEqualTo(
            "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"10.0.0.1:10911\",1:\"10.0.0.2:10911\"},\"brokerName\":\"broker-a\","
                + "\"cluster\":\"DefaultCluster\"}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
                + "\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}");
    }

    @Test
    void standardFormQuotesKeys() {
        String json = new String(sample().encodeStandardJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\",\"1\":\"10.0.0.2:10911\"}");
        assertThat(json).doesNotContain("{0:");
    }

    @Test
    void bothFormsDecodeBack() {
        TopicRouteData plain = RemotingSerializable.decode(sample().encode(), TopicRouteData.class);
        TopicRouteData std = RemotingSerializable.decode(sample().encodeStandardJson(), TopicRouteData.class);
        assertThat(plain).isEqualTo(sample());
        assertThat(std).isEqualTo(sample());
        assertThat(plain.getBrokerDatas().get(0).getBrokerAddrs().get(0L)).isEqualTo("10.0.0.1:10911");
    }

    @Test
    void orderTopicConfOmittedWhenNull() {
        assertThat(sample().toJson()).doesNotContain("orderTopicConf");
        TopicRouteData r = sample();
        r.setOrderTopicConf("broker-a:4");
        assertThat(r.toJson()).startsWith("{\"brokerDatas\"").contains("\"orderTopicConf\":\"broker-a:4\"");
    }

    @Test
    void cloneIsDeep() {
        TopicRouteData a = sample();
        TopicRouteData b = a.cloneTopicRouteData();
        b.getBrokerDatas().get(0).getBrokerAddrs().put(2L, "x");
        b.getQueueDatas().get(0).setPerm(4);
        assertThat(a).isEqualTo(sample());
    }

    @Test
    void clusterInfoShape() {
        ClusterInfo ci = new ClusterInfo();
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "10.0.0.1:10911");
        addrs.put(1L, "10.0.0.2:10911");
        ci.setBrokerAddrTable(new HashMap<>());
        ci.getBrokerAddrTable().put("broker-a", new BrokerData("DefaultCluster", "broker-a", addrs));
        ci.setClusterAddrTable(new HashMap<>());
        ci.getClusterAddrTable().put("DefaultCluster", new java.util.HashSet<>(List.of("broker-a")));
        assertThat(ci.toJson()).isEqualTo("{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"10.0.0.1:10911\","
            + "1:\"10.0.0.2:10911\"},\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}},"
            + "\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}");
        assertThat(ci.retrieveAllAddrByCluster("DefaultCluster")).containsExactlyInAnyOrder("10.0.0.1:10911", "10.0.0.2:10911");
    }

    @Test
    void selectBrokerAddrPrefersMaster() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(1L, "s");
        BrokerData bd = new BrokerData("c", "b", addrs);
        assertThat(bd.selectBrokerAddr()).isEqualTo("s");
        addrs.put(0L, "m");
        assertThat(bd.selectBrokerAddr()).isEqualTo("m");
    }
}
