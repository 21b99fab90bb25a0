package io.apogee.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A name server and one master broker as child JVMs on free loopback ports, with a tiny store and
 * {@code user.home} in a temp dir: Apogee's, from the test's own class path (the jars the reactor has just
 * packaged; {@link #requireReactorJars()} refuses stale copies from the local repository), or the official 4.9.7
 * ones from the module's target/it-lib. Closing stops both; {@link ChildJvm} kills them if the test JVM dies first.
 */
public final class SingleBrokerCluster implements AutoCloseable {
    public final Path dir;
    public final boolean official;
    public final int namesrvPort = ChildJvm.freePort();
    public final int brokerPort = ChildJvm.freeBrokerPort();
    private final List<ChildJvm> daemons = new ArrayList<>();

    private SingleBrokerCluster(Path dir, boolean official) {
        this.dir = dir;
        this.official = official;
    }

    public String namesrv() {
        return "127.0.0.1:" + namesrvPort;
    }

    public String broker() {
        return "127.0.0.1:" + brokerPort;
    }

    /**
     * Starts the pair; {@code brokerProperties} are added to (and override) a small auto-creating broker-a.
     * {@code settle} is waited after the broker's boot line, for tests that need its first registration done.
     */
    public static SingleBrokerCluster start(Path dir, boolean official, Map<String, String> brokerProperties,
                                            Duration settle) throws Exception {
        if (!official) {
            requireReactorJars();
        }
        SingleBrokerCluster c = new SingleBrokerCluster(dir, official);
        try {
            c.boot(brokerProperties);
            Thread.sleep(settle.toMillis());
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * In {@code mvn verify} of the reactor the Apogee modules are on the class path as {@code <module>/target}
     * jars (or classes) just built from this checkout; a jar from {@code ~/.m2} means a build with {@code -pl} but
     * without {@code -am}, whose daemons may be stale. {@code -Dapogee.it.allowInstalledJars=true} accepts them.
     */
    public static void requireReactorJars() {
        if (Boolean.getBoolean("apogee.it.allowInstalledJars")) {
            return;
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if ((name.startsWith("apogee-broker-") || name.startsWith("apogee-namesrv-") || name.startsWith("apogee-store-"))
                && entry.contains("/repository/io/apogee/")) {
                throw new IllegalStateException("the Apogee daemons would run from the local repository (" + entry
                    + "), possibly stale: build with -am (or the whole reactor), or pass -Dapogee.it.allowInstalledJars=true");
            }
        }
    }

    private void boot(Map<String, String> brokerProperties) throws Exception {
        Path home = OfficialPeers.officialHome(dir.resolve("home"));
        Path ns = OfficialPeers.writeProperties(dir.resolve("namesrv.properties"),
            Map.of("listenPort", Integer.toString(namesrvPort)));
        Path store = dir.resolve("store");
        Map<String, String> props = new TreeMap<>();
        props.put("brokerClusterName", "DefaultCluster");
        props.put("brokerName", "broker-a");
        props.put("brokerId", "0");
        props.put("namesrvAddr", namesrv());
        props.put("brokerIP1", "127.0.0.1");
        props.put("listenPort", Integer.toString(brokerPort));
        props.put("storePathRootDir", store.toString());
        props.put("storePathCommitLog", store.resolve("commitlog").toString());
        props.put("autoCreateTopicEnable", "true");
        props.put("autoCreateSubscriptionGroup", "true");
        props.put("flushIntervalCommitLog", "100");
        props.putAll(brokerProperties);
        Path broker = OfficialPeers.writeProperties(dir.resolve("broker.properties"), props);
        List<String> classpath = official ? OfficialPeers.officialClasspath()
            : List.of(System.getProperty("java.class.path"));
        daemons.add(ChildJvm.builder(official ? "org.apache.rocketmq.namesrv.NamesrvStartup" : "io.apogee.namesrv.NamesrvStartup")
            .classpath(classpath).officialJdk17Opens().userHome(dir).rocketmqHome(home).args("-c", ns.toString())
            .start(dir.resolve("namesrv.out")));
        daemons.get(0).awaitOutput("boot success", Duration.ofSeconds(60));
        daemons.add(ChildJvm.builder(official ? "org.apache.rocketmq.broker.BrokerStartup" : "io.apogee.broker.BrokerStartup")
            .classpath(classpath).officialJdk17Opens().userHome(dir).rocketmqHome(home).args("-c", broker.toString())
            .start(dir.resolve("broker.out")));
        daemons.get(1).awaitOutput("boot success", Duration.ofSeconds(90));
    }

    /** Stops the broker first, so it can unregister from the name server it outlives. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
    }
}
