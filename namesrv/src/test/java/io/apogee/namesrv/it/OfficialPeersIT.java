package io.apogee.namesrv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.alibaba.fastjson.JSON;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/**
 * Acceptance 1–3 of the namesrv issue against unchanged official Apache RocketMQ 4.9.7 peers: an official broker
 * registers to the Apogee name server (and, for comparison, to an official name server); the official client sends
 * and consumes through Apogee's routes; official mqadmin commands give the same answers from both name servers;
 * a broker killed with SIGKILL disappears from Apogee's routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class OfficialPeersIT {
    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private static final String TOPIC = "ApogeeNamesrvIT";
    private static final String BROKER = "broker-a";

    private Path work;
    private int apogeePort;
    private int officialPort;
    private int brokerPort;
    private ChildJvm apogeeNs;
    private ChildJvm officialNs;
    private ChildJvm broker;
    private DefaultMQAdminExt apogeeAdmin;
    private DefaultMQAdminExt officialAdmin;

    @BeforeAll
    void startPeers() throws Exception {
        work = Files.createDirectories(OfficialPeers.moduleDir().resolve("target/it-work"))
            .resolve("OfficialPeersIT-" + System.currentTimeMillis());
        apogeePort = ChildJvm.freePort();
        officialPort = ChildJvm.freePort();
        brokerPort = ChildJvm.freeBrokerPort();
        CompletableFuture<ChildJvm> apogee = CompletableFuture.supplyAsync(() -> uncheck(() ->
            Peers.startApogeeNamesrv(work.resolve("apogee-ns"), apogeePort,
                Map.of("scanNotActiveBrokerInterval", "1000", "brokerChannelExpiredTime", "40000"))));
        CompletableFuture<ChildJvm> official = CompletableFuture.supplyAsync(() -> uncheck(() ->
            OfficialPeers.startNamesrv(work.resolve("official-ns"), officialPort)));
        try {
            apogeeNs = apogee.join();
        } finally {
            officialNs = official.join();
        }
        broker = Peers.startOfficialBroker(work.resolve("broker"), BROKER, brokerPort,
            apogeeAddr() + ";" + officialAddr());
        apogeeAdmin = admin(apogeeAddr());
        officialAdmin = admin(officialAddr());
    }

    @AfterAll
    void stopPeers() {
        for (DefaultMQAdminExt a : new DefaultMQAdminExt[] {apogeeAdmin, officialAdmin}) {
            if (a != null) {
                a.shutdown();
            }
        }
        for (ChildJvm c : new ChildJvm[] {broker, officialNs, apogeeNs}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private String apogeeAddr() {
        return "127.0.0.1:" + apogeePort;
    }

    private String officialAddr() {
        return "127.0.0.1:" + officialPort;
    }

    private String brokerAddr() {
        return "127.0.0.1:" + brokerPort;
    }

    private static DefaultMQAdminExt admin(String namesrv) throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("it-admin-" + namesrv.replace(':', '-') + "-" + System.nanoTime());
        admin.start();
        return admin;
    }

    @Test
    @Order(1)
    void officialBrokerRegistersAndOfficialClientSendsAndConsumes100Messages() throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ClusterInfo ci = apogeeAdmin.examineBrokerClusterInfo();
            assertThat(ci.getBrokerAddrTable()).containsKey(BROKER);
            assertThat(ci.getBrokerAddrTable().get(BROKER).getBrokerAddrs()).containsEntry(0L, brokerAddr());
            assertThat(ci.getClusterAddrTable().get("DefaultCluster")).containsExactly(BROKER);
        });

        // UPDATE_AND_CREATE_TOPIC makes the broker send an incremental REGISTER_BROKER to both name servers.
        apogeeAdmin.createAndUpdateTopicConfig(brokerAddr(), new TopicConfig(TOPIC, 4, 4, 6));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            assertThat(apogeeAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas()).hasSize(1));

        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("apogee_it_cg");
        DefaultMQProducer producer = new DefaultMQProducer("apogee_it_pg");
        try {
            consumer.setNamesrvAddr(apogeeAddr());
            consumer.setInstanceName("it-consumer-" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(TOPIC, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            producer.setNamesrvAddr(apogeeAddr());
            producer.setInstanceName("it-producer-" + System.nanoTime());
            producer.start();
            for (int i = 0; i < 100; i++) {
                SendResult r = producer.send(new Message(TOPIC, "TagA",
                    ("apogee-" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(received).hasSize(100));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    @Order(2)
    void mqadminReadCommandsMatchOfficialNamesrv() throws Exception {
        // Both name servers must have seen the same registrations before they can be compared.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            assertThat(officialAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas()).hasSize(1));

        String[] cluster = both("clusterList");
        assertThat(clusterRows(cluster[0])).isNotEmpty().isEqualTo(clusterRows(cluster[1]));
        assertThat(clusterRows(cluster[0]).get(0)).contains("DefaultCluster", BROKER, brokerAddr(), "V4_9_7");

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String[] topics = both("topicList");
            assertThat(lines(topics[0])).contains(TOPIC, "TBW102", BROKER, "DefaultCluster")
                .isEqualTo(lines(topics[1]));
        });

        String[] route = both("topicRoute", "-t", TOPIC);
        assertThat(JSON.parseObject(jsonPart(route[0]))).isEqualTo(JSON.parseObject(jsonPart(route[1])));
        assertThat(route[0]).contains(brokerAddr());

        String[] missing = both("topicRoute", "-t", "NoSuchTopicIT");
        assertThat(missing[0]).contains("No topic route info in name server for the topic: NoSuchTopicIT");
        assertThat(missing[1]).contains("No topic route info in name server for the topic: NoSuchTopicIT");

        String[] config = both("getNamesrvConfig");
        Map<String, String> ours = configMap(config[0]);
        Map<String, String> theirs = configMap(config[1]);
        assertThat(ours.keySet()).containsAll(theirs.keySet());
        for (String key : List.of("productEnvName", "clusterTest", "orderMessageEnable",
            "serverChannelMaxIdleTimeSeconds")) {
            assertThat(ours.get(key)).as(key).isEqualTo(theirs.get(key));
        }
        assertThat(ours.get("listenPort")).isEqualTo(Integer.toString(apogeePort));
        assertThat(theirs.get("listenPort")).isEqualTo(Integer.toString(officialPort));
    }

    @Test
    @Order(3)
    void mqadminWriteCommandsMatchOfficialNamesrv() throws Exception {
        String[] update = both("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true");
        assertThat(update[0]).contains("success");
        assertThat(update[0]).isEqualTo(update[1]);
        String[] config = both("getNamesrvConfig");
        assertThat(configMap(config[0]).get("orderMessageEnable")).isEqualTo("true");
        assertThat(configMap(config[1]).get("orderMessageEnable")).isEqualTo("true");

        String[] pathKey = both("updateNamesrvConfig", "-k", "kvConfigPath", "-v", work.resolve("evil.json").toString());
        assertThat(pathKey[0]).doesNotContain("success").contains("Can not update config path");
        assertThat(pathKey[1]).doesNotContain("success").contains("Can not update config path");

        String[] put = both("updateKvConfig", "-s", "APOGEE_IT", "-k", "k1", "-v", "v1");
        assertThat(put[0]).contains("success").isEqualTo(put[1]);
        assertThat(apogeeAdmin.getKVConfig("APOGEE_IT", "k1")).isEqualTo("v1");
        assertThat(officialAdmin.getKVConfig("APOGEE_IT", "k1")).isEqualTo("v1");
        assertThat(apogeeAdmin.getKVListByNamespace("APOGEE_IT").getTable())
            .isEqualTo(officialAdmin.getKVListByNamespace("APOGEE_IT").getTable());

        String[] delete = both("deleteKvConfig", "-s", "APOGEE_IT", "-k", "k1");
        assertThat(delete[0]).contains("success").isEqualTo(delete[1]);
        assertThatThrownBy(() -> apogeeAdmin.getKVConfig("APOGEE_IT", "k1")).hasMessageContaining("No config item");
        assertThatThrownBy(() -> officialAdmin.getKVConfig("APOGEE_IT", "k1")).hasMessageContaining("No config item");

        String[] wipe = both("wipeWritePerm", "-b", BROKER);
        assertThat(wipe[0]).contains("wipe write perm of broker[" + BROKER + "]").isEqualTo(wipe[1]);
        // A broker re-registration with a new data version restores the perm on both name servers alike, so
        // compare the two rather than a fixed value.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(apogeeAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas().get(0).getPerm())
                .isEqualTo(officialAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas().get(0).getPerm()));
        String[] add = both("addWritePerm", "-b", BROKER);
        assertThat(add[0]).contains("add write perm of broker[" + BROKER + "]").isEqualTo(add[1]);
        assertThat(apogeeAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas().get(0).getPerm()).isEqualTo(6);
        assertThat(officialAdmin.examineTopicRouteInfo(TOPIC).getQueueDatas().get(0).getPerm()).isEqualTo(6);
    }

    @Test
    @Order(4)
    void killedBrokerDisappearsFromRoutes() throws Exception {
        assertThat(apogeeAdmin.examineTopicRouteInfo(TOPIC).getBrokerDatas()).hasSize(1);
        long start = System.nanoTime();
        broker.kill9();
        await().atMost(Duration.ofSeconds(130)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThatThrownBy(() -> apogeeAdmin.examineTopicRouteInfo(TOPIC))
                .hasMessageContaining("No topic route info");
            assertThat(apogeeAdmin.examineBrokerClusterInfo().getBrokerAddrTable()).isEmpty();
        });
        System.out.printf("broker removed from Apogee routes %d ms after kill -9%n",
            (System.nanoTime() - start) / 1_000_000);
        assertThat(apogeeNs.isAlive()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Runs the same mqadmin command against Apogee [0] and the official name server [1], in parallel. */
    private String[] both(String... command) throws Exception {
        CompletableFuture<String> ours = CompletableFuture.supplyAsync(() -> uncheck(() ->
            normalise(OfficialPeers.mqadmin(work.resolve("mqadmin"), withNamesrv(command, apogeeAddr())), apogeeAddr())));
        CompletableFuture<String> theirs = CompletableFuture.supplyAsync(() -> uncheck(() ->
            normalise(OfficialPeers.mqadmin(work.resolve("mqadmin"), withNamesrv(command, officialAddr())), officialAddr())));
        return new String[] {ours.get(), theirs.get()};
    }

    private static String[] withNamesrv(String[] command, String addr) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("-n");
        args.add(addr);
        return args.toArray(new String[0]);
    }

    private static String normalise(String output, String namesrvAddr) {
        // Drop log lines (timestamps differ run to run); keep what the command itself printed.
        return output.replace(namesrvAddr, "NAMESRV").replace("\r", "").lines()
            .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
            .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    private static List<String> lines(String output) {
        List<String> out = new ArrayList<>(new TreeSet<>(output.lines().map(String::trim)
            .filter(l -> !l.isEmpty()).toList()));
        return out;
    }

    /** Rows of clusterList reduced to the columns that do not change from second to second. */
    private static List<String> clusterRows(String output) {
        List<String> rows = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 5 && !cols[0].startsWith("#")) {
                rows.add(String.join(" ", cols[0], cols[1], cols[2], cols[3], cols[4]));
            }
        }
        return rows;
    }

    private static String jsonPart(String output) {
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        assertThat(start).as("JSON in output:\n" + output).isGreaterThanOrEqualTo(0);
        return output.substring(start, end + 1);
    }

    /** getNamesrvConfig prints {@code key<padding>=  value} per line. */
    private static Map<String, String> configMap(String output) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("=")) {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    static <T> T uncheck(ThrowingSupplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
