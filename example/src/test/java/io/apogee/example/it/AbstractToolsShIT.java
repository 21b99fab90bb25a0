package io.apogee.example.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.SingleBrokerCluster;

/**
 * The tutorial and the example programs run through this checkout's {@code bin/tools.sh} (and
 * {@code bin/mqadmin}, {@code bin/benchmark/*.sh}) under their official class names, against one live name
 * server + broker: Apogee's or the official 4.9.7 ones (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
abstract class AbstractToolsShIT {
    static final Pattern SEND_OK = Pattern.compile(
        "^SendResult \\[sendStatus=SEND_OK, msgId=([0-9A-F,]+), offsetMsgId=[0-9A-F,]+, messageQueue=MessageQueue \\[topic=(\\S+), "
            + "brokerName=broker-a, queueId=(\\d+)\\], queueOffset=(\\d+)\\]$");
    static final Pattern RECEIVED = Pattern.compile("queueId=(\\d+), storeSize=\\d+, queueOffset=(\\d+)");

    SingleBrokerCluster daemons;
    Path home;

    abstract boolean official();

    @BeforeAll
    void startDaemons() throws Exception {
        Path dir = Files.createTempDirectory("tools-sh-it");
        home = Files.createDirectories(dir.resolve("user-home"));
        daemons = SingleBrokerCluster.start(dir.resolve("daemons"), official(), Map.of("mappedFileSizeCommitLog", "8388608",
            "mappedFileSizeConsumeQueue", "60000", "enablePropertyFilter", "true", "transactionCheckInterval", "2000",
            "transactionTimeOut", "1000"), Duration.ZERO);
    }

    @AfterAll
    void stopDaemons() {
        if (daemons != null) {
            daemons.close();
        }
    }

    Script tools(String className, String... args) throws Exception {
        return tools(List.of(), className, args);
    }

    /** {@code bin/tools.sh CLASS args} with NAMESRV_ADDR set; {@code props} go into JAVA_OPT as -D options. */
    Script tools(List<String> props, String className, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = className;
        System.arraycopy(args, 0, all, 1, args.length);
        StringBuilder javaOpt = new StringBuilder("-Duser.home=" + home);
        props.forEach(p -> javaOpt.append(" -D").append(p));
        return Script.start(home, Map.of("NAMESRV_ADDR", daemons.namesrv(), "JAVA_OPT", javaOpt.toString()), "bin/tools.sh", all);
    }

    static List<Matcher> sendOks(Script s) {
        List<Matcher> ok = new ArrayList<>();
        for (String line : s.out()) {
            Matcher m = SEND_OK.matcher(line);
            if (m.matches()) {
                ok.add(m);
            }
        }
        return ok;
    }

    /** "queueId:queueOffset" of every message the consumer printed. */
    static Set<String> received(List<String> lines) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.contains("Receive New Messages: [MessageExt [")) {
                Matcher m = RECEIVED.matcher(line);
                while (m.find()) {
                    keys.add(m.group(1) + ":" + m.group(2));
                }
            }
        }
        return keys;
    }

    /** Acceptance 2: the tutorial verbatim. */
    @Test
    @Order(1)
    void quickstartProducerSends1000AndConsumerPrintsAll1000() throws Exception {
        Set<String> sent = new HashSet<>();
        try (Script producer = tools("org.apache.rocketmq.example.quickstart.Producer")) {
            assertThat(producer.waitFor(Duration.ofSeconds(120))).as(producer.errText()).isZero();
            List<Matcher> ok = sendOks(producer);
            assertThat(ok).as(producer.outText()).hasSize(1000);
            Set<String> msgIds = new HashSet<>();
            for (Matcher m : ok) {
                assertThat(m.group(2)).isEqualTo("TopicTest");
                msgIds.add(m.group(1));
                sent.add(m.group(3) + ":" + m.group(4));
            }
            assertThat(msgIds).hasSize(1000);
            assertThat(sent).hasSize(1000);
        }
        try (Script consumer = tools("org.apache.rocketmq.example.quickstart.Consumer")) {
            consumer.awaitOut(lines -> received(lines).size() >= 1000, Duration.ofSeconds(120), "1000 distinct messages");
            List<String> lines = consumer.out();
            assertThat(lines.get(0)).isEqualTo("Consumer Started.");
            assertThat(lines).filteredOn(l -> l.contains("Receive New Messages"))
                .allMatch(l -> l.matches("^ConsumeMessageThread_\\d+ Receive New Messages: \\[MessageExt \\[brokerName=broker-a, .*\\]\\] $"));
            assertThat(received(lines)).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    /** Acceptance 3 through the shell scripts: exit codes and messages as an operator sees them. */
    @Test
    @Order(2)
    void mqadminBadInputIsExplained() throws Exception {
        try (Script s = Script.start(home, Map.of(), "bin/mqadmin", "clusterList")) {
            assertThat(s.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(s.errText()).contains("No name server address").contains("NAMESRV_ADDR");
        }
        int closed = ChildJvm.freePort();
        long begin = System.nanoTime();
        try (Script s = Script.start(home, Map.of(), "bin/mqadmin", "clusterList", "-n", "127.0.0.1:" + closed)) {
            assertThat(s.waitFor(Duration.ofSeconds(30))).isNotZero();
            assertThat(s.errText()).contains("cannot connect to name server 127.0.0.1:" + closed);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(15));
        try (Script s = Script.start(home, Map.of("NAMESRV_ADDR", daemons.namesrv()), "bin/mqadmin", "topicRoute", "-t", "NoSuchTopicSh")) {
            assertThat(s.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(s.errText()).contains("NoSuchTopicSh");
        }
        try (Script s = Script.start(home, Map.of("NAMESRV_ADDR", daemons.namesrv()), "bin/mqadmin", "consumerConnection", "-g", "NoSuchGroupSh")) {
            assertThat(s.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(s.errText()).contains("NoSuchGroupSh");
        }
        try (Script s = tools("org.apache.rocketmq.example.NoSuchExample")) {
            assertThat(s.waitFor(Duration.ofSeconds(30))).isNotZero();
            assertThat(s.errText()).contains("io.apogee.example.NoSuchExample");
        }
    }

    @Test
    @Order(3)
    void orderedMessagesStayOnTheirQueueAndAreConsumedInQueueOrder() throws Exception {
        Map<Integer, String> queueOfOrder = new HashMap<>();
        try (Script producer = tools(List.of("example.count=30"), "org.apache.rocketmq.example.ordermessage.Producer")) {
            assertThat(producer.waitFor(Duration.ofSeconds(60))).as(producer.errText()).isZero();
            List<Matcher> ok = sendOks(producer);
            assertThat(ok).hasSize(30);
            for (int i = 0; i < ok.size(); i++) {
                String q = ok.get(i).group(3);
                assertThat(queueOfOrder.computeIfAbsent(i % 10, k -> q)).as("queue of order %d", i % 10).isEqualTo(q);
            }
        }
        // TagA/TagC/TagD of the 30 plus the quickstart's 1000 TagA messages in TopicTest
        try (Script consumer = tools("org.apache.rocketmq.example.ordermessage.Consumer")) {
            consumer.awaitOut(lines -> lines.stream().filter(l -> l.contains("KEYS=KEY")).count() >= 18, Duration.ofSeconds(120),
                "the 18 ordered TagA/TagC/TagD messages");
            Map<String, Long> lastOffset = new HashMap<>();
            for (String line : consumer.out()) {
                assertThat(line).doesNotContain("TAGS=TagB").doesNotContain("TAGS=TagE");
                Matcher m = RECEIVED.matcher(line);
                while (m.find()) {
                    long offset = Long.parseLong(m.group(2));
                    Long prev = lastOffset.put(m.group(1), offset);
                    assertThat(prev == null || prev < offset).as("queue %s offset %d after %s", m.group(1), offset, prev).isTrue();
                }
            }
        }
    }

    @Test
    @Order(4)
    void batchAndSimpleProducers() throws Exception {
        try (Script s = tools("org.apache.rocketmq.example.batch.SimpleBatchProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            List<Matcher> ok = sendOks(s);
            assertThat(ok).hasSize(1);
            assertThat(ok.get(0).group(1).split(",")).hasSize(3);
            assertThat(ok.get(0).group(2)).isEqualTo("BatchTest");
        }
        try (Script s = tools(List.of("example.count=2000"), "org.apache.rocketmq.example.batch.SplitBatchProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(sendOks(s).stream().mapToInt(m -> m.group(1).split(",").length).sum()).isEqualTo(2000);
        }
        try (Script s = tools(List.of("example.count=5"), "org.apache.rocketmq.example.simple.AsyncProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(s.out()).as(s.outText()).filteredOn(l -> l.matches("^\\d+ +OK [0-9A-F]+ $")).hasSize(5);
        }
        try (Script s = tools(List.of("example.count=5"), "org.apache.rocketmq.example.simple.OnewayProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(s.outText()).contains("5 messages sent one-way");
        }
    }

    @Test
    @Order(5)
    void tagFilterConsumerOnlySeesItsTags() throws Exception {
        try (Script s = tools(List.of("example.count=6"), "org.apache.rocketmq.example.filter.TagFilterProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(sendOks(s)).hasSize(6).allMatch(m -> m.group(2).equals("TagFilterTest"));
        }
        try (Script c = tools("org.apache.rocketmq.example.filter.TagFilterConsumer")) {
            c.awaitOut(lines -> received(lines).size() >= 4, Duration.ofSeconds(60), "TagA and TagC messages");
            Thread.sleep(1000); // a TagB message would have arrived by now
            assertThat(received(c.out())).hasSize(4);
            assertThat(c.outText()).contains("TAGS=TagA").contains("TAGS=TagC").doesNotContain("TAGS=TagB");
        }
    }

    @Test
    @Order(6)
    void scheduledMessagesArriveLate() throws Exception {
        try (Script s = tools(List.of("example.count=3", "example.delayLevel=3"), "org.apache.rocketmq.example.schedule.ScheduledMessageProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(sendOks(s)).hasSize(3);
        }
        // the alias some guides use for the package
        try (Script c = tools("org.apache.rocketmq.example.scheduled.ScheduledMessageConsumer")) {
            c.awaitOut(lines -> lines.stream().filter(l -> l.startsWith("Receive message[msgId=")).count() >= 3, Duration.ofSeconds(60),
                "3 delayed messages");
            for (String line : c.out()) {
                Matcher m = Pattern.compile("^Receive message\\[msgId=[0-9A-F]+\\] (\\d+)ms later$").matcher(line);
                if (m.matches()) {
                    assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(9000);
                }
            }
        }
    }

    @Test
    @Order(7)
    void broadcastConsumerSeesTopicTest() throws Exception {
        try (Script c = tools("org.apache.rocketmq.example.broadcast.PushConsumer")) {
            c.awaitOut(lines -> received(lines).size() >= 1000, Duration.ofSeconds(120), "the TopicTest messages");
            assertThat(c.out().get(0)).isEqualTo("Broadcast Consumer Started.");
        }
    }

    /** "queueId:queueOffset" of every message in a printed {@code [MessageExt [...], ...]} list. */
    static List<long[]> printed(List<String> lines) {
        List<long[]> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("[MessageExt [")) {
                Matcher m = RECEIVED.matcher(line);
                while (m.find()) {
                    keys.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                }
            }
        }
        return keys;
    }

    @Test
    @Order(8)
    void litePullConsumersSubscribeAndAssign() throws Exception {
        try (Script c = tools("org.apache.rocketmq.example.simple.LitePullConsumerSubscribe")) {
            c.awaitOut(lines -> printed(lines).size() >= 1000, Duration.ofSeconds(90), "the 1000 quickstart messages");
        }
        try (Script c = tools("org.apache.rocketmq.example.simple.LitePullConsumerAssign")) {
            c.awaitOut(lines -> printed(lines).size() >= 200, Duration.ofSeconds(90), "messages of the assigned queues");
            List<long[]> got = printed(c.out());
            // TopicTest has 4 queues: queues 0 and 1 are assigned, queue 0 from offset 10
            assertThat(got).allMatch(k -> k[0] == 0 || k[0] == 1);
            assertThat(got.stream().filter(k -> k[0] == 0).mapToLong(k -> k[1]).min().orElse(-1)).isEqualTo(10);
        }
    }

    /** Whether the broker under test runs transaction check-backs (Apogee's does not wire them yet). */
    abstract boolean brokerHasTransactions();

    /** Whether the broker under test filters by SQL92 (Apogee's does not wire it yet). */
    abstract boolean brokerHasSqlFilter();

    @Test
    @Order(9)
    void transactionProducerCommitsWhatItsChecksSay() throws Exception {
        assumeTrue(brokerHasTransactions(), "the broker does not run transaction check-backs yet");
        try (Script p = tools(List.of("example.count=3"), "org.apache.rocketmq.example.transaction.TransactionProducer")) {
            p.awaitOut(lines -> lines.stream().filter(l -> SEND_OK.matcher(l).matches()).count() >= 3, Duration.ofSeconds(60), "3 half messages");
            // check-backs: #0 unknown then committed, #1 committed, #2 rolled back
            try (Script c = consumeAll("TopicTest1234")) {
                c.awaitOut(lines -> received(lines).size() >= 2, Duration.ofSeconds(90), "the 2 committed messages");
                Thread.sleep(3000);
                assertThat(received(c.out())).hasSize(2);
            }
        }
    }

    @Test
    @Order(10)
    void sqlFilterConsumerOnlySeesMatchingMessages() throws Exception {
        assumeTrue(brokerHasSqlFilter(), "the broker does not filter by SQL92 yet");
        try (Script s = tools("org.apache.rocketmq.example.filter.SqlFilterProducer")) {
            assertThat(s.waitFor(Duration.ofSeconds(60))).as(s.errText()).isZero();
            assertThat(sendOks(s)).hasSize(10);
        }
        // a in 0..3 and tag TagA/TagB: a=0 (TagA), 1 (TagB), 3 (TagA)
        try (Script c = tools("org.apache.rocketmq.example.filter.SqlFilterConsumer")) {
            c.awaitOut(lines -> received(lines).size() >= 3, Duration.ofSeconds(60), "3 matching messages");
            Thread.sleep(1000);
            assertThat(received(c.out())).hasSize(3);
            assertThat(c.outText()).doesNotContain("TAGS=TagC");
        }
    }

    /** A quickstart-style consumer of any topic: the simple PushConsumer prints every message of TopicTest only. */
    Script consumeAll(String topic) throws Exception {
        return tools(List.of("example.topic=" + topic), "org.apache.rocketmq.example.simple.PushConsumer");
    }

    @Test
    @Order(11)
    void benchmarkScriptsPrintTpsEverySecond() throws Exception {
        for (String script : List.of("bin/benchmark/batchproducer.sh", "bin/benchmark/producer.sh")) {
            try (Script s = Script.start(home, Map.of("NAMESRV_ADDR", daemons.namesrv()), script, "-w", "2", "-t", "BenchSh")) {
                s.awaitOut(lines -> lines.stream().anyMatch(l -> l.matches("^Send TPS: [1-9]\\d* Max RT\\(ms\\): \\d+ Average RT\\(ms\\): .*")),
                    Duration.ofSeconds(60), "a TPS line with sends");
            }
        }
    }

    @Test
    @Order(12)
    void transactionBenchmarkPrintsTpsEverySecond() throws Exception {
        assumeTrue(brokerHasTransactions(), "the broker does not run transaction check-backs yet");
        try (Script s = Script.start(home, Map.of("NAMESRV_ADDR", daemons.namesrv()), "bin/benchmark/tproducer.sh", "-w", "2", "-su", "0.5")) {
            s.awaitOut(lines -> lines.stream().anyMatch(l -> l.matches(".*Send TPS: +[1-9]\\d* Max RT\\(ms\\): .*")), Duration.ofSeconds(60),
                "a TPS line with sends");
        }
    }
}
