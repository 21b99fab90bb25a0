package io.apogee.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the RocketMQ tutorial from the unpacked bin-release archive: {@code bin/mqnamesrv -c},
 * {@code bin/mqbroker -n -c}, both boot lines, {@code bin/mqadmin clusterList}, the quickstart Producer and Consumer
 * through {@code bin/tools.sh}, then {@code sh bin/mqshutdown broker|namesrv} and both daemons gone.
 *
 * <p>Everything runs on free loopback ports with {@code HOME} and {@code user.home} pointing into a temp dir, so logs
 * and the namesrv KV file stay out of the real home. {@code mqshutdown} signals every local daemon with the right main
 * class; on a shared machine that would hit other people's daemons, so it runs with {@code jps} and {@code ps} shims
 * first on its PATH that only show the processes this test started. Every child is killed in {@link #killChildren}.
 */
class ReleaseArchiveIT {
    private static final Duration NAMESRV_BOOT = Duration.ofSeconds(60);
    private static final Duration BROKER_BOOT = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void archiveHasRocketMqLayout() throws IOException {
        String top = System.getProperty("apogee.release.dirName") + "/";
        try (ZipFile zip = new ZipFile(zipPath().toFile())) {
            Set<String> names = new TreeSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            assertThat(names).allMatch(n -> n.startsWith(top), "every entry under " + top);
            assertThat(names).contains(top + "LICENSE", top + "NOTICE", top + "README.md",
                top + "bin/mqnamesrv", top + "bin/mqbroker", top + "bin/mqshutdown", top + "bin/mqadmin", top + "bin/tools.sh",
                top + "bin/runserver.sh",
                top + "bin/runbroker.sh", top + "bin/os.sh", top + "bin/dledger/fast-try.sh",
                top + "bin/benchmark/compare.sh", top + "conf/broker.conf", top + "conf/logback_namesrv.xml",
                top + "conf/logback_broker.xml");
            List<String> libs = names.stream().filter(n -> n.startsWith(top + "lib/") && n.endsWith(".jar"))
                .map(n -> n.substring((top + "lib/").length())).collect(Collectors.toList());
            assertThat(libs).anyMatch(n -> n.startsWith("apogee-namesrv-")).anyMatch(n -> n.startsWith("apogee-broker-"))
                .anyMatch(n -> n.startsWith("apogee-client-")).anyMatch(n -> n.startsWith("apogee-store-"))
                .anyMatch(n -> n.startsWith("apogee-tools-")).anyMatch(n -> n.startsWith("apogee-example-"))
                .anyMatch(n -> n.startsWith("netty-")).anyMatch(n -> n.startsWith("logback-classic-"));
            assertThat(libs).as("no official RocketMQ and no test libraries in lib/")
                .noneMatch(n -> n.startsWith("rocketmq-") || n.startsWith("junit-") || n.startsWith("assertj-"));
        }
    }

    @Test
    void osScriptOnlyReportsWithoutApplyAndDledgerPlaceholderFails() throws Exception {
        Path home = unpack();
        Process os = new ProcessBuilder("bin/os.sh").directory(home.toFile()).redirectErrorStream(true).start();
        String report = new String(os.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(os.waitFor()).as(report).isZero();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(report).contains("vm.max_map_count").contains("vm.swappiness").contains("nofile")
                .contains("Nothing was changed");
        }
        Process bad = new ProcessBuilder("bin/os.sh", "--bogus").directory(home.toFile()).redirectErrorStream(true).start();
        bad.getInputStream().readAllBytes();
        assertThat(bad.waitFor()).isEqualTo(2);

        Process dledger = new ProcessBuilder("bin/dledger/fast-try.sh").directory(home.toFile()).redirectErrorStream(true).start();
        String said = new String(dledger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dledger.waitFor()).isEqualTo(1);
        assertThat(said).contains("DLedger is not available");
    }

    @Test
    void tutorialRunsFromUnpackedArchive() throws Exception {
        Path home = unpack();
        for (String script : List.of("mqnamesrv", "mqbroker", "mqshutdown", "mqadmin", "tools.sh", "runserver.sh", "runbroker.sh", "os.sh",
            "dledger/fast-try.sh", "benchmark/compare.sh")) {
            assertThat(Files.getPosixFilePermissions(home.resolve("bin").resolve(script)))
                .as("bin/%s is executable", script).contains(PosixFilePermission.OWNER_EXECUTE);
        }
        Path userHome = Files.createDirectories(tmp.resolve("user-home"));
        int namesrvPort = freePort(0);
        int brokerPort = freePort(2);

        Path namesrvConf = tmp.resolve("namesrv.properties");
        Files.writeString(namesrvConf, "listenPort=" + namesrvPort + "\n");
        Path brokerConf = tmp.resolve("broker.properties");
        Files.writeString(brokerConf, String.join("\n",
            "brokerClusterName=ReleaseCluster",
            "brokerName=release-it",
            "brokerId=0",
            "brokerIP1=127.0.0.1",
            "listenPort=" + brokerPort,
            "haListenPort=" + (brokerPort + 1),
            "storePathRootDir=" + tmp.resolve("store"),
            "storePathCommitLog=" + tmp.resolve("store").resolve("commitlog"),
            "mappedFileSizeCommitLog=4194304",
            "mappedFileSizeConsumeQueue=60000",
            "autoCreateTopicEnable=true",
            ""));

        // Name server as in the tutorial, without ROCKETMQ_HOME: the script finds its home from its own path.
        Path namesrvOut = tmp.resolve("namesrv.out");
        Process namesrv = start(home, namesrvOut, userHome, false, "bin/mqnamesrv", "-c", namesrvConf.toString());
        String namesrvBoot = awaitLine(namesrv, namesrvOut, Pattern.compile("The Name Server boot success\\. serializeType=JSON"),
            NAMESRV_BOOT);
        assertThat(namesrvBoot).isNotNull();

        // Broker with ROCKETMQ_HOME set, pointed at the name server with -n.
        Path brokerOut = tmp.resolve("broker.out");
        Process broker = start(home, brokerOut, userHome, true, "bin/mqbroker", "-n", "127.0.0.1:" + namesrvPort,
            "-c", brokerConf.toString());
        String brokerBoot = awaitLine(broker, brokerOut, Pattern.compile(
            "The broker\\[release-it, 127\\.0\\.0\\.1:" + brokerPort + "\\] boot success\\. serializeType=JSON"
                + " and name server is 127\\.0\\.0\\.1:" + namesrvPort), BROKER_BOOT);
        assertThat(brokerBoot).isNotNull();

        // The rest of the tutorial: mqadmin sees the broker, the quickstart producer and consumer run through tools.sh.
        String cluster = runTool(home, userHome, namesrvPort, Duration.ofSeconds(60), "bin/mqadmin", "clusterList", "-n",
            "127.0.0.1:" + namesrvPort);
        assertThat(cluster).contains("ReleaseCluster").contains("release-it");
        String produced = runTool(home, userHome, namesrvPort, Duration.ofSeconds(120), "bin/tools.sh",
            "org.apache.rocketmq.example.quickstart.Producer");
        assertThat(produced.split("sendStatus=SEND_OK", -1).length - 1).as("quickstart Producer SEND_OK lines:%n%s", produced)
            .isEqualTo(1000);
        Path consumerOut = tmp.resolve("consumer.out");
        Process consumer = startTool(home, userHome, namesrvPort, consumerOut, "bin/tools.sh",
            "org.apache.rocketmq.example.quickstart.Consumer");
        assertThat(awaitLine(consumer, consumerOut, Pattern.compile("Receive New Messages"), Duration.ofSeconds(60))).isNotNull();
        consumer.destroy();
        consumer.waitFor(10, TimeUnit.SECONDS);

        Path logs = userHome.resolve("logs").resolve("rocketmqlogs");
        assertThat(logs.resolve("namesrv.log")).as("namesrv.log under user.home").exists();
        assertThat(logs.resolve("broker.log")).as("broker.log under user.home").exists();

        // sh bin/mqshutdown broker, then namesrv; shims make it see only this test's daemons.
        Path shims = shims(namesrv.pid(), broker.pid());
        String brokerStop = mqshutdown(home, shims, userHome, "broker");
        assertThat(brokerStop).contains("(" + broker.pid() + ")");
        assertThat(broker.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("broker stopped after mqshutdown").isTrue();
        assertThat(namesrv.isAlive()).as("mqshutdown broker leaves the name server alone").isTrue();

        String namesrvStop = mqshutdown(home, shims, userHome, "namesrv");
        assertThat(namesrvStop).contains("(" + namesrv.pid() + ")");
        assertThat(namesrv.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("namesrv stopped after mqshutdown").isTrue();

        // The broker persisted its tables on the way down (shutdown hook ran, not a kill -9).
        assertThat(tmp.resolve("store").resolve("config")).isDirectory();
        assertThat(mqshutdown(home, shims, userHome, "broker")).contains("No mqbroker running");
    }

    private Path unpack() throws IOException, InterruptedException {
        Path dest = Files.createDirectories(tmp.resolve("unpacked"));
        List<String> cmd = onPath("unzip")
            ? List.of("unzip", "-q", zipPath().toString(), "-d", dest.toString())
            : List.of("tar", "xzf", Paths.get(System.getProperty("apogee.release.tgz")).toString(), "-C", dest.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", cmd, out).isZero();
        Path home = dest.resolve(System.getProperty("apogee.release.dirName"));
        assertThat(home.resolve("lib")).isDirectory();
        return home;
    }

    private Process start(Path home, Path out, Path userHome, boolean withRocketMqHome, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
            .redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", userHome.toString());
        env.put("JAVA_OPT", "-Xms256m -Xmx256m -XX:MaxDirectMemorySize=512m -Duser.home=" + userHome);
        if (withRocketMqHome) {
            env.put("ROCKETMQ_HOME", home.toString());
        } else {
            env.remove("ROCKETMQ_HOME");
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** Runs a client-side script (mqadmin, tools.sh) to completion with NAMESRV_ADDR set; returns its output. */
    private String runTool(Path home, Path userHome, int namesrvPort, Duration timeout, String... cmd)
        throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "tool", ".out");
        Process p = startTool(home, userHome, namesrvPort, out, cmd);
        boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(done).as("%s finished within %s:%n%s", String.join(" ", cmd), timeout, text).isTrue();
        assertThat(p.exitValue()).as("%s exit code:%n%s", String.join(" ", cmd), text).isZero();
        return text;
    }

    private Process startTool(Path home, Path userHome, int namesrvPort, Path out, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("HOME", userHome.toString());
        pb.environment().put("NAMESRV_ADDR", "127.0.0.1:" + namesrvPort);
        pb.environment().put("JAVA_OPT", "-Duser.home=" + userHome);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("ROCKETMQ_HOME");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private String mqshutdown(Path home, Path shims, Path userHome, String what) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "bin/mqshutdown", what).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", userHome.toString());
        pb.environment().put("PATH", shims + ":" + System.getenv("PATH"));
        Process p = pb.start();
        children.add(p);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** jps and ps wrappers that print only the lines of the given pids. */
    private Path shims(long... pids) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shims"));
        String allowed = java.util.Arrays.stream(pids).mapToObj(Long::toString).collect(Collectors.joining(" "));
        Path jdkJps = Paths.get(System.getProperty("java.home"), "bin", "jps");
        String jps = Files.isExecutable(jdkJps) ? jdkJps.toString() : which("jps");
        if (jps != null) {
            writeShim(dir.resolve("jps"), jps, allowed);
        }
        String ps = which("ps");
        if (ps != null) {
            writeShim(dir.resolve("ps"), ps, allowed);
        }
        return dir;
    }

    private static void writeShim(Path file, String real, String allowedPids) throws IOException {
        Files.writeString(file, "#!/bin/sh\n"
            + "'" + real + "' \"$@\" | awk -v allowed=\"" + allowedPids + "\" 'BEGIN { n = split(allowed, a, \" \"); "
            + "for (i = 1; i <= n; i++) ok[a[i]] = 1 } ($1 in ok)'\n");
        file.toFile().setExecutable(true);
    }

    private static String awaitLine(Process p, Path out, Pattern line, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            for (String l : text.split("\n")) {
                if (line.matcher(l).find()) {
                    return l;
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("process exited with " + p.exitValue() + " before printing /" + line + "/:\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no /" + line + "/ within " + timeout + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
    }

    /** A free loopback port p such that p - below .. p + 1 are free too (the broker's fast and HA ports). */
    private static int freePort(int below) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean ok = true;
            for (int q = p - below; q <= p + 1 && ok; q++) {
                ok = isFree(q);
            }
            if (ok) {
                return p;
            }
        }
        throw new IllegalStateException("no free loopback port");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String cmd) {
        return which(cmd) != null;
    }

    private static String which(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, cmd))) {
                return Paths.get(dir, cmd).toString();
            }
        }
        return null;
    }

    private static Path zipPath() {
        String zip = System.getProperty("apogee.release.zip");
        if (zip == null) {
            throw new UncheckedIOException(new IOException("apogee.release.zip not set: run through mvn verify"));
        }
        return Paths.get(zip);
    }
}
