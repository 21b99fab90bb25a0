package io.apogee.tools.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A name server and one broker started as child JVMs on free loopback ports with tiny stores in a
 * temp dir: either Apogee's (test classpath) or the official 4.9.7 ones (target/it-lib). Closing
 * kills both; a shutdown hook does the same if the test JVM dies first.
 */
final class Daemons implements AutoCloseable {
    private static final List<String> OPENS = List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
        "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
        "java.base/jdk.internal.ref=ALL-UNNAMED");

    final Path dir;
    final int namesrvPort;
    final int brokerPort;
    final boolean official;
    private final List<Process> processes = new ArrayList<>();

    private Daemons(Path dir, boolean official) {
        this.dir = dir;
        this.official = official;
        this.namesrvPort = freePort();
        this.brokerPort = freeBrokerPort();
    }

    String namesrv() {
        return "127.0.0.1:" + namesrvPort;
    }

    String broker() {
        return "127.0.0.1:" + brokerPort;
    }

    static Daemons start(Path dir, boolean official) throws Exception {
        if (!official) {
            requireReactorJars();
        }
        Daemons d = new Daemons(dir, official);
        try {
            d.boot();
        } catch (Exception e) {
            d.close();
            throw e;
        }
        return d;
    }

    /**
     * In {@code mvn verify} of the reactor the Apogee daemons are on the class path as {@code <module>/target}
     * jars (or classes) just built from this checkout; a jar from the local repository means a {@code -pl tools}
     * build without {@code -am}, whose daemons may be stale. {@code -Dapogee.it.allowInstalledJars=true}
     * accepts them anyway.
     */
    static void requireReactorJars() {
        if (Boolean.getBoolean("apogee.it.allowInstalledJars")) {
            return;
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("apogee-broker-") || entry.endsWith("broker/target/classes")) {
                System.out.println("Apogee daemons from " + entry);
            }
            if ((name.startsWith("apogee-broker-") || name.startsWith("apogee-namesrv-") || name.startsWith("apogee-store-"))
                && entry.contains("/repository/io/apogee/")) {
                throw new IllegalStateException("the Apogee daemons would run from the local repository (" + entry
                    + "), possibly stale: build with -am (or the whole reactor), or pass -Dapogee.it.allowInstalledJars=true");
            }
        }
    }

    private void boot() throws Exception {
        Path home = dir.resolve("home");
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        String logback = "<configuration><root level=\"OFF\"/></configuration>";
        Files.writeString(conf.resolve("logback_namesrv.xml"), logback);
        Files.writeString(conf.resolve("logback_broker.xml"), logback);
        Path ns = dir.resolve("namesrv.properties");
        Files.writeString(ns, "listenPort=" + namesrvPort + "\n");
        Path store = dir.resolve("store");
        Path bc = dir.resolve("broker.properties");
        Files.writeString(bc, String.join("\n",
            "brokerClusterName=DefaultCluster", "brokerName=broker-a", "brokerId=0", "namesrvAddr=" + namesrv(),
            "brokerIP1=127.0.0.1", "listenPort=" + brokerPort, "storePathRootDir=" + store,
            "storePathCommitLog=" + store.resolve("commitlog"), "mappedFileSizeCommitLog=1048576",
            "mappedFileSizeConsumeQueue=6000", "autoCreateTopicEnable=true", "autoCreateSubscriptionGroup=true",
            "flushIntervalCommitLog=100", "") );
        String cp = official ? dir.getFileSystem().getPath("target", "it-lib").toAbsolutePath() + "/*"
            : System.getProperty("java.class.path");
        spawn(official ? "org.apache.rocketmq.namesrv.NamesrvStartup" : "io.apogee.namesrv.NamesrvStartup", cp, home,
            dir.resolve("namesrv.out"), "-c", ns.toString());
        await(dir.resolve("namesrv.out"), "boot success", 60);
        spawn(official ? "org.apache.rocketmq.broker.BrokerStartup" : "io.apogee.broker.BrokerStartup", cp, home,
            dir.resolve("broker.out"), "-c", bc.toString());
        await(dir.resolve("broker.out"), "boot success", 90);
        Thread.sleep(1500);
    }

    private void spawn(String main, String cp, Path home, Path out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-Duser.home=" + dir, "-Drocketmq.home.dir=" + home));
        cmd.addAll(OPENS);
        cmd.addAll(List.of("-cp", cp, main));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        processes.add(p);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    }

    private static void await(Path out, String text, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("'" + text + "' not seen in " + out + ":\n"
            + (Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "(no output)"));
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freeBrokerPort() {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            if (p > 1100 && p < 65000 && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free broker port triple");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
