package io.apogee.client.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One name server and one broker on 127.0.0.1 ports chosen at run time, each in its own JVM with a tiny
 * store under a temp dir: either the official Apache RocketMQ 4.9.7 daemons (from {@code target/it-lib})
 * or Apogee's (from the broker and namesrv modules' build output).
 */
final class Cluster implements AutoCloseable {
    enum Kind { OFFICIAL, APOGEE }

    private static final String QUIET_LOGBACK = "<configuration>\n"
        + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>%d{HH:mm:ss.SSS} %p %t %c - %m%n</pattern></encoder>\n"
        + "  </appender>\n"
        + "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>\n"
        + "</configuration>\n";

    final Kind kind;
    final Path dir;
    final int namesrvPort;
    final int brokerPort;
    private final List<ChildJvm> children = new ArrayList<>();

    private Cluster(Kind kind, Path dir) {
        this.kind = kind;
        this.dir = dir;
        this.namesrvPort = ChildJvm.freePort();
        this.brokerPort = ChildJvm.freeBrokerPort();
    }

    String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    String brokerAddr() {
        return "127.0.0.1:" + brokerPort;
    }

    static Cluster start(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("apogee-client-it-" + kind.name().toLowerCase());
        Cluster c = new Cluster(kind, dir);
        try {
            c.startDaemons();
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private List<String> jvmArgs() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("home/conf"));
        for (String f : List.of("logback_namesrv.xml", "logback_broker.xml", "logback_tools.xml")) {
            Files.writeString(conf.resolve(f), QUIET_LOGBACK);
        }
        return List.of("-Xms256m", "-Xmx512m", "-XX:MaxDirectMemorySize=256m", "-Duser.home=" + dir,
            "-Drocketmq.home.dir=" + dir.resolve("home"), "-Dlogback.configurationFile=" + conf.resolve("logback_broker.xml"),
            "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED");
    }

    private List<String> classpath(String module) throws IOException {
        if (kind == Kind.OFFICIAL) {
            Path lib = moduleDir().resolve("target/it-lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException(lib + " missing: run the ITs with 'mvn verify'");
            }
            return List.of(lib + File.separator + "*");
        }
        Path target = moduleDir().resolve("../" + module + "/target").normalize();
        return List.of(target.resolve("apogee-" + module + "-0.1.0-SNAPSHOT.jar").toString(),
            target.resolve("lib") + File.separator + "*");
    }

    /**
     * The broker module depends on this one, so a reactor build packages it after these tests run: the Apogee
     * variant uses whatever the last build of broker and namesrv left in their target dirs, and is skipped if none.
     */
    static boolean apogeeDaemonsBuilt() {
        Path root = moduleDir().resolve("..").normalize();
        return Files.exists(root.resolve("broker/target/apogee-broker-0.1.0-SNAPSHOT.jar"))
            && Files.isDirectory(root.resolve("broker/target/lib"))
            && Files.exists(root.resolve("namesrv/target/apogee-namesrv-0.1.0-SNAPSHOT.jar"))
            && Files.isDirectory(root.resolve("namesrv/target/lib"));
    }

    private void startDaemons() throws Exception {
        Path nsConf = write(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(namesrvPort),
            "kvConfigPath", dir.resolve("namesrv/kvConfig.json").toString()));
        String nsMain = kind == Kind.OFFICIAL ? "org.apache.rocketmq.namesrv.NamesrvStartup" : "io.apogee.namesrv.NamesrvStartup";
        ChildJvm ns = ChildJvm.start("namesrv", classpath("namesrv"), jvmArgs(), nsMain, List.of("-c", nsConf.toString()),
            dir.resolve("namesrv.out"));
        children.add(ns);
        ns.awaitOutput("boot success", Duration.ofSeconds(60));

        Map<String, String> b = new TreeMap<>();
        b.put("brokerClusterName", "DefaultCluster");
        b.put("brokerName", "broker-a");
        b.put("brokerId", "0");
        b.put("listenPort", Integer.toString(brokerPort));
        b.put("brokerIP1", "127.0.0.1");
        b.put("namesrvAddr", namesrvAddr());
        b.put("storePathRootDir", dir.resolve("store").toString());
        b.put("storePathCommitLog", dir.resolve("store/commitlog").toString());
        b.put("mappedFileSizeCommitLog", "1048576");
        b.put("mappedFileSizeConsumeQueue", "6000");
        b.put("mapedFileSizeConsumeQueue", "6000");
        b.put("autoCreateTopicEnable", "true");
        b.put("autoCreateSubscriptionGroup", "true");
        b.put("enablePropertyFilter", "true");
        b.put("flushDiskType", "ASYNC_FLUSH");
        b.put("deleteWhen", "04");
        b.put("fileReservedTime", "48");
        b.put("diskMaxUsedSpaceRatio", "99");
        b.put("sendMessageThreadPoolNums", "4");
        b.put("pullMessageThreadPoolNums", "4");
        Path brokerConf = write(dir.resolve("broker.properties"), b);
        String brMain = kind == Kind.OFFICIAL ? "org.apache.rocketmq.broker.BrokerStartup" : "io.apogee.broker.BrokerStartup";
        ChildJvm br = ChildJvm.start("broker", classpath("broker"), jvmArgs(), brMain, List.of("-c", brokerConf.toString()),
            dir.resolve("broker.out"));
        children.add(br);
        br.awaitOutput("boot success", Duration.ofSeconds(90));
    }

    private static Path write(Path file, Map<String, String> props) throws IOException {
        Files.writeString(file, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    String brokerOutput() {
        return children.size() > 1 ? children.get(1).output() : "";
    }

    @Override
    public void close() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).close();
        }
        children.clear();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
