package io.apogee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Java program started as a child process for integration tests (official RocketMQ daemons, mqadmin, Apogee
 * daemons). Output (stdout and stderr) goes to a log file that tests can wait on. Every child is also registered
 * with a JVM shutdown hook, so nothing survives the test JVM even when a test aborts before its cleanup.
 *
 * <pre>
 * try (ChildJvm broker = ChildJvm.builder("org.apache.rocketmq.broker.BrokerStartup")
 *         .classpath(OfficialPeers.officialClasspath()).officialJdk17Opens().userHome(tmp)
 *         .args("-c", conf.toString()).start(tmp.resolve("broker.out"))) {
 *     broker.awaitOutput("boot success", Duration.ofSeconds(60));
 * }
 * </pre>
 */
public final class ChildJvm implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
            "ChildJvm-reaper"));
    }

    /** Add-opens the official 4.9 daemons need on Java 17. */
    public static final List<String> JDK17_OPENS = List.of(
        "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED");

    private final String name;
    private final Process process;
    private final Path output;

    private ChildJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Runs a shell script (e.g. bin/mqbroker, which execs java) with extra environment variables. */
    public static ChildJvm script(String name, List<String> command, java.util.Map<String, String> env, Path workDir,
                                  Path outputFile) throws IOException {
        Files.createDirectories(outputFile.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        pb.directory(workDir.toFile());
        pb.environment().remove("ROCKETMQ_HOME");
        pb.environment().remove("NAMESRV_ADDR");
        pb.environment().putAll(env);
        Process p = pb.start();
        LIVE.add(p);
        return new ChildJvm(name + "[" + p.pid() + "]", p, outputFile);
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port p such that p-2 and p+1 are free too (a RocketMQ broker binds all three). */
    public static int freeBrokerPort() {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            if (p > 1100 && p < 65000 && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free broker port triple found");
    }

    /** Whether nothing listens on 127.0.0.1:port right now. */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path outputFile() {
        return output;
    }

    /** Waits until the output contains {@code text}; fails early if the process dies. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing '"
                    + text + "'; output:\n" + output());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not print '" + text + "' within " + timeout + "; output:\n"
            + output());
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; output:\n" + output());
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no goodbye to peers. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        LIVE.remove(process);
    }

    /** SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    /** Describes the child's command line. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> classpath = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true"));
        private final List<String> args = new ArrayList<>();
        private Path workDir;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        public Builder classpath(List<String> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder jvmArg(String... a) {
            jvmArgs.addAll(List.of(a));
            return this;
        }

        public Builder officialJdk17Opens() {
            jvmArgs.addAll(JDK17_OPENS);
            return this;
        }

        /** Points user.home at a temp dir, so ~/logs, ~/store and ~/namesrv land there. */
        public Builder userHome(Path dir) {
            jvmArgs.add("-Duser.home=" + dir);
            if (workDir == null) {
                workDir = dir;
            }
            return this;
        }

        public Builder rocketmqHome(Path dir) {
            jvmArgs.add("-Drocketmq.home.dir=" + dir);
            return this;
        }

        public Builder args(String... a) {
            args.addAll(List.of(a));
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public ChildJvm start(Path outputFile) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(String.join(java.io.File.pathSeparator, classpath));
            cmd.add(mainClass);
            cmd.addAll(args);
            Files.createDirectories(outputFile.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().remove("ROCKETMQ_HOME");
            pb.environment().remove("NAMESRV_ADDR");
            pb.environment().remove("JAVA_OPT");
            Process p = pb.start();
            LIVE.add(p);
            String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
            return new ChildJvm(simpleName + "[" + p.pid() + "]", p, outputFile);
        }
    }
}
