package io.apogee.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;
import io.apogee.testsupport.Poll;
import io.apogee.testsupport.TempDirs;

/**
 * Acceptance 5 of issue 9: the four shipped files of {@code conf/2m-2s-async/} start a 2-master-2-slave cluster on one
 * host with {@code sh bin/mqbroker -c FILE}, and {@code mqadmin clusterList} (Apogee's {@code bin/mqadmin} and the
 * official 4.9.7 one) lists broker-a and broker-b with BID 0 and 1 in DefaultCluster; each slave copies its master's
 * commit log. A second broker on a port the cluster already uses fails with "Address already in use" naming the port.
 * Before anything starts, the files of every layout in conf/ are checked: the tutorial's keys explained in English and
 * Chinese, and no port or store path shared by two files of one directory.
 *
 * <p>It lives in the distribution module because the reactor builds it last: {@code bin/mqbroker} needs the broker's
 * jars and {@code bin/mqadmin} the tools jars of this checkout. The test copies each shipped file and rewrites only
 * {@code namesrvAddr}, {@code listenPort} (every broker shifted by one common offset into a free range, so
 * listenPort-2 and listenPort+1 keep their relations), the store paths (moved from /tmp/apogee/store into a temp dir)
 * and the commit log file size; every other line stays as shipped. The copies add {@code brokerIP1/brokerIP2=127.0.0.1}
 * because tests talk over loopback only (unset, the broker would register the host's detected address).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoMasterTwoSlaveClusterIT {
    private static final List<String> BROKERS = List.of("broker-a", "broker-a-s", "broker-b", "broker-b-s");
    private static final String SHIPPED_STORE = "/tmp/apogee/store/";
    private static final Set<String> PATH_KEYS = Set.of("storePathRootDir", "storePathCommitLog", "storePathConsumeQueue",
        "storePathIndex", "storeCheckpoint", "abortFile");
    /** The keys of the tutorial's 2m-2s-async files (/work/shared/seed tutorial, section 3.2.6) plus its brokerIP1 note. */
    private static final List<String> TUTORIAL_KEYS = List.of("brokerClusterName", "brokerName", "brokerId", "namesrvAddr",
        "defaultTopicQueueNums", "autoCreateTopicEnable", "autoCreateSubscriptionGroup", "listenPort", "deleteWhen",
        "fileReservedTime", "mapedFileSizeCommitLog", "mapedFileSizeConsumeQueue", "destroyMapedFileIntervalForcibly",
        "redeleteHangedFileInterval", "diskMaxUsedSpaceRatio", "storePathRootDir", "storePathCommitLog",
        "storePathConsumeQueue", "storePathIndex", "storeCheckpoint", "abortFile", "maxMessageSize",
        "flushCommitLogLeastPages", "flushConsumeQueueLeastPages", "flushCommitLogThoroughInterval",
        "flushConsumeQueueThoroughInterval", "brokerRole", "flushDiskType", "checkTransactionMessageEnable",
        "sendMessageThreadPoolNums", "pullMessageThreadPoolNums", "brokerIP1");
    /** The shipped 1 GiB commit log files would be sparse, but a smaller file keeps CI's page cache and disk light. */
    private static final String CI_COMMIT_LOG_SIZE = Integer.toString(16 * 1024 * 1024);
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final String TOPIC = "TwoMasterTwoSlaveTopic";

    private static final List<ChildJvm> CHILDREN = new ArrayList<>();
    private static Path dir;
    private static String nsAddr;
    private static Map<String, Path> copies;
    private static Map<String, Integer> ports;
    private static DefaultMQAdminExt admin;
    private static DefaultMQProducer producer;

    @AfterAll
    static void stopEverything() throws Exception {
        if (producer != null) {
            producer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
        for (int i = CHILDREN.size() - 1; i >= 0; i--) {
            CHILDREN.get(i).close();
        }
        TempDirs.deleteRecursively(dir);
    }

    /** The same checks for every layout in conf/: each directory's files can run side by side on one host. */
    @Test
    @Order(1)
    void shippedFilesOfEachLayoutDescribeBrokersThatFitOnOneHost() throws IOException {
        Map<String, String> async = Map.of("broker-a", "broker-a/0/ASYNC_MASTER", "broker-a-s", "broker-a/1/SLAVE",
            "broker-b", "broker-b/0/ASYNC_MASTER", "broker-b-s", "broker-b/1/SLAVE");
        assertFitOnOneHost("2m-2s-async", async);
        assertFitOnOneHost("2m-2s-sync", async.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().replace("ASYNC_MASTER", "SYNC_MASTER"))));
        assertFitOnOneHost("2m-noslave", Map.of("broker-a", "broker-a/0/ASYNC_MASTER", "broker-b", "broker-b/0/ASYNC_MASTER"));
    }

    /**
     * Every key of the RocketMQ 4.9 tutorial's broker-a/-s files (set or commented out, as there) appears with a
     * comment above it in English and in Chinese.
     */
    private static void assertTutorialKeysExplained(String file, String text) {
        List<String> lines = List.of(text.split("\n"));
        for (String key : TUTORIAL_KEYS) {
            Pattern keyLine = Pattern.compile("^#?" + key + "=.*");
            int at = 0;
            while (at < lines.size() && !keyLine.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertThat(at).as("%s has %s", file, key).isLessThan(lines.size());
            StringBuilder comment = new StringBuilder();
            for (int i = at - 1; i >= 0 && lines.get(i).startsWith("#") && !lines.get(i).matches("^#[A-Za-z0-9]+=.*"); i--) {
                comment.insert(0, lines.get(i) + "\n");
            }
            assertThat(comment.toString()).as("%s: comment above %s", file, key)
                .containsPattern("\\p{IsHan}").containsPattern("(?m)^#[^\\p{IsHan}\\n]*[A-Za-z]{3,}[^\\p{IsHan}\\n]*$");
        }
    }

    /** Roles as brokerName/brokerId/brokerRole per file name; ports and store paths must not overlap. */
    private static void assertFitOnOneHost(String layout, Map<String, String> roles) throws IOException {
        Map<String, Properties> shipped = new LinkedHashMap<>();
        for (String name : roles.keySet()) {
            shipped.put(name, load(OfficialPeers.repoRoot().resolve("conf").resolve(layout).resolve(name + ".properties")));
            assertThat(role(shipped.get(name))).as("%s/%s", layout, name).isEqualTo(roles.get(name));
        }
        try (Stream<Path> files = Files.list(OfficialPeers.repoRoot().resolve("conf").resolve(layout))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("files of %s", layout)
                .containsExactlyInAnyOrderElementsOf(roles.keySet().stream().map(n -> n + ".properties").collect(Collectors.toList()));
        }
        assertThat(shipped.values()).allSatisfy(p -> assertThat(p.getProperty("brokerClusterName")).isEqualTo("DefaultCluster"));
        for (String name : roles.keySet()) {
            assertTutorialKeysExplained(layout + "/" + name,
                Files.readString(OfficialPeers.repoRoot().resolve("conf").resolve(layout).resolve(name + ".properties")));
        }

        // listenPort-2 (the VIP channel) and listenPort+1 (haListenPort) belong to each broker too
        List<Integer> bound = new ArrayList<>();
        for (Properties p : shipped.values()) {
            assertThat(p).as("%s: haListenPort/fastListenPort follow listenPort", layout)
                .doesNotContainKeys("haListenPort", "fastListenPort");
            int listen = Integer.parseInt(p.getProperty("listenPort"));
            bound.addAll(List.of(listen - 2, listen, listen + 1));
        }
        assertThat(bound).as("%s: ports of the brokers", layout).doesNotHaveDuplicates();

        for (String key : PATH_KEYS) {
            List<String> values = shipped.values().stream().map(p -> p.getProperty(key)).collect(Collectors.toList());
            assertThat(values).as("%s: %s", layout, key).doesNotContainNull().doesNotHaveDuplicates();
        }
        for (Map.Entry<String, Properties> e : shipped.entrySet()) {
            String root = e.getValue().getProperty("storePathRootDir");
            assertThat(root).as("%s: store root of %s", layout, e.getKey()).startsWith(SHIPPED_STORE);
            for (String key : PATH_KEYS) {
                assertThat(e.getValue().getProperty(key)).as("%s: %s of %s lies in its own store root", layout, key,
                    e.getKey()).startsWith(root);
            }
            for (Properties other : shipped.values()) {
                if (other != e.getValue()) {
                    assertThat(other.getProperty("storePathRootDir") + "/").as("%s: no store root inside another", layout)
                        .doesNotStartWith(root + "/");
                }
            }
        }
    }

    @Test
    @Order(2)
    void shippedFilesStartAClusterThatMqadminListsWithFourBrokersAndSlavesReplicate() throws Exception {
        startCluster();
        Set<String> expected = new TreeSet<>(List.of(
            "DefaultCluster broker-a 0 " + addr("broker-a"), "DefaultCluster broker-a 1 " + addr("broker-a-s"),
            "DefaultCluster broker-b 0 " + addr("broker-b"), "DefaultCluster broker-b 1 " + addr("broker-b-s")));
        String apogee = runAndWait(dir.resolve("apogee-mqadmin.out"), script("bin/mqadmin", "clusterList", "-n", nsAddr),
            Map.of("JAVA_OPT", "-Duser.home=" + dir));
        assertThat(clusterRows(apogee)).as("Apogee bin/mqadmin clusterList:%n%s", apogee).isEqualTo(expected);
        String official = OfficialPeers.mqadmin(dir.resolve("official-mqadmin"), "clusterList", "-n", nsAddr);
        assertThat(clusterRows(official)).as("official 4.9.7 mqadmin clusterList:%n%s", official).isEqualTo(expected);

        admin = new DefaultMQAdminExt("cluster-it-admin");
        admin.setNamesrvAddr(nsAddr);
        admin.setInstanceName("cluster-it-admin-" + System.nanoTime());
        admin.start();
        for (String master : List.of("broker-a", "broker-b")) {
            admin.createAndUpdateTopicConfig(addr(master), new TopicConfig(TOPIC, 4, 4, 6));
        }
        // the producer caches the first route it sees for 30 s: send once both masters have registered the topic
        assertThat(Poll.until(() -> routedBrokers() == 2, 30_000)).as("brokers in the route of %s", TOPIC).isTrue();
        producer = new DefaultMQProducer("cluster-it-producer");
        producer.setNamesrvAddr(nsAddr);
        producer.setInstanceName("cluster-it-producer-" + System.nanoTime());
        producer.start();
        sendToBothMastersAndAwaitReplicas("first");

        // with the slaves caught up, Apogee's clusterList shows no replication lag on any of the four rows
        String[] lastList = {""};
        assertThat(Poll.until(() -> {
            try {
                lastList[0] = runAndWait(dir.resolve("apogee-mqadmin-lag.out"), script("bin/mqadmin", "clusterList", "-n",
                    nsAddr), Map.of("JAVA_OPT", "-Duser.home=" + dir));
            } catch (Exception e) {
                return false;
            }
            return BROKERS.stream().allMatch(b -> "0".equals(fallBehindColumn(lastList[0], addr(b))));
        }, 30_000)).as("#FallBehind of every row is 0:%n%s", lastList[0]).isTrue();
        assertThat(lastList[0]).contains("#FallBehind");
    }

    /**
     * The same listenPort with another store: a master stops at its haListenPort (the store starts first, and
     * binds listenPort+1), a slave at listenPort. Both exit, and the running cluster is not disturbed.
     * A second broker on a running broker's store is BrokerOfficialClientIT's (Lock failed,MQ already started).
     */
    @Test
    @Order(3)
    void secondBrokerOnATakenListenPortFailsNamingThePortAndLeavesTheClusterWorking() throws Exception {
        assertThat(producer).as("cluster started by the previous test").isNotNull();
        Map<String, String> expectedMessage = Map.of(
            "broker-a", "Address already in use: HA listen port " + (ports.get("broker-a") + 1) + " (haListenPort)",
            "broker-a-s", "Address already in use: port " + ports.get("broker-a-s"));
        for (Map.Entry<String, String> e : expectedMessage.entrySet()) {
            String name = e.getKey();
            Path conf = dir.resolve("clash-" + name + ".properties");
            Files.writeString(conf, Files.readString(copies.get(name)).replace(dir.resolve("store").toString(),
                dir.resolve("clash-store").toString()));
            assertThat(Files.readString(conf)).contains("listenPort=" + ports.get(name)).doesNotContain(dir.resolve("store") + "/");
            Path out = dir.resolve("clash-" + name + ".out");
            ChildJvm second = startBroker(name + "-clash", conf, out);
            assertThat(second.awaitExit(Duration.ofSeconds(90))).as(second.output()).isNotZero();
            assertThat(second.output()).contains(e.getValue());
        }
        assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable().get("broker-a").getBrokerAddrs())
            .containsEntry(0L, addr("broker-a")).containsEntry(1L, addr("broker-a-s"));
        sendToBothMastersAndAwaitReplicas("after-clash");
    }

    private static void sendToBothMastersAndAwaitReplicas(String prefix) throws Exception {
        Map<String, Integer> perMaster = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            SendResult r = sendWhenRouted(new Message(TOPIC, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            perMaster.merge(r.getMessageQueue().getBrokerName(), 1, Integer::sum);
        }
        assertThat(perMaster).as("messages per master").containsOnlyKeys("broker-a", "broker-b");
        for (String master : List.of("broker-a", "broker-b")) {
            long masterMax = commitLogMaxOffset(addr(master));
            assertThat(masterMax).isPositive();
            String slave = addr(master + "-s");
            assertThat(Poll.until(() -> commitLogMaxOffset(slave) == masterMax, 30_000))
                .as("%s-s commitLogMaxOffset %s vs %s's %s", master, commitLogMaxOffset(slave), master, masterMax).isTrue();
        }
    }

    /** The route of a new topic reaches the name server with the masters' next registration. */
    private static SendResult sendWhenRouted(Message msg) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return producer.send(msg);
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(300);
            }
        }
    }

    private static int routedBrokers() {
        try {
            return admin.examineTopicRouteInfo(TOPIC).getBrokerDatas().size();
        } catch (Exception notYetRouted) {
            return 0;
        }
    }

    private static long commitLogMaxOffset(String brokerAddr) {
        try {
            return Long.parseLong(admin.fetchBrokerRuntimeStats(brokerAddr).getTable().get("commitLogMaxOffset"));
        } catch (Exception e) {
            return -1;
        }
    }

    private static void startCluster() throws Exception {
        dir = Files.createTempDirectory("apogee-2m2s-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        int nsPort = freePortRange(0, 0);
        nsAddr = "127.0.0.1:" + nsPort;
        Path nsConf = dir.resolve("namesrv.properties");
        Files.writeString(nsConf, "listenPort=" + nsPort + "\nbindAddress=127.0.0.1\nkvConfigPath="
            + dir.resolve("namesrv/kvConfig.json") + "\n");
        ChildJvm ns = start(script("bin/mqnamesrv", "-c", nsConf.toString()), dir.resolve("namesrv.out"),
            Map.of("JAVA_OPT", "-Duser.home=" + dir + " -Xms64m -Xmx128m -XX:TieredStopAtLevel=1"));
        ns.awaitOutput("The Name Server boot success", BOOT);

        Map<String, Properties> shipped = shipped();
        int lowest = shipped.values().stream().mapToInt(p -> Integer.parseInt(p.getProperty("listenPort"))).min().orElseThrow();
        int highest = shipped.values().stream().mapToInt(p -> Integer.parseInt(p.getProperty("listenPort"))).max().orElseThrow();
        int offset = freePortRange(lowest - 2, highest + 1) - (lowest - 2);
        copies = new LinkedHashMap<>();
        ports = new LinkedHashMap<>();
        Map<String, ChildJvm> brokers = new LinkedHashMap<>();
        for (String name : BROKERS) {
            Path copy = dir.resolve(name + ".properties");
            Files.writeString(copy, rewrite(Files.readString(shippedFile(name), StandardCharsets.UTF_8), offset));
            assertOnlyRewrittenKeysDiffer(shipped.get(name), load(copy));
            copies.put(name, copy);
            ports.put(name, Integer.parseInt(shipped.get(name).getProperty("listenPort")) + offset);
            brokers.put(name, startBroker(name, copy, dir.resolve(name + ".out")));
        }
        for (String name : BROKERS) {
            String brokerName = shipped.get(name).getProperty("brokerName");
            brokers.get(name).awaitOutput("The broker[" + brokerName + ", " + addr(name) + "] boot success", BOOT);
        }
    }

    /** The shipped text with only the keys a second instance on this host must change rewritten, line by line. */
    private static String rewrite(String shippedText, int portOffset) {
        Pattern keyValue = Pattern.compile("^([A-Za-z0-9]+)=(.*)$");
        StringBuilder out = new StringBuilder();
        for (String line : shippedText.split("\n", -1)) {
            Matcher m = keyValue.matcher(line);
            if (!m.matches()) {
                out.append(line).append('\n');
                continue;
            }
            String key = m.group(1);
            String value = m.group(2);
            if (key.equals("namesrvAddr")) {
                value = nsAddr;
            } else if (key.equals("listenPort")) {
                value = Integer.toString(Integer.parseInt(value) + portOffset);
            } else if (PATH_KEYS.contains(key)) {
                value = dir.resolve("store").resolve(value.substring(SHIPPED_STORE.length())).toString();
            } else if (key.equals("mapedFileSizeCommitLog")) {
                value = CI_COMMIT_LOG_SIZE;
            }
            out.append(key).append('=').append(value).append('\n');
        }
        return out.append("brokerIP1=127.0.0.1\nbrokerIP2=127.0.0.1\n").toString();
    }

    private static void assertOnlyRewrittenKeysDiffer(Properties shipped, Properties copy) {
        Set<String> rewritten = new HashSet<>(PATH_KEYS);
        rewritten.addAll(List.of("namesrvAddr", "listenPort", "mapedFileSizeCommitLog"));
        Set<String> added = new HashSet<>(copy.stringPropertyNames());
        added.removeAll(shipped.stringPropertyNames());
        assertThat(added).containsExactlyInAnyOrder("brokerIP1", "brokerIP2");
        for (String key : shipped.stringPropertyNames()) {
            if (!rewritten.contains(key)) {
                assertThat(copy.getProperty(key)).as(key).isEqualTo(shipped.getProperty(key));
            }
        }
    }

    private static ChildJvm startBroker(String name, Path conf, Path out) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home-" + name));
        return start(script("bin/mqbroker", "-c", conf.toString()), out,
            Map.of("JAVA_OPT", "-Duser.home=" + home + " -Xms256m -Xmx256m -XX:TieredStopAtLevel=1"
                + " -Djava.net.preferIPv4Stack=true -XX:MaxDirectMemorySize=256m"));
    }

    /** The last column (#FallBehind) of the clusterList row of {@code addr}. */
    private static String fallBehindColumn(String clusterList, String addr) {
        return clusterList.lines().filter(l -> l.contains(" " + addr + " ")).findFirst()
            .map(l -> l.trim().split("\\s+")).map(cols -> cols[cols.length - 1]).orElse(null);
    }

    /** Rows of a clusterList answer as "cluster brokerName BID addr". */
    private static Set<String> clusterRows(String output) {
        Set<String> rows = new TreeSet<>();
        for (String line : output.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 4 && t[2].matches("\\d+") && t[3].matches("[^:]+:\\d+")) {
                rows.add(String.join(" ", Arrays.asList(t).subList(0, 4)));
            }
        }
        return rows;
    }

    /** {@code sh bin/<script> args...} of this checkout. */
    private static List<String> script(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", OfficialPeers.repoRoot().resolve(script).toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static ChildJvm start(List<String> cmd, Path out, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("JAVA_HOME", System.getProperty("java.home"));
        ChildJvm child = ChildJvm.script(Path.of(cmd.get(1)).getFileName().toString(), cmd, all, dir, out);
        CHILDREN.add(child);
        return child;
    }

    private static String runAndWait(Path out, List<String> cmd, Map<String, String> env) throws Exception {
        ChildJvm p = start(cmd, out, env);
        assertThat(p.awaitExit(Duration.ofSeconds(90))).as("%s:%n%s", cmd, p.output()).isZero();
        return p.output();
    }

    /** A start port s in 20000..59999 such that s + 0 .. s + (to - from) are all free on loopback. */
    private static int freePortRange(int from, int to) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20_000, 60_000 - (to - from));
            boolean free = true;
            for (int p = start; p <= start + (to - from) && free; p++) {
                free = ChildJvm.isFree(p);
            }
            if (free) {
                return start;
            }
        }
        throw new IllegalStateException("no free loopback port range of " + (to - from + 1));
    }

    private static String addr(String name) {
        return "127.0.0.1:" + ports.get(name);
    }

    private static String role(Properties p) {
        return p.getProperty("brokerName") + "/" + p.getProperty("brokerId") + "/" + p.getProperty("brokerRole");
    }

    private static Map<String, Properties> shipped() throws IOException {
        Map<String, Properties> m = new LinkedHashMap<>();
        for (String name : BROKERS) {
            m.put(name, load(shippedFile(name)));
        }
        return m;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return p;
    }

    private static Path shippedFile(String name) {
        return OfficialPeers.repoRoot().resolve("conf/2m-2s-async").resolve(name + ".properties");
    }
}
