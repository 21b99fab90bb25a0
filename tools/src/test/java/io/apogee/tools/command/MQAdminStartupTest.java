package io.apogee.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MQAdminStartupTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryOfficialCommandWithItsDescription() {
        assertThat(MQAdminStartup.run(new String[0])).isZero();
        String o = out();
        assertThat(o).startsWith("The most commonly used mqadmin commands are:");
        for (String c : new String[] {"updateTopic", "deleteTopic", "updateSubGroup", "deleteSubGroup", "updateBrokerConfig",
            "updateTopicPerm", "topicRoute", "topicStatus", "topicClusterList", "brokerStatus", "queryMsgById", "queryMsgByKey",
            "queryMsgByUniqueKey", "queryMsgByOffset", "printMsg", "printMsgByQueue", "sendMsgStatus", "brokerConsumeStats",
            "producerConnection", "consumerConnection", "consumerProgress", "consumerStatus", "cloneGroupOffset", "clusterList",
            "topicList", "updateKvConfig", "deleteKvConfig", "wipeWritePerm", "addWritePerm", "resetOffsetByTime", "updateOrderConf",
            "cleanExpiredCQ", "cleanUnusedTopic", "startMonitoring", "statsAll", "allocateMQ", "checkMsgSendRT", "clusterRT",
            "getNamesrvConfig", "updateNamesrvConfig", "getBrokerConfig", "queryCq", "sendMessage", "consumeMessage",
            "skipAccumulatedMessage", "getConsumerConfig", "updateAclConfig", "deleteAclConfig", "updateGlobalWhiteAddr",
            "clusterAclConfigVersion", "getAclConfig"}) {
            assertThat(o).as(c).containsPattern("(?m)^   " + c + " +\\S");
        }
        assertThat(o).contains("   clusterList          List all of clusters");
        assertThat(o).contains("See 'mqadmin help <command>' for more information on a specific command.");
    }

    @Test
    void commandNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (SubCommand c : MQAdminStartup.commands()) {
            assertThat(names.add(c.commandName())).as(c.commandName()).isTrue();
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(57);
    }

    @Test
    void helpPrintsTheOfficialUsageLine() {
        assertThat(MQAdminStartup.run(new String[] {"help", "updateTopic"})).isZero();
        assertThat(out()).startsWith("usage: mqadmin updateTopic -b <arg> | -c <arg>  [-h] [-n <arg>] [-o <arg>] [-p <arg>]");
        assertThat(out()).contains(" -t,--topic <arg>").contains(" -w,--writeQueueNums <arg>   set write queue nums");
    }

    @Test
    void optionsMatchTheOfficialOnes() {
        Options o = MQAdminStartup.find("resetOffsetByTime").buildCommandlineOptions(new Options());
        assertThat(o.getOption("g").isRequired()).isTrue();
        assertThat(o.getOption("g").getLongOpt()).isEqualTo("group");
        assertThat(o.getOption("s").getLongOpt()).isEqualTo("timestamp");
        assertThat(o.getOption("c").hasArg()).isFalse();
        Option printBody = MQAdminStartup.find("printMsgByQueue").buildCommandlineOptions(new Options()).getOption("d");
        assertThat(printBody.getLongOpt()).isEqualTo("printBody");
        assertThat(MQAdminStartup.find("deleteAccessConfig").commandName()).isEqualTo("deleteAclConfig");
    }

    @Test
    void unknownCommandFails() {
        assertThat(MQAdminStartup.run(new String[] {"noSuchCommand"})).isEqualTo(1);
        assertThat(err()).contains("The sub command noSuchCommand not exist.");
    }

    @Test
    void badOrMissingOptionPrintsUsageAndFails() {
        assertThat(MQAdminStartup.run(new String[] {"topicRoute", "-x"})).isEqualTo(1);
        assertThat(err()).contains("Unrecognized option: -x").contains("usage: mqadmin topicRoute");
        err.reset();
        assertThat(MQAdminStartup.run(new String[] {"topicRoute", "-n", "127.0.0.1:1"})).isEqualTo(1);
        assertThat(err()).contains("Missing required option: t");
    }

    @Test
    void missingNamesrvIsExplained() {
        if (System.getenv("NAMESRV_ADDR") != null) {
            return;
        }
        assertThat(MQAdminStartup.run(new String[] {"topicList"})).isEqualTo(1);
        assertThat(err()).contains("topicList command failed").contains("No name server address").contains("NAMESRV_ADDR");
    }

    @Test
    void unreachableNamesrvFailsFast() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long begin = System.currentTimeMillis();
        assertThat(MQAdminStartup.run(new String[] {"clusterList", "-n", "127.0.0.1:" + port})).isEqualTo(1);
        assertThat(System.currentTimeMillis() - begin).isLessThan(10_000);
        assertThat(err()).contains("clusterList command failed").contains("cannot connect to name server 127.0.0.1:" + port);
    }

    @Test
    void timestampsParseLikeTheOfficialTool() throws Exception {
        assertThat(CommandUtil.parseTimestamp("1700000000000")).isEqualTo(1700000000000L);
        long now = System.currentTimeMillis();
        assertThat(CommandUtil.parseTimestamp("now")).isBetween(now - 1000, now + 60_000);
        assertThat(CommandUtil.parseTimestamp("2024-01-02#03:04:05:006"))
            .isEqualTo(new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").parse("2024-01-02 03:04:05.006").getTime());
    }
}
