package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.command.MQAdminStartup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.apogee.common.BrokerConfig;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.config.MessageStoreConfig;
import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/**
 * The official 4.9.7 mqadmin against an Apogee broker and against an official 4.9.7 broker, each behind its own
 * Apogee name server and driven by the same workload (same cluster, broker, topic and group names), so that the
 * meaningful facts of every command's output can be compared side by side. mqadmin runs in this JVM (its
 * {@code MQAdminStartup.main0}), its standard output captured, which saves a JVM start per command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerAdminCompareIT {
    private static final String TOPIC = "AdminTopic";
    private static final String GROUP = "AdminGroup";
    private static final String PRODUCER_GROUP = "AdminProducerGroup";
    /** getBrokerConfig values that differ between the two sides by set-up, not by behaviour. */
    private static final Set<String> SIDE_SPECIFIC_CONFIG = Set.of("listenPort", "haListenPort", "storePathRootDir",
        "storePathCommitLog", "namesrvAddr", "rocketmqHome", "useEpollNativeSelector");
    private static Path dir;
    private static final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());
    private static Side apogee;
    private static Side official;

    /** One name server + broker + the same clients. */
    static final class Side {
        final String name;
        final String nsAddr;
        final String brokerAddr;
        final List<SendResult> sent = new ArrayList<>();
        final Set<String> consumed = ConcurrentHashMap.newKeySet();
        DefaultMQProducer producer;
        DefaultMQPushConsumer consumer;

        Side(String name, String nsAddr, String brokerAddr) {
            this.name = name;
            this.nsAddr = nsAddr;
            this.brokerAddr = brokerAddr;
        }

        /** Runs mqadmin against this side; addresses and client ids are normalised away. */
        String admin(String... args) {
            List<String> full = new ArrayList<>(Arrays.asList(args));
            full.add("-n");
            full.add(nsAddr);
            String out = runAdmin(full.toArray(new String[0]));
            out = out.replace(brokerAddr, "BROKER_ADDR").replace(nsAddr, "NS_ADDR");
            return out;
        }
    }

    @BeforeAll
    static void startBothSides() throws Exception {
        dir = Files.createTempDirectory("apogee-broker-admin-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        System.setProperty("rocketmq.home.dir", OfficialPeers.officialHome(dir.resolve("tools-home")).toString());
        Map<String, String> conf = Map.of("brokerClusterName", "AdminCluster");

        int ns1 = ChildJvm.freePort();
        cleanup.add(Daemons.startApogeeNamesrv(dir.resolve("ns-apogee"), ns1));
        int bp1 = ChildJvm.freeBrokerPort();
        Path c1 = Daemons.brokerConf(dir.resolve("broker-apogee"), "broker-a", bp1, "127.0.0.1:" + ns1, conf);
        cleanup.add(Daemons.startBrokerScript(dir.resolve("broker-apogee"), c1, "boot success"));
        apogee = new Side("apogee", "127.0.0.1:" + ns1, "127.0.0.1:" + bp1);

        int ns2 = ChildJvm.freePort();
        cleanup.add(Daemons.startApogeeNamesrv(dir.resolve("ns-official"), ns2));
        int bp2 = ChildJvm.freeBrokerPort();
        cleanup.add(OfficialPeers.startBroker(dir.resolve("broker-official"), "broker-a", bp2, "127.0.0.1:" + ns2, conf));
        official = new Side("official", "127.0.0.1:" + ns2, "127.0.0.1:" + bp2);
        Collections.reverse(cleanup);
    }

    @AfterAll
    static void stopAll() {
        for (Side s : new Side[] {apogee, official}) {
            if (s != null && s.consumer != null) {
                s.consumer.shutdown();
            }
            if (s != null && s.producer != null) {
                s.producer.shutdown();
            }
        }
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static synchronized String runAdmin(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            MQAdminStartup.main0(args, null);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        old.println("mqadmin " + String.join(" ", args) + "\n" + out);
        return out;
    }

    /** Runs the same command on both sides and returns {apogee, official}. */
    private static String[] both(String... args) {
        return new String[] {apogee.admin(args), official.admin(args)};
    }

    /** Rows of a table-like output, each row split on whitespace, with the given columns only. */
    private static List<String> rows(String out, Function<String, Boolean> keep, int... cols) {
        List<String> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!keep.apply(line)) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            StringBuilder sb = new StringBuilder();
            for (int c : cols) {
                sb.append(c < f.length ? f[c] : "?").append(' ');
            }
            result.add(sb.toString().trim());
        }
        Collections.sort(result);
        return result;
    }

    @Test
    @Order(1)
    void updateTopicThenSameWorkloadOnBothSides() throws Exception {
        String[] out = both("updateTopic", "-c", "AdminCluster", "-t", TOPIC, "-r", "4", "-w", "4");
        assertThat(out[0]).contains("create topic to BROKER_ADDR success.").isEqualTo(out[1]);
        for (Side s : new Side[] {apogee, official}) {
            s.producer = new DefaultMQProducer(PRODUCER_GROUP);
            s.producer.setNamesrvAddr(s.nsAddr);
            s.producer.setInstanceName("admin-producer-" + s.name);
            s.producer.start();
            for (int i = 0; i < 10; i++) {
                Message m = new Message(TOPIC, "TagA", "k" + i, ("admin body " + i).getBytes(StandardCharsets.UTF_8));
                SendResult r = s.producer.send(m, s.producer.fetchPublishMessageQueues(TOPIC).get(i % 4));
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                s.sent.add(r);
            }
            s.consumer = new DefaultMQPushConsumer(GROUP);
            s.consumer.setNamesrvAddr(s.nsAddr);
            s.consumer.setInstanceName("admin-consumer-" + s.name);
            s.consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            s.consumer.subscribe(TOPIC, "TagA || TagB");
            s.consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> s.consumed.add(m.getKeys()));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            s.consumer.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> apogee.consumed.size() == 10 && official.consumed.size() == 10);
        // offsets reach the brokers with the consumers' next 5 s commit
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String[] p = both("consumerProgress", "-g", GROUP);
            return p[0].contains("Diff Total: 0") && p[1].contains("Diff Total: 0");
        });
    }

    @Test
    @Order(2)
    void clusterListTopicListTopicRouteTopicStatus() {
        String[] cl = both("clusterList");
        // cluster, broker, BID, address, version
        assertThat(rows(cl[0], l -> l.startsWith("AdminCluster"), 0, 1, 2, 3, 4))
            .containsExactly("AdminCluster broker-a 0 BROKER_ADDR V4_9_7")
            .isEqualTo(rows(cl[1], l -> l.startsWith("AdminCluster"), 0, 1, 2, 3, 4));

        String[] tl = both("topicList");
        Set<String> apogeeTopics = new TreeSet<>(Arrays.asList(tl[0].trim().split("\\s+")));
        Set<String> officialTopics = new TreeSet<>(Arrays.asList(tl[1].trim().split("\\s+")));
        assertThat(apogeeTopics).contains(TOPIC, "%RETRY%" + GROUP).isEqualTo(officialTopics);

        String[] route = both("topicRoute", "-t", TOPIC);
        assertThat(route[0]).contains("\"brokerName\":\"broker-a\"").isEqualTo(route[1]);

        String[] status = both("topicStatus", "-t", TOPIC);
        // broker, queue, min offset, max offset per queue
        Function<String, Boolean> queueRow = l -> l.startsWith("broker-a");
        assertThat(rows(status[0], queueRow, 0, 1, 2, 3)).hasSize(4).isEqualTo(rows(status[1], queueRow, 0, 1, 2, 3));
    }

    @Test
    @Order(3)
    void consumerProgressConnectionsAndBrokerConsumeStats() {
        Function<String, Boolean> topicRow = l -> l.startsWith(TOPIC);
        String[] progress = both("consumerProgress", "-g", GROUP);
        // topic, broker, queue, broker offset, consumer offset, diff
        assertThat(rows(progress[0], topicRow, 0, 1, 2, 3, 4, 5)).hasSize(4)
            .isEqualTo(rows(progress[1], topicRow, 0, 1, 2, 3, 4, 5));
        assertThat(progress[0]).contains("Diff Total: 0");

        String[] conn = both("consumerConnection", "-g", GROUP);
        for (String fact : new String[] {"Below is subscription:", TOPIC, "TagA || TagB", "ConsumeType: CONSUME_PASSIVELY",
            "MessageModel: CLUSTERING", "ConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET"}) {
            assertThat(conn[0]).contains(fact);
            assertThat(conn[1]).contains(fact);
        }
        assertThat(rows(conn[0], l -> l.startsWith("001"), 2, 4)).isEqualTo(rows(conn[1], l -> l.startsWith("001"), 2, 4));

        // GET_ALL_PRODUCER_INFO: group, language and version of every producer instance
        String[] producers = bothWithAddr("producer", "-b", "B");
        assertThat(producerFacts(producers[0])).contains(PRODUCER_GROUP + " JAVA remoteIP=/IP:PORT").isEqualTo(producerFacts(producers[1]));

        String[] prod = both("producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC);
        assertThat(rows(prod[0], l -> l.startsWith("0001"), 3, 4)).hasSize(1).isEqualTo(rows(prod[1], l -> l.startsWith("0001"), 3, 4));
    }

    @Test
    @Order(4)
    void brokerStatusAndBrokerConfig() {
        String[] status = bothWithAddr("brokerStatus", "-b", "B");
        Map<String, String> a = table(status[0]);
        Map<String, String> o = table(status[1]);
        Set<String> missing = new TreeSet<>(o.keySet());
        missing.removeAll(a.keySet());
        assertThat(missing).as("official brokerStatus keys Apogee lacks").isEmpty();
        Set<String> extra = new TreeSet<>(a.keySet());
        extra.removeAll(o.keySet());
        // Apogee's replication figures (RocketMQ 4.9 only logs them)
        assertThat(extra).as("brokerStatus keys only Apogee shows")
            .isSubsetOf("slaveFallBehindMuch", "haConnectionCount", "haMasterAddress", "haMasterConnected");
        for (String k : new String[] {"putLatency99", "putLatency999"}) {
            assertThat(a.get(k)).as(k).matches("[0-9]+\\.[0-9]{2}");
            assertThat(o.get(k)).as(k).matches("[0-9]+\\.[0-9]{2}");
        }
        for (String k : new String[] {"brokerVersionDesc", "brokerVersion", "msgPutTotalTodayNow", "msgGetTotalTodayNow",
            "putMessageTimesTotal", "putMessageSizeTotal", "commitLogMinOffset", "commitLogMaxOffset", "putMessageFailedTimes",
            "sendThreadPoolQueueCapacity", "pullThreadPoolQueueCapacity", "queryThreadPoolQueueCapacity",
            "remainTransientStoreBufferNumbs", "startAcceptSendRequestTimeStamp",
            "dispatchBehindBytes"}) {
            assertThat(a.get(k)).as(k).isEqualTo(o.get(k));
        }
        assertThat(a.get("remainHowManyDataToFlush")).matches("[0-9.]+ (B|[KMGTPE]iB)");
        assertThat(a.get("commitLogDirCapacity")).matches("Total : [0-9.]+ [KMGTPE]iB, Free : [0-9.]+ [KMGTPE]iB\\.");

        String[] cfg = bothWithAddr("getBrokerConfig", "-b", "B");
        Map<String, String> ca = table(cfg[0]);
        Map<String, String> co = table(cfg[1]);
        Set<String> cfgMissing = new TreeSet<>(co.keySet());
        cfgMissing.removeAll(ca.keySet());
        // keys are field names (isEnableBatchPush, not the settable enableBatchPush), unset values are left out
        assertThat(cfgMissing).as("official getBrokerConfig keys Apogee lacks").isEmpty();
        assertThat(ca).containsKey("isEnableBatchPush").doesNotContainKey("enableBatchPush");
        Set<String> cfgExtra = new TreeSet<>(ca.keySet());
        cfgExtra.removeAll(co.keySet());
        assertThat(cfgExtra).as("getBrokerConfig keys only Apogee shows: its own settings, nothing internal")
            .isSubsetOf(PropertiesBinder.knownKeys(new BrokerConfig(), new NettyServerConfig(), new NettyClientConfig(),
                new MessageStoreConfig()));
        Map<String, String> differentValues = new TreeMap<>();
        for (String k : co.keySet()) {
            if (!co.get(k).equals(ca.get(k))) {
                differentValues.put(k, ca.get(k) + " (official: " + co.get(k) + ")");
            }
        }
        // per-side paths and ports; useEpollNativeSelector is Apogee's one different default (docs/configuration.md)
        assertThat(differentValues.keySet()).as("values differing: %s", differentValues)
            .isSubsetOf(SIDE_SPECIFIC_CONFIG);

        String[] upd = bothWithAddr("updateBrokerConfig", "-b", "B", "-k", "flushConsumerOffsetInterval", "-v", "6000");
        assertThat(upd[0]).contains("update broker config success, BROKER_ADDR").isEqualTo(upd[1]);
        // the settable key, as in broker.conf, changes the value shown under the field name
        upd = bothWithAddr("updateBrokerConfig", "-b", "B", "-k", "enableBatchPush", "-v", "true");
        assertThat(upd[0]).contains("update broker config success, BROKER_ADDR").isEqualTo(upd[1]);
        cfg = bothWithAddr("getBrokerConfig", "-b", "B");
        ca = table(cfg[0]);
        co = table(cfg[1]);
        assertThat(ca.get("flushConsumerOffsetInterval")).isEqualTo("6000").isEqualTo(co.get("flushConsumerOffsetInterval"));
        assertThat(ca.get("isEnableBatchPush")).isEqualTo("true").isEqualTo(co.get("isEnableBatchPush"));
        assertThat(ca).doesNotContainKey("enableBatchPush");
        assertThat(co).doesNotContainKey("enableBatchPush");
    }

    @Test
    @Order(5)
    void queryMessagesByIdKeyAndOffset() {
        String a = apogee.admin("queryMsgById", "-i", apogee.sent.get(2).getOffsetMsgId());
        String o = official.admin("queryMsgById", "-i", official.sent.get(2).getOffsetMsgId());
        assertThat(messageFacts(a)).contains("Keys: [k2]", "Queue Offset: 0").isEqualTo(messageFacts(o));

        String[] byKey = both("queryMsgByKey", "-t", TOPIC, "-k", "k3");
        // message id, queue, offset: the id differs, queue and offset do not
        assertThat(rows(byKey[0], l -> l.matches("^[0-9A-F]{32}.*"), 1, 2)).containsExactly("3 0")
            .isEqualTo(rows(byKey[1], l -> l.matches("^[0-9A-F]{32}.*"), 1, 2));

        String[] byOffset = both("queryMsgByOffset", "-t", TOPIC, "-b", "broker-a", "-i", "1", "-o", "0");
        assertThat(messageFacts(byOffset[0])).contains("Keys: [k1]", "CommitLog Offset: " + commitLogOffsetOf(byOffset[1]))
            .isEqualTo(messageFacts(byOffset[1]));
    }

    @Test
    @Order(6)
    void statsResetAndConsumeStats() throws Exception {
        String[] stats = both("statsAll");
        assertThat(rows(stats[0], l -> l.startsWith(TOPIC), 0, 1, 2, 5, 6)).containsExactly(TOPIC + " " + GROUP + " 0 10 10")
            .isEqualTo(rows(stats[1], l -> l.startsWith(TOPIC), 0, 1, 2, 5, 6));
        assertThat(rows(stats[0], l -> !l.startsWith("#") && !l.isBlank(), 0))
            .isEqualTo(rows(stats[1], l -> !l.startsWith("#") && !l.isBlank(), 0));

        // this one runs as its own mqadmin JVM: in this JVM the official client failed to connect for it
        String[] bcs = new String[2];
        Side[] sides = {apogee, official};
        for (int i = 0; i < 2; i++) {
            bcs[i] = OfficialPeers.mqadmin(dir.resolve("mqadmin-" + sides[i].name), "brokerConsumeStats", "-b", sides[i].brokerAddr,
                "-n", sides[i].nsAddr);
        }
        // topic, group, broker, queue, broker offset, consumer offset, diff
        assertThat(rows(bcs[0], l -> l.startsWith(TOPIC), 0, 1, 2, 3, 4, 5, 6)).hasSize(4)
            .isEqualTo(rows(bcs[1], l -> l.startsWith(TOPIC), 0, 1, 2, 3, 4, 5, 6));

        String[] reset = both("resetOffsetByTime", "-g", GROUP, "-t", TOPIC, "-s", "0");
        assertThat(rows(reset[0], l -> l.startsWith("broker-a"), 0, 1, 2)).hasSize(4)
            .isEqualTo(rows(reset[1], l -> l.startsWith("broker-a"), 0, 1, 2));
        assertThat(reset[0]).startsWith("rollback consumer offset by specified group[AdminGroup]");

        String[] clean = both("cleanExpiredCQ", "-c", "AdminCluster");
        assertThat(clean[0].trim()).isEqualTo("success").isEqualTo(clean[1].trim());
    }

    @Test
    @Order(7)
    void subscriptionGroupAndTopicLifecycle() {
        String[] upd = both("updateSubGroup", "-c", "AdminCluster", "-g", "SubGroupX");
        assertThat(upd[0]).contains("create subscription group to BROKER_ADDR success.").isEqualTo(upd[1]);
        String[] del = both("deleteSubGroup", "-c", "AdminCluster", "-g", "SubGroupX");
        assertThat(del[0]).contains("delete subscription group [SubGroupX]").isEqualTo(del[1]);
        String[] delTopic = both("deleteTopic", "-c", "AdminCluster", "-t", TOPIC);
        assertThat(delTopic[0]).contains("delete topic [AdminTopic] from cluster [AdminCluster] success.").isEqualTo(delTopic[1]);
        String[] tl = both("topicList");
        Set<String> apogeeTopics = new TreeSet<>(Arrays.asList(tl[0].trim().split("\\s+")));
        assertThat(apogeeTopics).doesNotContain(TOPIC, "%RETRY%SubGroupX")
            .isEqualTo(new TreeSet<>(Arrays.asList(tl[1].trim().split("\\s+"))));
    }

    private static List<String> producerFacts(String out) {
        List<String> facts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("producer group \\((.*?)\\) instance : .*?remoteIP=(/?)[0-9.]+:[0-9]+, language=(\\w+)").matcher(out);
        while (m.find()) {
            facts.add(m.group(1) + " " + m.group(3) + " remoteIP=" + m.group(2) + "IP:PORT");
        }
        Collections.sort(facts);
        return facts;
    }

    private static String[] bothWithAddr(String... cmd) {
        return new String[] {apogee.admin(withAddr(cmd, apogee)), official.admin(withAddr(cmd, official))};
    }

    /** "key : value" / "key = value" lines as a map, path-specific key suffixes dropped. */
    private static Map<String, String> table(String out) {
        Map<String, String> t = new java.util.TreeMap<>();
        for (String line : out.split("\n")) {
            int i = line.indexOf(" : ");
            int j = line.indexOf(" = ");
            int k = i >= 0 && (j < 0 || i < j) ? i : j;
            if (k <= 0 || line.startsWith("=")) {
                continue;
            }
            String key = line.substring(0, k).trim();
            if (key.contains("_/")) {
                key = key.substring(0, key.indexOf("_/") + 1);
            }
            t.put(key, line.substring(k + 3).trim());
        }
        return t;
    }

    /** The fields of a message view that do not depend on time, host or generated ids. */
    private static List<String> messageFacts(String out) {
        List<String> facts = new ArrayList<>();
        for (String line : out.split("\n")) {
            String l = line.trim().replaceAll("\\s+", " ");
            if (l.startsWith("Topic:") || l.startsWith("Tags:") || l.startsWith("Keys:") || l.startsWith("Queue ID:")
                || l.startsWith("Queue Offset:") || l.startsWith("CommitLog Offset:") || l.startsWith("Reconsume Times:")
                || l.startsWith("System Flag:") || l.startsWith("MessageTrack")) {
                facts.add(l);
            }
            if (l.startsWith("Properties:")) {
                facts.add(l.replaceAll("UNIQ_KEY=[0-9A-F]+", "UNIQ_KEY=ID"));
            }
        }
        return facts;
    }

    private static String commitLogOffsetOf(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("CommitLog Offset:"))
            .map(l -> l.substring("CommitLog Offset:".length()).trim()).findFirst().orElse("?");
    }

    private static String[] withAddr(String[] cmd, Side s) {
        String[] c = cmd.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i].equals("B")) {
                c[i] = s.brokerAddr;
            }
        }
        return c;
    }
}
