package io.apogee.broker.it;

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
 * Starts the processes the broker ITs talk to: the Apogee broker through {@code bin/mqbroker} of the built tree
 * (or directly as a JVM), the official 4.9.7 name server and mqadmin from {@code target/it-lib}. Everything binds
 * 127.0.0.1 ports chosen at run time, with tiny mapped files, and keeps its files (and user.home) in a temp dir.
 */
public final class Daemons {
    private static final String QUIET_LOGBACK = "<configuration>\n"
        + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>%d{HH:mm:ss.SSS} %p %t %c - %m%n</pattern></encoder>\n"
        + "  </appender>\n"
        + "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>\n"
        + "</configuration>\n";

    private Daemons() {
    }

    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    public static Path repoRoot() {
        return moduleDir().getParent();
    }

    public static List<String> officialClasspath() {
        Path lib = moduleDir().resolve("target/it-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: run the ITs through 'mvn verify' (package fills it)");
        }
        return List.of(lib + File.separator + "*");
    }

    public static List<String> apogeeBrokerClasspath() {
        Path target = moduleDir().resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            String jar = files.map(Path::toString)
                .filter(n -> n.matches(".*apogee-broker-[^/]*\\.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-sources.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("apogee-broker jar missing in " + target));
            return List.of(jar, target.resolve("lib") + File.separator + "*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    public static ChildJvm startOfficialNamesrv(Path dir, int port) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Path conf = writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(port)));
        ChildJvm ns = ChildJvm.builder("org.apache.rocketmq.namesrv.NamesrvStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("official-namesrv.out"));
        ns.awaitOutput("The Name Server boot success", Duration.ofSeconds(60));
        return ns;
    }

    /**
     * Starts the Apogee name server the way a user does: {@code sh bin/mqnamesrv -c file} from the built tree,
     * bound to 127.0.0.1:port, with its kvConfig.json and user.home under {@code dir}.
     */
    public static ChildJvm startApogeeNamesrv(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort", Integer.toString(port),
            "bindAddress", "127.0.0.1", "kvConfigPath", dir.resolve("namesrv/kvConfig.json").toString()));
        Map<String, String> env = Map.of("JAVA_OPT", "-Duser.home=" + dir + " -Xms64m -Xmx128m"
            + " -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true");
        ChildJvm ns = ChildJvm.script("mqnamesrv", List.of("sh", repoRoot().resolve("bin/mqnamesrv").toString(), "-c",
            conf.toString()), env, dir, dir.resolve("apogee-namesrv.out"));
        ns.awaitOutput("The Name Server boot success. serializeType=JSON", Duration.ofSeconds(60));
        return ns;
    }

    /** Starts an official 4.9.7 master broker (the reference the admin ITs compare Apogee's answers with). */
    public static ChildJvm startOfficialBroker(Path dir, String brokerName, int port, String namesrvAddr,
                                               Map<String, String> extra) throws IOException, InterruptedException {
        Path home = officialHome(dir);
        Map<String, String> props = new TreeMap<>(Map.of("haListenPort", Integer.toString(port + 1),
            "flushDiskType", "ASYNC_FLUSH", "autoCreateTopicEnable", "true"));
        props.putAll(extra);
        Path conf = brokerConf(dir, brokerName, port, namesrvAddr, props);
        ChildJvm broker = ChildJvm.builder("org.apache.rocketmq.broker.BrokerStartup")
            .classpath(officialClasspath()).officialJdk17Opens().rocketmqHome(home).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("official-broker.out"));
        broker.awaitOutput("boot success", Duration.ofSeconds(90));
        return broker;
    }

    /** broker.conf for a small test broker on 127.0.0.1:port storing under dir/store. */
    public static Path brokerConf(Path dir, String brokerName, int port, String namesrvAddr, Map<String, String> extra)
        throws IOException {
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
        return writeProperties(dir.resolve("broker.conf"), props);
    }

    /** Starts the Apogee broker the way a user does: {@code sh bin/mqbroker -c conf} from the built tree. */
    public static ChildJvm startBrokerScript(Path dir, Path conf, String bootText) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("JAVA_OPT", "-Duser.home=" + dir + " -Xms256m -Xmx256m"
            + " -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true -XX:MaxDirectMemorySize=256m");
        ChildJvm b = ChildJvm.script("mqbroker", List.of("sh", repoRoot().resolve("bin/mqbroker").toString(), "-c", conf.toString()),
            env, dir, dir.resolve("broker-" + System.nanoTime() + ".out"));
        if (bootText != null) {
            b.awaitOutput(bootText, Duration.ofSeconds(90));
        }
        return b;
    }

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

    /** Removes a test's temp dir (stores of a few commit-log files each) once its daemons are stopped. */
    public static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
