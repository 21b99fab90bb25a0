package io.apogee.namesrv.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the daemons the namesrv integration tests talk to: the Apogee name server (from the module's built jar),
 * and official Apache RocketMQ 4.9.7 name server, broker and mqadmin (from {@code target/it-lib}, filled by the
 * dependency plugin). Everything binds 127.0.0.1 ports chosen at run time and keeps its files under one temp dir.
 */
public final class Peers {
    private static final String QUIET_LOGBACK = "<configuration>\n"
        + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>%d{HH:mm:ss.SSS} %p %t %c - %m%n</pattern></encoder>\n"
        + "  </appender>\n"
        + "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>\n"
        + "</configuration>\n";

    private Peers() {
    }

    /** The module directory (failsafe runs in it). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** Classpath of the official 4.9.7 jars and their dependencies. */
    public static List<String> officialClasspath() {
        Path lib = moduleDir().resolve("target/it-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: run the ITs through 'mvn verify' (package fills it)");
        }
        return List.of(lib + File.separator + "*");
    }

    /** Classpath of the built Apogee name server: the module jar plus target/lib. */
    public static List<String> apogeeNamesrvClasspath() {
        Path target = moduleDir().resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            String jar = files.map(Path::toString)
                .filter(n -> n.matches(".*apogee-namesrv-[^/]*\\.jar") && !n.endsWith("-tests.jar")
                    && !n.endsWith("-sources.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("apogee-namesrv jar missing in " + target));
            return List.of(jar, target.resolve("lib") + File.separator + "*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A RocketMQ home with quiet logback configs for namesrv, broker and tools. */
    public static Path officialHome(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String f : List.of("logback_namesrv.xml", "logback_broker.xml", "logback_tools.xml")) {
            Files.writeString(conf.resolve(f), QUIET_LOGBACK);
        }
        return dir;
    }

    public static Path writeProperties(Path file, Map<String, String> props) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /** Starts the Apogee name server as a child JVM and waits for its boot line. */
    public static ChildJvm startApogeeNamesrv(Path dir, int port, Map<String, String> extraConfig)
        throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Map<String, String> props = new java.util.TreeMap<>(Map.of("listenPort", Integer.toString(port),
            "bindAddress", "127.0.0.1", "kvConfigPath", dir.resolve("namesrv/kvConfig.json").toString()));
        props.putAll(extraConfig);
        Path conf = writeProperties(dir.resolve("namesrv.properties"), props);
        ChildJvm ns = ChildJvm.builder("io.apogee.namesrv.NamesrvStartup")
            .classpath(apogeeNamesrvClasspath()).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("apogee-namesrv.out"));
        ns.awaitOutput("The Name Server boot success. serializeType=JSON", Duration.ofSeconds(30));
        return ns;
    }

    /** Starts the official 4.9.7 name server as a child JVM and waits for its boot line. */
    public static ChildJvm startOfficialNamesrv(Path dir, int port) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Path conf = writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(port)));
        ChildJvm ns = ChildJvm.builder("org.apache.rocketmq.namesrv.NamesrvStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("official-namesrv.out"));
        ns.awaitOutput("The Name Server boot success", Duration.ofSeconds(60));
        return ns;
    }

    /** Starts an official 4.9.7 master broker with a tiny store, registered to {@code namesrvAddr}. */
    public static ChildJvm startOfficialBroker(Path dir, String brokerName, int port, String namesrvAddr)
        throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Path store = dir.resolve("store");
        Map<String, String> props = new java.util.TreeMap<>();
        props.put("brokerClusterName", "DefaultCluster");
        props.put("brokerName", brokerName);
        props.put("brokerId", "0");
        props.put("namesrvAddr", namesrvAddr);
        props.put("brokerIP1", "127.0.0.1");
        props.put("listenPort", Integer.toString(port));
        props.put("haListenPort", Integer.toString(port + 1));
        props.put("storePathRootDir", store.toString());
        props.put("storePathCommitLog", store.resolve("commitlog").toString());
        props.put("mappedFileSizeCommitLog", "1048576");
        props.put("mappedFileSizeConsumeQueue", "60000");
        props.put("maxHashSlotNum", "1000");
        props.put("maxIndexNum", "4000");
        props.put("flushDiskType", "ASYNC_FLUSH");
        props.put("diskMaxUsedSpaceRatio", "98");
        props.put("autoCreateTopicEnable", "true");
        Path conf = writeProperties(dir.resolve("broker.properties"), props);
        ChildJvm broker = ChildJvm.builder("org.apache.rocketmq.broker.BrokerStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("official-broker.out"));
        broker.awaitOutput("boot success", Duration.ofSeconds(90));
        return broker;
    }

    /** Runs one official mqadmin sub-command in a child JVM and returns what it printed. */
    public static String mqadmin(Path dir, String... args) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Path out = dir.resolve("mqadmin-" + System.nanoTime() + ".out");
        try (ChildJvm admin = ChildJvm.builder("org.apache.rocketmq.tools.command.MQAdminStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .jvmArg("-Xms64m", "-Xmx256m", "-Drocketmq.client.logUseSlf4j=true")
            .args(args).start(out)) {
            admin.awaitExit(Duration.ofSeconds(60));
            return admin.output();
        }
    }
}
