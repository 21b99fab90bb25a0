package io.apogee.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.testsupport.SingleBrokerCluster;
import io.apogee.tools.command.MQAdminStartup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same mqadmin scenarios against one live name server + broker: subclasses pick Apogee's or the
 * official 4.9.7 daemons, so both must yield the same facts in Apogee's mqadmin output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractMqadminIT {
    private SingleBrokerCluster daemons;
    private Path dir;
    private String realHome;

    abstract boolean official();

    @BeforeAll
    void startDaemons() throws Exception {
        dir = Files.createTempDirectory("mqadmin-it");
        // commands that write files (consumerStatus) put them under user.home: keep them out of the real one
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(dir.resolve("user-home")).toString());
        daemons = SingleBrokerCluster.start(dir, official(), Map.of("mappedFileSizeCommitLog", "1048576",
            "mappedFileSizeConsumeQueue", "6000"), Duration.ofMillis(1500));
    }

    @AfterAll
    void stopDaemons() {
        if (daemons != null) {
            daemons.close();
        }
        if (realHome != null) {
            System.setProperty("user.home", realHome);
        }
    }

    /** Runs mqadmin in-process with -n appended; returns {exit code, stdout, stderr}. */
    Result admin(String... args) {
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "-n";
        full[args.length + 1] = daemons.namesrv();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = MQAdminStartup.run(full);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.println("mqadmin " + String.join(" ", args) + " -> " + code + "\n" + r.out + r.err);
        return r;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Result(int code, String out, String err) {
    }

    @Test
    @Order(1)
    void clusterListShowsTheBroker() {
        Result r = admin("clusterList");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("#Cluster Name").contains("#InTPS(LOAD)").containsPattern("DefaultCluster +broker-a +0 +" + daemons.broker());
        assertThat(r.err).doesNotContain("Exception");
        Result j = admin("clusterList", "-o", "json");
        assertThat(j.out).contains("\"brokerName\":\"broker-a\"").contains("\"addr\":\"" + daemons.broker() + "\"");
    }

    @Test
    @Order(2)
    void updateTopicThenRouteStatusAndList() {
        Result u = admin("updateTopic", "-c", "DefaultCluster", "-t", "ItTopic", "-r", "3", "-w", "3");
        assertThat(u.code).isZero();
        assertThat(u.out).contains("create topic to " + daemons.broker() + " success.").contains("topicName=ItTopic, readQueueNums=3");
        Result route = admin("topicRoute", "-t", "ItTopic");
        // Apogee's broker registers the new topic with the name server one-way (the official one waits), so the
        // route may lag the "success" by a moment
        for (int i = 0; i < 20 && route.code != 0 && !official(); i++) {
            sleep(100);
            route = admin("topicRoute", "-t", "ItTopic");
        }
        assertThat(route.code).isZero();
        assertThat(route.out).contains("\"brokerName\":\"broker-a\"").contains("\"writeQueueNums\":3");
        Result list = admin("topicRoute", "-t", "ItTopic", "-l");
        assertThat(list.out).containsPattern("DefaultCluster +broker-a +\\{0=" + daemons.broker() + "\\} +3 +3 +6");
        Result status = admin("topicStatus", "-t", "ItTopic");
        assertThat(status.out).contains("#Broker Name").containsPattern("broker-a +2 +0 +0");
        Result topics = admin("topicList");
        assertThat(topics.out).containsPattern("(?m)^ItTopic$");
        Result clusters = admin("topicClusterList", "-t", "ItTopic");
        assertThat(clusters.out.trim()).isEqualTo("DefaultCluster");
    }

    @Test
    @Order(3)
    void sendAndQueryMessages() {
        Result s = admin("sendMessage", "-t", "ItTopic", "-p", "hello it", "-k", "ItKey", "-c", "ItTag");
        assertThat(s.code).isZero();
        assertThat(s.out).contains("#Broker Name").contains("SEND_OK");
        // the index is built asynchronously behind the commit log: give it a moment
        Result byKey = admin("queryMsgByKey", "-t", "ItTopic", "-k", "ItKey");
        for (int i = 0; i < 50 && byKey.out.trim().split("\n").length < 2; i++) {
            sleep(100);
            byKey = admin("queryMsgByKey", "-t", "ItTopic", "-k", "ItKey");
        }
        assertThat(byKey.code).isZero();
        String[] lines = byKey.out.trim().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        String uniq = lines[lines.length - 1].trim().split("\\s+")[0];
        Result byUniq = admin("queryMsgByUniqueKey", "-t", "ItTopic", "-i", uniq);
        assertThat(byUniq.out).contains("Topic:               ItTopic").contains("Tags:                [ItTag]")
            .contains("Keys:                [ItKey]");
        String offsetId = byUniq.out.lines().filter(l -> l.startsWith("OffsetID:")).findFirst().orElseThrow().split("\\s+")[1];
        Result byId = admin("queryMsgById", "-i", offsetId);
        assertThat(byId.code).isZero();
        assertThat(byId.out).contains("Keys:                [ItKey]");
    }

    @Test
    @Order(4)
    void subscriptionGroupsAndOffsets() {
        Result u = admin("updateSubGroup", "-c", "DefaultCluster", "-g", "ItGroup");
        assertThat(u.code).isZero();
        assertThat(u.out).contains("create subscription group to " + daemons.broker() + " success.");
        Result cfg = admin("getConsumerConfig", "-g", "ItGroup");
        assertThat(cfg.out).contains("DefaultCluster:broker-a").containsPattern("groupName +=  ItGroup");
        Result conn = admin("consumerConnection", "-g", "ItGroup");
        assertThat(conn.code).isEqualTo(1);
        assertThat(conn.err).contains("ItGroup");
        Result d = admin("deleteSubGroup", "-c", "DefaultCluster", "-g", "ItGroup");
        assertThat(d.out).contains("delete subscription group [ItGroup] from broker [" + daemons.broker() + "] in cluster [DefaultCluster] success.");
    }

    @Test
    @Order(5)
    void brokerAndNamesrvConfig() {
        Result st = admin("brokerStatus", "-b", daemons.broker());
        assertThat(st.code).isZero();
        assertThat(st.out).containsPattern("(?m)^putTps +: ").containsPattern("(?m)^brokerVersionDesc +: ");
        Result get = admin("getBrokerConfig", "-b", daemons.broker());
        assertThat(get.out).contains("============" + daemons.broker() + "============").containsPattern("brokerName +=  broker-a");
        Result upd = admin("updateBrokerConfig", "-b", daemons.broker(), "-k", "fileReservedTime", "-v", "12");
        assertThat(upd.out).contains("update broker config success, " + daemons.broker());
        assertThat(admin("getBrokerConfig", "-b", daemons.broker()).out).containsPattern("fileReservedTime +=  12");
        Result ns = admin("getNamesrvConfig");
        assertThat(ns.out).contains("============" + daemons.namesrv() + "============").containsPattern("listenPort +=  " + daemons.namesrvPort);
        assertThat(admin("updateKvConfig", "-s", "ItNs", "-k", "k1", "-v", "v1").out).contains("create or update kv config to namespace success.");
        assertThat(admin("updateOrderConf", "-t", "ItTopic", "-m", "put", "-v", "broker-a:3").out).contains("update orderConf success.");
        assertThat(admin("updateOrderConf", "-t", "ItTopic", "-m", "get").out).contains("orderConf=[broker-a:3]");
        assertThat(admin("deleteKvConfig", "-s", "ItNs", "-k", "k1").out).contains("delete kv config from namespace success.");
    }

    @Test
    @Order(6)
    void writePermRoundTrip() {
        Result w = admin("wipeWritePerm", "-b", "broker-a");
        assertThat(w.out).containsPattern("wipe write perm of broker\\[broker-a\\] in name server\\[" + daemons.namesrv() + "\\] OK, \\d+");
        Result a = admin("addWritePerm", "-b", "broker-a");
        assertThat(a.out).containsPattern("add write perm of broker\\[broker-a\\] in name server\\[" + daemons.namesrv() + "\\] OK, \\d+");
    }

    @Test
    @Order(7)
    void unknownTopicAndGroupAreClear() {
        Result t = admin("topicRoute", "-t", "NoSuchTopicXyz");
        assertThat(t.code).isEqualTo(1);
        assertThat(t.err).contains("NoSuchTopicXyz");
        Result g = admin("consumerProgress", "-g", "NoSuchGroupXyz");
        assertThat(g.code).isEqualTo(1);
        assertThat(g.err).contains("NoSuchGroupXyz");
    }

    /** An online producer and push consumer (Apogee's client, in this JVM) for the connection/status commands. */
    @Test
    @Order(8)
    void onlineClientsAreListed() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ItProducerGroup");
        producer.setNamesrvAddr(daemons.namesrv());
        producer.setInstanceName("it-producer");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ItOnlineGroup");
        consumer.setNamesrvAddr(daemons.namesrv());
        consumer.setInstanceName("it-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("ItTopic", "ItTag || OtherTag");
        CountDownLatch consumed = new CountDownLatch(1);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            consumed.countDown();
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            producer.start();
            assertThat(producer.send(new Message("ItTopic", "ItTag", "online".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
            consumer.start();
            assertThat(consumed.await(30, TimeUnit.SECONDS)).as("the consumer got a message").isTrue();
            String consumerId = consumer.buildMQClientId();
            String producerId = producer.buildMQClientId();

            Result conn = admin("consumerConnection", "-g", "ItOnlineGroup");
            assertThat(conn.code).isZero();
            assertThat(conn.out).contains("#ClientId").contains("#ClientAddr").containsPattern("(?m)^" + Pattern.quote(consumerId) + " +127\\.0\\.0\\.1:\\d+ +JAVA +V4_9_")
                .containsPattern("(?m)^ItTopic +ItTag \\|\\| OtherTag$").contains("ConsumeType: CONSUME_PASSIVELY")
                .contains("MessageModel: CLUSTERING").contains("ConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET");

            Result status = admin("consumerStatus", "-g", "ItOnlineGroup");
            assertThat(status.code).as(status.err).isZero();
            assertThat(status.out).contains("#ConsumerRunningInfoFile").contains(consumerId).contains("Same subscription in the same group of consumer")
                .contains(dir.resolve("user-home/logs/rocketmqlogs/consumerStatus/ItOnlineGroup").toString());
            Result one = admin("consumerStatus", "-g", "ItOnlineGroup", "-i", consumerId);
            assertThat(one.code).as(one.err).isZero();
            assertThat(one.out).contains("\"subscriptionSet\"").contains("ItTopic").contains("\"mqTable\"");

            // rows appear once the client has committed an offset (every 5 s)
            Result progress = admin("consumerProgress", "-g", "ItOnlineGroup");
            for (int i = 0; i < 75 && !progress.out.contains("ItTopic"); i++) {
                sleep(200);
                progress = admin("consumerProgress", "-g", "ItOnlineGroup");
            }
            assertThat(progress.code).isZero();
            assertThat(progress.out).contains("#Topic").containsPattern("ItTopic +broker-a +\\d");

            // the producer's heartbeat registers it under its group
            Result prod = admin("producerConnection", "-g", "ItProducerGroup", "-t", "ItTopic");
            for (int i = 0; i < 30 && !prod.out.contains(producerId); i++) {
                sleep(200);
                prod = admin("producerConnection", "-g", "ItProducerGroup", "-t", "ItTopic");
            }
            assertThat(prod.code).as(prod.err).isZero();
            assertThat(prod.out).containsPattern("(?m)^0001 +" + Pattern.quote(producerId) + " +127\\.0\\.0\\.1:\\d+ +JAVA +V4_9_");
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    @Order(9)
    void printMsgShowsEveryMessageOfTheTopic() {
        Result r = admin("printMsg", "-t", "ItTopic", "-d", "true");
        assertThat(r.code).as(r.err).isZero();
        for (int q = 0; q < 3; q++) {
            assertThat(r.out).containsPattern("minOffset=\\d+, maxOffset=\\d+, MessageQueue \\[topic=ItTopic, brokerName=broker-a, queueId=" + q + "\\]")
                .containsPattern("MessageQueue \\[topic=ItTopic, brokerName=broker-a, queueId=" + q + "\\] print msg finished. status=FOUND, offset=-?\\d+");
        }
        assertThat(r.out).contains("BODY: hello it").contains("BODY: online");
        assertThat(r.out.lines().filter(l -> l.matches("^MSGID: [0-9A-F]+ .*")).count()).isEqualTo(2);
    }

    @Test
    @Order(10)
    void sendRtCommands() {
        Result rt = admin("checkMsgSendRT", "-t", "ItTopic", "-a", "6", "-s", "64");
        assertThat(rt.code).as(rt.err).isZero();
        assertThat(rt.out).contains("#Broker Name").contains("#QID").contains("#Send Result").containsPattern("Avg RT: \\d+\\.\\d\\d");
        assertThat(rt.out.lines().filter(l -> l.matches("^broker-a +[0-2] +true +\\d+$")).count()).isEqualTo(6);

        Result cluster = admin("clusterRT", "-a", "5", "-c", "DefaultCluster");
        assertThat(cluster.code).as(cluster.err).isZero();
        assertThat(cluster.out).contains("#Cluster Name").contains("#successCount").containsPattern("(?m)^DefaultCluster +broker-a +\\d+\\.\\d\\d +5 +0 *$");
        Result noCluster = admin("clusterRT", "-a", "1", "-c", "NoSuchClusterXyz");
        assertThat(noCluster.code).isEqualTo(1);
        assertThat(noCluster.err).contains("NoSuchClusterXyz");

        Result status = admin("sendMsgStatus", "-b", "broker-a", "-c", "3");
        assertThat(status.code).as(status.err).isZero();
        assertThat(status.out.lines().filter(l -> l.matches("^rt=\\d+ms, SendResult=SendResult \\[sendStatus=SEND_OK, .*topic=broker-a, brokerName=broker-a, .*")).count())
            .isEqualTo(3);
    }

    @Test
    @Order(20)
    void deleteTopic() {
        Result d = admin("deleteTopic", "-c", "DefaultCluster", "-t", "ItTopic");
        assertThat(d.code).isZero();
        assertThat(d.out).contains("delete topic [ItTopic] from cluster [DefaultCluster] success.")
            .contains("delete topic [ItTopic] from NameServer success.");
        assertThat(admin("topicList").out).doesNotContainPattern("(?m)^ItTopic$");
    }
}
