package io.apogee.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The official Apache RocketMQ 4.9.7 name server, broker and mqadmin that integration tests compare Apogee with,
 * started from the calling module's {@code target/it-lib} (filled by its dependency plugin at package), plus the
 * locations of the calling module's own build output. Everything binds 127.0.0.1 ports chosen at run time and keeps
 * its files (and user.home) under the directory it is given.
 */
public final class OfficialPeers {
    private static final String QUIET_LOGBACK = "<configuration>\n"
        + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>%d{HH:mm:ss.SSS} %p %t %c - %m%n</pattern></encoder>\n"
        + "  </appender>\n"
        + "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>\n"
        + "</configuration>\n";

    private OfficialPeers() {
    }

    /** The directory of the module whose tests run (failsafe and surefire run in it). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The source checkout holding the module: bin/, conf/ and the other modules. */
    public static Path repoRoot() {
        return moduleDir().getParent();
    }

    /** Classpath of the official 4.9.7 jars and their dependencies. */
    public static List<String> officialClasspath() {
        Path lib = moduleDir().resolve("target/it-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: run the ITs through 'mvn verify' (package fills it)");
        }
        return List.of(lib + File.separator + "*");
    }

    /** Classpath of a built Apogee module of this checkout: its jar plus its target/lib. */
    public static List<String> apogeeModuleClasspath(String module) {
        Path target = repoRoot().resolve(module).resolve("target");
        String prefix = "apogee-" + module + "-";
        try (Stream<Path> files = Files.list(target)) {
            String jar = files.map(Path::toString)
                .filter(n -> Path.of(n).getFileName().toString().startsWith(prefix) && n.endsWith(".jar")
                    && !n.endsWith("-tests.jar") && !n.endsWith("-sources.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(prefix + "*.jar missing in " + target));
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

    /** Properties of a small broker on 127.0.0.1:port storing under {@code dir/store}; {@code extra} wins. */
    public static Map<String, String> smallBrokerProperties(Path dir, String brokerName, int port, String namesrvAddr,
                                                            Map<String, String> extra) {
        Path store = dir.resolve("store");
        Map<String, String> props = new TreeMap<>();
        props.put("brokerClusterName", "DefaultCluster");
        props.put("brokerName", brokerName);
        props.put("brokerId", "0");
        props.put("namesrvAddr", namesrvAddr);
        props.put("brokerIP1", "127.0.0.1");
        props.put("listenPort", Integer.toString(port));
        props.put("storePathRootDir", store.toString());
        props.put("storePathCommitLog", store.resolve("commitlog").toString());
        props.put("mappedFileSizeCommitLog", Integer.toString(4 * 1024 * 1024));
        props.put("mappedFileSizeConsumeQueue", "60000");
        props.put("maxHashSlotNum", "1000");
        props.put("maxIndexNum", "4000");
        props.put("diskMaxUsedSpaceRatio", "98");
        props.put("sendMessageThreadPoolNums", "2");
        props.put("pullMessageThreadPoolNums", "4");
        props.putAll(extra);
        return props;
    }

    /** Starts the official 4.9.7 name server and waits for its boot line. */
    public static ChildJvm startNamesrv(Path dir, int port) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Path conf = writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(port)));
        ChildJvm ns = ChildJvm.builder("org.apache.rocketmq.namesrv.NamesrvStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("official-namesrv.out"));
        ns.awaitOutput("The Name Server boot success", Duration.ofSeconds(60));
        return ns;
    }

    /**
     * Starts an official 4.9.7 broker (a master unless {@code extra} says otherwise) with a small ASYNC_FLUSH store
     * that auto-creates topics, and waits for its boot line.
     */
    public static ChildJvm startBroker(Path dir, String brokerName, int port, String namesrvAddr,
                                       Map<String, String> extra) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Map<String, String> props = new TreeMap<>(Map.of("haListenPort", Integer.toString(port + 1),
            "flushDiskType", "ASYNC_FLUSH", "autoCreateTopicEnable", "true"));
        props.putAll(extra);
        Path conf = writeProperties(dir.resolve("broker.conf"),
            smallBrokerProperties(dir, brokerName, port, namesrvAddr, props));
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
