package io.apogee.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One name server and one broker of one implementation, as child JVMs on loopback ports chosen free at run time,
 * optionally with a slave of that broker replicating over its haListenPort. Both implementations get the same JVM
 * flags, the same heap and the same broker properties; only the main classes, the classpath and
 * {@code rocketmq.home.dir} differ.
 */
final class Cluster implements AutoCloseable {
    /** What differs between Apache RocketMQ and Apogee. */
    record Impl(String label, String namesrvMain, String brokerMain, String classpath, Path rocketmqHome) {
    }

    private final Impl impl;
    private final Path work;
    private final String heap;
    private final int namesrvPort;
    private final int brokerPort;
    private final int slavePort;
    private Process namesrv;
    private Process broker;
    private Process slave;
    private int brokerStarts;
    long lastBrokerBootMillis;

    Cluster(Impl impl, Path work, String heap) throws IOException {
        this.impl = impl;
        this.work = Files.createDirectories(work);
        this.heap = heap;
        this.namesrvPort = freePort(0);
        this.brokerPort = freePort(2);
        this.slavePort = freePort(2);
    }

    String label() {
        return impl.label();
    }

    String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    void startNamesrv() throws IOException, InterruptedException {
        Path conf = work.resolve("namesrv.properties");
        Files.writeString(conf, "listenPort=" + namesrvPort + "\n");
        Path out = work.resolve("namesrv.out");
        namesrv = launch(impl.namesrvMain(), "-Xms256m -Xmx256m", out, "-c", conf.toString());
        awaitLine(namesrv, out, "The Name Server boot success", 60);
    }

    String brokerAddr() {
        return "127.0.0.1:" + brokerPort;
    }

    String slaveAddr() {
        return "127.0.0.1:" + slavePort;
    }

    /** Starts an ASYNC_MASTER broker on a fresh store directory; returns the milliseconds from spawn to its boot line. */
    long startBroker(String flushDiskType) throws IOException, InterruptedException {
        return startBroker(flushDiskType, "ASYNC_MASTER");
    }

    /** Starts a master (ASYNC_MASTER or SYNC_MASTER) on a fresh store; returns the milliseconds to its boot line. */
    long startBroker(String flushDiskType, String role) throws IOException, InterruptedException {
        brokerStarts++;
        long t0 = System.nanoTime();
        broker = launchBroker("broker-" + brokerStarts, 0, role, brokerPort, flushDiskType);
        lastBrokerBootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return lastBrokerBootMillis;
    }

    /** Starts a slave of the running master on a fresh store; it finds the master's HA address via the name server. */
    void startSlave(String flushDiskType) throws IOException, InterruptedException {
        slave = launchBroker("slave-" + brokerStarts, 1, "SLAVE", slavePort, flushDiskType);
    }

    /** Stops the slave (if any), then the master. */
    void stopBroker() throws InterruptedException {
        stop(slave);
        slave = null;
        stop(broker);
        broker = null;
    }

    /**
     * brokerIP2 is loopback too: it is the HA address a master registers, which its slave connects to. Master and
     * slave share brokerName and differ in brokerId, role and ports.
     */
    private Process launchBroker(String name, int brokerId, String role, int port, String flushDiskType)
        throws IOException, InterruptedException {
        Path store = work.resolve("store-" + name);
        Path conf = work.resolve(name + ".properties");
        Files.writeString(conf, String.join("\n",
            "brokerClusterName=BenchCluster",
            "brokerName=bench-" + impl.label().toLowerCase().replaceAll("[^a-z0-9]", ""),
            "brokerId=" + brokerId,
            "brokerIP1=127.0.0.1",
            "brokerIP2=127.0.0.1",
            "listenPort=" + port,
            "haListenPort=" + (port + 1),
            "storePathRootDir=" + store,
            "storePathCommitLog=" + store.resolve("commitlog"),
            "autoCreateTopicEnable=true",
            "brokerRole=" + role,
            "flushDiskType=" + flushDiskType,
            ""));
        Path out = work.resolve(name + ".out");
        Process p = launch(impl.brokerMain(), "-Xms" + heap + " -Xmx" + heap, out, "-n", namesrvAddr(), "-c", conf.toString());
        awaitLine(p, out, "boot success", 120);
        return p;
    }

    /** Resident set size of the broker JVM in MiB, from /proc. */
    double brokerRssMiB() throws IOException {
        Path status = Paths.get("/proc", Long.toString(broker.pid()), "status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        stopBroker();
        stop(namesrv);
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process launch(String main, String heapOpts, Path out, String... args) throws IOException {
        Path userHome = Files.createDirectories(work.resolve("user-home"));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-server");
        cmd.addAll(List.of(heapOpts.split(" ")));
        cmd.addAll(List.of("-XX:+UseG1GC", "-XX:G1HeapRegionSize=16m", "-XX:G1ReservePercent=25",
            "-XX:InitiatingHeapOccupancyPercent=30", "-XX:SoftRefLRUPolicyMSPerMB=0", "-XX:-OmitStackTraceInFastThrow",
            "-XX:MaxDirectMemorySize=4g", "-XX:+PerfDisableSharedMem",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Duser.home=" + userHome, "-Drocketmq.home.dir=" + impl.rocketmqHome(),
            "-cp", impl.rocketmqHome().resolve("conf") + ":" + impl.classpath(), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("HOME", userHome.toString());
        pb.environment().put("ROCKETMQ_HOME", impl.rocketmqHome().toString());
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return p;
    }

    private static void awaitLine(Process p, Path out, String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String s = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            if (s.contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IOException(out.getFileName() + ": exited with " + p.exitValue() + " before '" + text + "':\n" + s);
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IOException(out.getFileName() + ": no '" + text + "' within " + seconds + " s");
    }

    /** A free loopback port p with p - below .. p + 1 free too (the broker's fast and HA ports). */
    private static int freePort(int below) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int p = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean ok = true;
            for (int q = p - below; q <= p + 1 && ok; q++) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), q));
                } catch (IOException e) {
                    ok = false;
                }
            }
            if (ok) {
                return p;
            }
        }
        throw new IllegalStateException("no free loopback port");
    }
}
