package io.apogee.namesrv.routeinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.constant.PermName;
import io.apogee.common.constant.TopicSysFlag;
import io.apogee.common.namesrv.RegisterBrokerResult;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.protocol.route.TopicRouteData;
import io.netty.channel.embedded.EmbeddedChannel;

class RouteInfoManagerTest {

    static TopicConfigSerializeWrapper topics(long counter, TopicConfig... configs) {
        TopicConfigSerializeWrapper w = new TopicConfigSerializeWrapper();
        DataVersion v = new DataVersion();
        v.setTimestamp(1000);
        v.getCounter().set(counter);
        w.setDataVersion(v);
        for (TopicConfig tc : configs) {
            w.getTopicConfigTable().put(tc.getTopicName(), tc);
        }
        return w;
    }

    @Test
    void masterRegistrationCreatesRoute() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "1.1.1.1:10911", "broker-a", 0, "1.1.1.1:10912",
            topics(1, new TopicConfig("T", 4, 4, 6)), List.of(), null);
        TopicRouteData route = rim.pickupTopicRouteData("T");
        assertThat(route).isNotNull();
        assertThat(route.getQueueDatas()).hasSize(1);
        assertThat(route.getQueueDatas().get(0).getBrokerName()).isEqualTo("broker-a");
        assertThat(route.getBrokerDatas().get(0).getBrokerAddrs()).containsEntry(0L, "1.1.1.1:10911");
        assertThat(rim.pickupTopicRouteData("Unknown")).isNull();
        ClusterInfo ci = rim.getAllClusterInfo();
        assertThat(ci.getClusterAddrTable().get("C")).containsExactly("broker-a");
        assertThat(rim.getAllTopicList().getTopicList()).containsExactly("T");
        assertThat(rim.getTopicsByCluster("C").getTopicList()).containsExactly("T");
        assertThat(rim.getTopicsByCluster("X").getTopicList()).isEmpty();
    }

    @Test
    void slaveGetsMasterAddressesAndDoesNotChangeTopics() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "m:10911", "broker-a", 0, "m:10912", topics(1, new TopicConfig("T", 4, 4, 6)), null, null);
        RegisterBrokerResult r = rim.registerBroker("C", "s:10911", "broker-a", 1, "s:10912",
            topics(2, new TopicConfig("T", 8, 8, 6), new TopicConfig("OnlySlave")), null, null);
        assertThat(r.getMasterAddr()).isEqualTo("m:10911");
        assertThat(r.getHaServerAddr()).isEqualTo("m:10912");
        assertThat(rim.pickupTopicRouteData("T").getQueueDatas().get(0).getReadQueueNums()).isEqualTo(4);
        assertThat(rim.pickupTopicRouteData("OnlySlave")).isNull();
        assertThat(rim.pickupTopicRouteData("T").getBrokerDatas().get(0).getBrokerAddrs()).hasSize(2);
        RegisterBrokerResult master = rim.registerBroker("C", "m:10911", "broker-a", 0, "m:10912", null, null, null);
        assertThat(master.getMasterAddr()).isNull();
    }

    @Test
    void unchangedDataVersionSkipsTopicUpdate() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "m:1", "a", 0, "m:2", topics(1, new TopicConfig("T", 4, 4, 6)), null, null);
        rim.registerBroker("C", "m:1", "a", 0, "m:2", topics(1, new TopicConfig("T", 8, 8, 6)), null, null);
        assertThat(rim.pickupTopicRouteData("T").getQueueDatas().get(0).getReadQueueNums()).isEqualTo(4);
        rim.registerBroker("C", "m:1", "a", 0, "m:2", topics(2, new TopicConfig("T", 8, 8, 6)), null, null);
        assertThat(rim.pickupTopicRouteData("T").getQueueDatas().get(0).getReadQueueNums()).isEqualTo(8);
        DataVersion v = topics(2).getDataVersion();
        assertThat(rim.isBrokerTopicConfigChanged("m:1", v)).isFalse();
        assertThat(rim.queryBrokerTopicConfig("m:1")).isEqualTo(v);
        assertThat(rim.queryBrokerTopicConfig("nope")).isNull();
    }

    @Test
    void sameAddressUnderNewIdReplacesOldId() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "x:1", "a", 1, "x:2", null, null, null);
        rim.registerBroker("C", "x:1", "a", 0, "x:2", null, null, null);
        assertThat(rim.getAllClusterInfo().getBrokerAddrTable().get("a").getBrokerAddrs()).containsOnlyKeys(0L);
    }

    @Test
    void channelCloseDropsBrokerAndItsTopics() {
        RouteInfoManager rim = new RouteInfoManager();
        EmbeddedChannel chA = new EmbeddedChannel();
        EmbeddedChannel chB = new EmbeddedChannel();
        rim.registerBroker("C", "a:1", "a", 0, "a:2", topics(1, new TopicConfig("T"), new TopicConfig("OnlyA")), null, chA);
        rim.registerBroker("C", "b:1", "b", 0, "b:2", topics(1, new TopicConfig("T")), null, chB);
        assertThat(rim.pickupTopicRouteData("T").getBrokerDatas()).hasSize(2);
        rim.onChannelDestroy("10.0.0.9:5555", new EmbeddedChannel());   // a client connection: nothing happens
        assertThat(rim.liveBrokerCount()).isEqualTo(2);
        rim.onChannelDestroy("a:33333", chA);
        assertThat(rim.pickupTopicRouteData("OnlyA")).isNull();
        TopicRouteData t = rim.pickupTopicRouteData("T");
        assertThat(t.getBrokerDatas()).hasSize(1);
        assertThat(t.getQueueDatas()).extracting("brokerName").containsExactly("b");
        assertThat(rim.getAllClusterInfo().getClusterAddrTable().get("C")).containsExactly("b");
        rim.onChannelDestroy("b:33333", chB);
        assertThat(rim.getAllClusterInfo().getClusterAddrTable()).isEmpty();
        assertThat(rim.topicCount()).isZero();
    }

    @Test
    void scanDropsSilentBrokersOnly() throws Exception {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "a:1", "a", 0, "a:2", topics(1, new TopicConfig("T")), null, null);
        Thread.sleep(30);
        rim.registerBroker("C", "b:1", "b", 0, "b:2", topics(1, new TopicConfig("T")), null, null);
        assertThat(rim.scanNotActiveBroker(20)).isEqualTo(1);
        assertThat(rim.pickupTopicRouteData("T").getBrokerDatas()).extracting("brokerName").containsExactly("b");
        assertThat(rim.scanNotActiveBroker(60_000)).isZero();
    }

    @Test
    void unregisterRemovesBroker() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "a:1", "a", 0, "a:2", topics(1, new TopicConfig("T")), null, null);
        rim.registerBroker("C", "s:1", "a", 1, "s:2", null, null, null);
        rim.unregisterBroker("C", "s:1", "a", 1);
        assertThat(rim.pickupTopicRouteData("T")).isNotNull();
        rim.unregisterBroker("C", "a:1", "a", 0);
        assertThat(rim.pickupTopicRouteData("T")).isNull();
        assertThat(rim.getAllClusterInfo().getBrokerAddrTable()).isEmpty();
    }

    @Test
    void wipeAndAddWritePerm() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "a:1", "a", 0, "a:2",
            topics(1, new TopicConfig("T1", 4, 4, 6), new TopicConfig("T2", 4, 4, 7)), null, null);
        assertThat(rim.wipeWritePermOfBrokerByLock("a")).isEqualTo(2);
        assertThat(rim.pickupTopicRouteData("T1").getQueueDatas().get(0).getPerm()).isEqualTo(PermName.PERM_READ);
        assertThat(rim.pickupTopicRouteData("T2").getQueueDatas().get(0).getPerm())
            .isEqualTo(PermName.PERM_READ | PermName.PERM_INHERIT);
        assertThat(rim.wipeWritePermOfBrokerByLock("nobody")).isZero();
        assertThat(rim.addWritePermOfBrokerByLock("a")).isEqualTo(2);
        assertThat(rim.pickupTopicRouteData("T2").getQueueDatas().get(0).getPerm())
            .isEqualTo(PermName.PERM_READ | PermName.PERM_WRITE);
    }

    @Test
    void deleteTopicAllOrPerCluster() {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C1", "a:1", "a", 0, "a:2", topics(1, new TopicConfig("T")), null, null);
        rim.registerBroker("C2", "b:1", "b", 0, "b:2", topics(1, new TopicConfig("T")), null, null);
        rim.deleteTopic("T", "C1");
        assertThat(rim.pickupTopicRouteData("T").getQueueDatas()).extracting("brokerName").containsExactly("b");
        rim.deleteTopic("T");
        assertThat(rim.pickupTopicRouteData("T")).isNull();
    }

    @Test
    void systemAndUnitTopicLists() {
        RouteInfoManager rim = new RouteInfoManager();
        TopicConfig unit = new TopicConfig("U");
        unit.setTopicSysFlag(TopicSysFlag.FLAG_UNIT);
        TopicConfig unitSub = new TopicConfig("US");
        unitSub.setTopicSysFlag(TopicSysFlag.FLAG_UNIT_SUB);
        TopicConfig both = new TopicConfig("B");
        both.setTopicSysFlag(TopicSysFlag.FLAG_UNIT | TopicSysFlag.FLAG_UNIT_SUB);
        rim.registerBroker("C", "a:1", "a", 0, "a:2", topics(1, unit, unitSub, both, new TopicConfig("N")), null, null);
        assertThat(rim.getUnitTopics().getTopicList()).containsExactlyInAnyOrder("U", "B");
        assertThat(rim.getHasUnitSubTopicList().getTopicList()).containsExactlyInAnyOrder("US", "B");
        assertThat(rim.getHasUnitSubUnUnitTopicList().getTopicList()).containsExactly("US");
        assertThat(rim.getSystemTopicList().getTopicList()).containsExactlyInAnyOrder("C", "a");
        assertThat(rim.getSystemTopicList().getBrokerAddr()).isEqualTo("a:1");
    }

    /** A topic table whose iteration stops halfway until released: a registration made slow on purpose. */
    static final class StallingTable extends java.util.concurrent.ConcurrentHashMap<String, TopicConfig> {
        final java.util.concurrent.CountDownLatch reachedMiddle = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        @Override
        public java.util.Collection<TopicConfig> values() {
            java.util.Collection<TopicConfig> all = super.values();
            return new java.util.AbstractCollection<>() {
                @Override
                public int size() {
                    return all.size();
                }

                @Override
                public java.util.Iterator<TopicConfig> iterator() {
                    java.util.Iterator<TopicConfig> it = all.iterator();
                    return new java.util.Iterator<>() {
                        int n;

                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public TopicConfig next() {
                            if (n++ == all.size() / 2) {
                                reachedMiddle.countDown();
                                try {
                                    release.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return it.next();
                        }
                    };
                }
            };
        }
    }

    @Test
    void lookupsDoNotWaitForALargeRegistration() throws Exception {
        RouteInfoManager rim = new RouteInfoManager();
        rim.registerBroker("C", "ref:1", "ref", 0, "ref:2", topics(1, new TopicConfig("Ref")), null, null);
        StallingTable table = new StallingTable();
        for (int i = 0; i < 100_000; i++) {
            table.put("Big" + i, new TopicConfig("Big" + i, 4, 4, 6));
        }
        TopicConfigSerializeWrapper wrapper = topics(1);
        wrapper.setTopicConfigTable(table);
        Thread registration = new Thread(() ->
            rim.registerBroker("C", "big:1", "big", 0, "big:2", wrapper, null, null), "registration");
        registration.start();
        try {
            assertThat(table.reachedMiddle.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // The registration is now stuck halfway through its topics. Every read must still answer at once.
            java.util.concurrent.CompletableFuture<Void> reads = java.util.concurrent.CompletableFuture.runAsync(() -> {
                assertThat(rim.pickupTopicRouteData("Ref")).isNotNull();
                assertThat(rim.getAllClusterInfo().getBrokerAddrTable()).containsKeys("ref", "big");
                assertThat(rim.getAllTopicList().getTopicList()).contains("Ref");
                assertThat(rim.getTopicsByCluster("C").getTopicList()).contains("Ref");
                assertThat(rim.queryBrokerTopicConfig("ref:1")).isNotNull();
            });
            reads.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(rim.topicCount()).isBetween(2, 100_000);
        } finally {
            table.release.countDown();
        }
        registration.join(30_000);
        assertThat(rim.topicCount()).isEqualTo(100_001);
        assertThat(rim.pickupTopicRouteData("Big99999").getBrokerDatas().get(0).getBrokerName()).isEqualTo("big");
    }
}
