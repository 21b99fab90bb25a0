package io.apogee.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.namesrv.NamesrvConfig;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.KVTable;
import io.apogee.common.protocol.body.RegisterBrokerBody;
import io.apogee.common.protocol.body.TopicList;
import io.apogee.common.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.apogee.common.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import io.apogee.common.protocol.header.namesrv.PutKVConfigRequestHeader;
import io.apogee.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;

/**
 * The name server in-process on a loopback port, driven over the wire: bad input (acceptance 4), the inactive
 * broker scan, official wire formats (bodies encoded by the official 4.9.7 classes), KV and order-topic config,
 * and the large registration (100,000 topics) with route lookups running alongside.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class NamesrvServingIT {
    @TempDir
    static Path dir;

    private NamesrvController controller;
    private NettyRemotingClient client;
    private String addr;

    private NamesrvController startController(Path home, long scanInterval, long expiry) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(home.resolve("kvConfig.json").toString());
        config.setConfigStorePath(home.resolve("namesrv.properties").toString());
        config.setScanNotActiveBrokerInterval(scanInterval);
        config.setBrokerChannelExpiredTime(expiry);
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(0);
        NamesrvController c = new NamesrvController(config, server);
        c.initialize();
        c.start();
        return c;
    }

    @BeforeAll
    void start() throws Exception {
        controller = startController(dir, 10_000, 120_000);
        addr = "127.0.0.1:" + controller.localListenPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    private RemotingCommand call(int code, CommandCustomHeader header, byte[] body) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return client.invokeSync(addr, request, 10_000);
    }

    private static RegisterBrokerRequestHeader registerHeader(String brokerName, String brokerAddr, long id) {
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader();
        h.setBrokerName(brokerName);
        h.setBrokerAddr(brokerAddr);
        h.setClusterName("ItCluster");
        h.setHaServerAddr(brokerAddr.replace(":10911", ":10912"));
        h.setBrokerId(id);
        return h;
    }

    private static RegisterBrokerBody body(long counter, String... topics) {
        RegisterBrokerBody b = new RegisterBrokerBody();
        DataVersion v = new DataVersion();
        v.getCounter().set(counter);
        b.getTopicConfigSerializeWrapper().setDataVersion(v);
        for (String t : topics) {
            b.getTopicConfigSerializeWrapper().getTopicConfigTable().put(t, new TopicConfig(t, 4, 4, 6));
        }
        return b;
    }

    private TopicRouteData route(String topic) throws Exception {
        GetRouteInfoRequestHeader h = new GetRouteInfoRequestHeader();
        h.setTopic(topic);
        RemotingCommand r = call(RequestCode.GET_ROUTEINFO_BY_TOPIC, h, null);
        return r.getCode() == ResponseCode.SUCCESS ? RemotingSerializable.decode(r.getBody(), TopicRouteData.class) : null;
    }

    @Test
    void badInputGetsErrorResponsesAndTheServerKeepsServing() throws Exception {
        RegisterBrokerRequestHeader compressed = registerHeader("bad-broker", "10.9.9.9:10911", 0);
        compressed.setCompressed(true);
        RemotingCommand r = call(RequestCode.REGISTER_BROKER, compressed, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).contains("Failed to decode RegisterBrokerBody");

        r = call(RequestCode.REGISTER_BROKER, registerHeader("bad-broker", "10.9.9.9:10911", 0),
            "{\"topicConfigSerializeWrapper\":[1,2".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).contains("Failed to decode RegisterBrokerBody");

        RegisterBrokerRequestHeader crc = registerHeader("bad-broker", "10.9.9.9:10911", 0);
        crc.setBodyCrc32(12345);
        r = call(RequestCode.REGISTER_BROKER, crc, body(1, "CrcTopic").encode());
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).isEqualTo("crc32 not match");

        RegisterBrokerRequestHeader missing = registerHeader(null, "10.9.9.9:10911", 0);
        r = call(RequestCode.REGISTER_BROKER, missing, body(1, "X").encode());
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).contains("brokerName");

        r = call(RequestCode.GET_ROUTEINFO_BY_TOPIC, null, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).contains("topic");

        r = call(9999, null, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(r.getRemark()).contains("9999").contains("not supported");
        r = call(RequestCode.SEND_MESSAGE_V2, null, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);

        r = call(RequestCode.QUERY_DATA_VERSION, null, "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);

        r = call(RequestCode.UPDATE_NAMESRV_CONFIG, null, "configStorePath=/tmp/evil\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(r.getRemark()).isEqualTo("Can not update config path");
        r = call(RequestCode.UPDATE_NAMESRV_CONFIG, null, "rocketmqHome=/tmp/evil\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        r = call(RequestCode.UPDATE_NAMESRV_CONFIG, null,
            "scanNotActiveBrokerInterval=soon\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(r.getRemark()).contains("scanNotActiveBrokerInterval");
        assertThat(controller.getNamesrvConfig().getKvConfigPath()).isEqualTo(dir.resolve("kvConfig.json").toString());

        // A frame of garbage closes that connection only.
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", controller.localListenPort()), 3000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0, 0, 0, 12, 0, 0, 0, 100, 'j', 'u', 'n', 'k'});
            out.write(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4});
            out.flush();
            InputStream in = s.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (java.io.IOException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }

        r = call(RequestCode.GET_BROKER_CLUSTER_INFO, null, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.SUCCESS);
        ClusterInfo ci = RemotingSerializable.decode(r.getBody(), ClusterInfo.class);
        assertThat(ci.getBrokerAddrTable()).doesNotContainKey("bad-broker");
    }

    @Test
    void silentBrokerIsDroppedByTheScanAndItsChannelClosed() throws Exception {
        NamesrvController shortExpiry = startController(dir.resolve("scan"), 200, 1500);
        String scanAddr = "127.0.0.1:" + shortExpiry.localListenPort();
        NettyRemotingClient silent = new NettyRemotingClient(new NettyClientConfig());
        silent.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER,
                registerHeader("silent-broker", "10.1.1.1:10911", 0));
            request.setBody(body(1, "SilentTopic").encode());
            assertThat(silent.invokeSync(scanAddr, request, 5000).getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(shortExpiry.getRouteInfoManager().pickupTopicRouteData("SilentTopic")).isNotNull();
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> shortExpiry.getRouteInfoManager().pickupTopicRouteData("SilentTopic") == null);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("silent broker dropped by the scan after %d ms (expiry 1500 ms, scan 200 ms)%n", ms);
            assertThat(ms).isLessThan(5000);
        } finally {
            silent.shutdown();
            shortExpiry.shutdown();
        }
    }

    @Test
    void officialCompressedBodyAndSlaveRegistration() throws Exception {
        org.apache.rocketmq.common.protocol.body.RegisterBrokerBody official =
            new org.apache.rocketmq.common.protocol.body.RegisterBrokerBody();
        official.getTopicConfigSerializeWrapper().getTopicConfigTable().put("OfficialZ",
            new org.apache.rocketmq.common.TopicConfig("OfficialZ", 8, 8, 6));
        official.getTopicConfigSerializeWrapper().getDataVersion().nextVersion();
        byte[] bytes = official.encode(true);
        RegisterBrokerRequestHeader h = registerHeader("z-broker", "10.2.2.2:10911", 0);
        h.setCompressed(true);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        h.setBodyCrc32((int) (crc.getValue() & 0x7FFFFFFF));
        assertThat(call(RequestCode.REGISTER_BROKER, h, bytes).getCode()).isEqualTo(ResponseCode.SUCCESS);

        RemotingCommand slave = call(RequestCode.REGISTER_BROKER, registerHeader("z-broker", "10.2.2.3:10911", 1),
            body(7, "OnlyOnSlave").encode());
        assertThat(slave.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(slave.getExtFields()).containsEntry("masterAddr", "10.2.2.2:10911")
            .containsEntry("haServerAddr", "10.2.2.2:10912");

        // An official client (version 407) gets standard JSON; decode it with the official class.
        GetRouteInfoRequestHeader rh = new GetRouteInfoRequestHeader();
        rh.setTopic("OfficialZ");
        RemotingCommand r = call(RequestCode.GET_ROUTEINFO_BY_TOPIC, rh, null);
        String json = new String(r.getBody(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"brokerAddrs\":{\"0\":\"10.2.2.2:10911\",\"1\":\"10.2.2.3:10911\"}");
        org.apache.rocketmq.common.protocol.route.TopicRouteData officialRoute =
            org.apache.rocketmq.remoting.protocol.RemotingSerializable.decode(r.getBody(),
                org.apache.rocketmq.common.protocol.route.TopicRouteData.class);
        assertThat(officialRoute.getQueueDatas().get(0).getReadQueueNums()).isEqualTo(8);
        assertThat(officialRoute.getBrokerDatas().get(0).getBrokerAddrs()).containsEntry(1L, "10.2.2.3:10911");
        assertThat(route("OnlyOnSlave")).isNull();

        // An old requester (version < 401) gets fastjson's unquoted numeric keys.
        RemotingCommand old = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, rh);
        old.setVersion(300);
        r = client.invokeSync(addr, old, 5000);
        assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).contains("{0:\"10.2.2.2:10911\"");

        RemotingCommand notFound = call(RequestCode.GET_ROUTEINFO_BY_TOPIC, topicHeader("NoSuch"), null);
        assertThat(notFound.getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(notFound.getRemark()).startsWith("No topic route info in name server for the topic: NoSuch");

        QueryDataVersionRequestHeader q = new QueryDataVersionRequestHeader();
        q.setBrokerName("z-broker");
        q.setBrokerAddr("10.2.2.2:10911");
        q.setClusterName("ItCluster");
        q.setBrokerId(0L);
        RemotingCommand same = call(RequestCode.QUERY_DATA_VERSION, q,
            official.getTopicConfigSerializeWrapper().getDataVersion().encode());
        assertThat(same.getExtFields()).containsEntry("changed", "false");
        assertThat(RemotingSerializable.decode(same.getBody(), DataVersion.class).getCounter().get()).isEqualTo(1);
        RemotingCommand changed = call(RequestCode.QUERY_DATA_VERSION, q, new DataVersion().encode());
        assertThat(changed.getExtFields()).containsEntry("changed", "true");

        GetTopicsByClusterRequestHeader byCluster = new GetTopicsByClusterRequestHeader();
        byCluster.setCluster("ItCluster");
        TopicList list = RemotingSerializable.decode(call(RequestCode.GET_TOPICS_BY_CLUSTER, byCluster, null).getBody(),
            TopicList.class);
        assertThat(list.getTopicList()).contains("OfficialZ");
        TopicList sys = RemotingSerializable.decode(call(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, null, null)
            .getBody(), TopicList.class);
        assertThat(sys.getTopicList()).contains("ItCluster", "z-broker");
        for (int code : new int[] {RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, RequestCode.GET_UNIT_TOPIC_LIST,
            RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST}) {
            assertThat(call(code, null, null).getCode()).as("code " + code).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    private static GetRouteInfoRequestHeader topicHeader(String topic) {
        GetRouteInfoRequestHeader h = new GetRouteInfoRequestHeader();
        h.setTopic(topic);
        return h;
    }

    @Test
    void kvConfigAndOrderTopicConf() throws Exception {
        PutKVConfigRequestHeader put = new PutKVConfigRequestHeader();
        put.setNamespace("ORDER_TOPIC_CONFIG");
        put.setKey("OrderedIT");
        put.setValue("o-broker:4");
        assertThat(call(RequestCode.PUT_KV_CONFIG, put, null).getCode()).isEqualTo(ResponseCode.SUCCESS);

        GetKVConfigRequestHeader get = new GetKVConfigRequestHeader();
        get.setNamespace("ORDER_TOPIC_CONFIG");
        get.setKey("OrderedIT");
        RemotingCommand r = call(RequestCode.GET_KV_CONFIG, get, null);
        assertThat(r.getExtFields()).containsEntry("value", "o-broker:4");

        // Brokers learn the order config from the registration response body.
        RemotingCommand reg = call(RequestCode.REGISTER_BROKER, registerHeader("o-broker", "10.3.3.3:10911", 0),
            body(1, "OrderedIT").encode());
        assertThat(RemotingSerializable.decode(reg.getBody(), KVTable.class).getTable())
            .containsEntry("OrderedIT", "o-broker:4");

        assertThat(route("OrderedIT").getOrderTopicConf()).isNull();
        controller.getNamesrvConfig().setOrderMessageEnable(true);
        try {
            assertThat(route("OrderedIT").getOrderTopicConf()).isEqualTo("o-broker:4");
        } finally {
            controller.getNamesrvConfig().setOrderMessageEnable(false);
        }

        RemotingCommand cfg = call(RequestCode.GET_NAMESRV_CONFIG, null, null);
        assertThat(new String(cfg.getBody(), StandardCharsets.UTF_8)).contains("kvConfigPath=").contains("listenPort=");

        get.setKey("Missing");
        r = call(RequestCode.GET_KV_CONFIG, get, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(r.getRemark()).isEqualTo("No config item, Namespace: ORDER_TOPIC_CONFIG Key: Missing");
    }

    @Test
    void hundredThousandTopicsRegisterWhileLookupsStayFast() throws Exception {
        // A reference route that lookups keep asking for while the big registration is in flight.
        call(RequestCode.REGISTER_BROKER, registerHeader("ref-broker", "10.4.4.4:10911", 0), body(1, "RefTopic").encode());
        assertThat(route("RefTopic")).isNotNull();

        int topics = 100_000;
        String[] names = new String[topics];
        for (int i = 0; i < topics; i++) {
            names[i] = "BigTopic-" + i;
        }
        long encodeStart = System.nanoTime();
        byte[] compressed = body(1, names).encode(true);
        System.out.printf("100k-topic body: %d bytes compressed, encoded in %d ms%n", compressed.length,
            (System.nanoTime() - encodeStart) / 1_000_000);
        RegisterBrokerRequestHeader h = registerHeader("big-broker", "10.5.5.5:10911", 0);
        h.setCompressed(true);

        AtomicBoolean registering = new AtomicBoolean(true);
        AtomicLong maxLookupNanos = new AtomicLong();
        AtomicInteger lookups = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                while (registering.get()) {
                    long s = System.nanoTime();
                    try {
                        if (route("RefTopic") == null) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    maxLookupNanos.accumulateAndGet(System.nanoTime() - s, Math::max);
                    lookups.incrementAndGet();
                }
            }, "lookup-" + t);
            readers.add(reader);
        }
        readers.forEach(Thread::start);
        Thread.sleep(100);
        int before = lookups.get();
        long regStart = System.nanoTime();
        RemotingCommand r = call(RequestCode.REGISTER_BROKER, h, compressed);
        long regMs = (System.nanoTime() - regStart) / 1_000_000;
        int during = lookups.get() - before;
        registering.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(r.getCode()).isEqualTo(ResponseCode.SUCCESS);
        System.out.printf("100k-topic registration took %d ms; %d lookups meanwhile, slowest %d ms, %d failed%n",
            regMs, during, maxLookupNanos.get() / 1_000_000, failures.get());
        assertThat(failures.get()).isZero();
        assertThat(during).isPositive();
        assertThat(maxLookupNanos.get() / 1_000_000).isLessThan(1000);

        assertThat(controller.getRouteInfoManager().topicCount()).isGreaterThanOrEqualTo(topics);
        assertThat(route("BigTopic-99999").getBrokerDatas().get(0).getBrokerName()).isEqualTo("big-broker");
        assertThat(route("BigTopic-0").getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(4);

        long listStart = System.nanoTime();
        RemotingCommand all = call(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null, null);
        assertThat(RemotingSerializable.decode(all.getBody(), TopicList.class).getTopicList()).contains("BigTopic-5");
        System.out.printf("topic list of %d topics (%d bytes) in %d ms%n", topics, all.getBody().length,
            (System.nanoTime() - listStart) / 1_000_000);
    }
}
