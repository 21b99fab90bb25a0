package io.apogee.integration.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;
import io.apogee.testsupport.TempDirs;

/**
 * One name server and one broker on 127.0.0.1 ports chosen at run time, each in its own JVM with a small
 * store under a temp dir: either the official Apache RocketMQ 4.9.7 daemons (from {@code target/it-lib}) or
 * Apogee's (from {@code ../namesrv/target} and {@code ../broker/target}, built earlier in the reactor).
 */
public final class Cluster implements AutoCloseable {
    public enum Kind { OFFICIAL, APOGEE }

    /** Large enough for a 1 MiB body plus its properties. */
    static final int MAX_MESSAGE_SIZE = 1200 * 1024;

    final Kind kind;
    final Path dir;
    final int namesrvPort;
    final int brokerPort;
    private ChildJvm namesrv;
    private ChildJvm broker;
    private int brokerStarts;

    private Cluster(Kind kind, Path dir) {
        this.kind = kind;
        this.dir = dir;
        this.namesrvPort = ChildJvm.freePort();
        this.brokerPort = ChildJvm.freeBrokerPort();
    }

    public String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    public String brokerAddr() {
        return "127.0.0.1:" + brokerPort;
    }

    public static Cluster start(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("apogee-client-it-" + kind.name().toLowerCase());
        Cluster c = new Cluster(kind, dir);
        try {
            c.startNamesrv();
            c.startBroker();
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    /** A child JVM for one daemon: the same heap, flags and quiet logging for both implementations. */
    private ChildJvm.Builder daemon(String mainClass, String module, String heap) throws IOException {
        Path home = OfficialPeers.officialHome(dir.resolve("home"));
        List<String> classpath = kind == Kind.OFFICIAL ? OfficialPeers.officialClasspath()
            : OfficialPeers.apogeeModuleClasspath(module);
        return ChildJvm.builder(mainClass).classpath(classpath).officialJdk17Opens().userHome(dir).rocketmqHome(home)
            .jvmArg("-Xms" + heap, "-Xmx" + heap, "-XX:MaxDirectMemorySize=256m",
                "-Dlogback.configurationFile=" + home.resolve("conf/logback_broker.xml"));
    }

    private void startNamesrv() throws Exception {
        Path nsConf = OfficialPeers.writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(namesrvPort),
            "kvConfigPath", dir.resolve("namesrv/kvConfig.json").toString()));
        String nsMain = kind == Kind.OFFICIAL ? "org.apache.rocketmq.namesrv.NamesrvStartup" : "io.apogee.namesrv.NamesrvStartup";
        namesrv = daemon(nsMain, "namesrv", "128m").args("-c", nsConf.toString()).start(dir.resolve("namesrv.out"));
        namesrv.awaitOutput("boot success", Duration.ofSeconds(60));
    }

    private Path brokerConf() throws IOException {
        Map<String, String> b = new TreeMap<>();
        b.put("brokerClusterName", "DefaultCluster");
        b.put("brokerName", "broker-a");
        b.put("brokerId", "0");
        b.put("listenPort", Integer.toString(brokerPort));
        b.put("haListenPort", Integer.toString(brokerPort + 1));
        b.put("brokerIP1", "127.0.0.1");
        b.put("namesrvAddr", namesrvAddr());
        b.put("storePathRootDir", dir.resolve("store").toString());
        b.put("storePathCommitLog", dir.resolve("store/commitlog").toString());
        b.put("mappedFileSizeCommitLog", Integer.toString(4 * 1024 * 1024));
        b.put("mappedFileSizeConsumeQueue", "60000");
        b.put("maxHashSlotNum", "1000");
        b.put("maxIndexNum", "4000");
        b.put("maxMessageSize", Integer.toString(MAX_MESSAGE_SIZE));
        b.put("autoCreateTopicEnable", "true");
        b.put("autoCreateSubscriptionGroup", "true");
        b.put("enablePropertyFilter", "true");
        b.put("transactionCheckInterval", "2000");
        b.put("transactionTimeOut", "2000");
        b.put("flushDiskType", "ASYNC_FLUSH");
        b.put("diskMaxUsedSpaceRatio", "99");
        b.put("sendMessageThreadPoolNums", "4");
        b.put("pullMessageThreadPoolNums", "4");
        b.put("traceTopicEnable", "true");
        return OfficialPeers.writeProperties(dir.resolve("broker.properties"), b);
    }

    void startBroker() throws Exception {
        String brMain = kind == Kind.OFFICIAL ? "org.apache.rocketmq.broker.BrokerStartup" : "io.apogee.broker.BrokerStartup";
        broker = daemon(brMain, "broker", "384m").args("-n", namesrvAddr(), "-c", brokerConf().toString())
            .start(dir.resolve("broker-" + (brokerStarts++) + ".out"));
        broker.awaitOutput("boot success", Duration.ofSeconds(90));
    }

    /** Stops the broker gracefully (SIGTERM: shutdown hook flushes and unregisters) and starts it again on the same store. */
    void restartBroker() throws Exception {
        broker.close();
        startBroker();
    }

    void stopBroker() {
        broker.close();
    }

    String brokerOutput() {
        return broker == null ? "" : broker.output();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
        TempDirs.deleteRecursively(dir);
    }
}
