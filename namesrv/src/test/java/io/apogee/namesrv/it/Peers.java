package io.apogee.namesrv.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/**
 * Starts the Apogee name server the namesrv ITs test, from the module's built jar; the official 4.9.7 peers it is
 * compared with come from {@link OfficialPeers}.
 */
public final class Peers {
    private Peers() {
    }

    /** Starts the Apogee name server as a child JVM and waits for its boot line. */
    public static ChildJvm startApogeeNamesrv(Path dir, int port, Map<String, String> extraConfig)
        throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Map<String, String> props = new TreeMap<>(Map.of("listenPort", Integer.toString(port),
            "bindAddress", "127.0.0.1", "kvConfigPath", dir.resolve("namesrv/kvConfig.json").toString()));
        props.putAll(extraConfig);
        Path conf = OfficialPeers.writeProperties(dir.resolve("namesrv.properties"), props);
        ChildJvm ns = ChildJvm.builder("io.apogee.namesrv.NamesrvStartup")
            .classpath(OfficialPeers.apogeeModuleClasspath("namesrv")).userHome(dir)
            .args("-c", conf.toString()).start(dir.resolve("apogee-namesrv.out"));
        ns.awaitOutput("The Name Server boot success. serializeType=JSON", Duration.ofSeconds(30));
        return ns;
    }

    /** An official 4.9.7 master broker with a 1 MiB commit-log file, registered to {@code namesrvAddr}. */
    public static ChildJvm startOfficialBroker(Path dir, String brokerName, int port, String namesrvAddr)
        throws IOException, InterruptedException {
        return OfficialPeers.startBroker(dir, brokerName, port, namesrvAddr,
            Map.of("mappedFileSizeCommitLog", "1048576"));
    }
}
