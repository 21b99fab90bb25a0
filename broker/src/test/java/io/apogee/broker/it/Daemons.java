package io.apogee.broker.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.OfficialPeers;

/**
 * Starts the Apogee daemons the broker ITs talk to the way a user does, through {@code bin/mqnamesrv} and
 * {@code bin/mqbroker} of the built tree, bound to 127.0.0.1 ports chosen at run time, with tiny mapped files, and
 * with their files (and user.home) in a temp dir. The official peers come from {@link OfficialPeers}.
 */
public final class Daemons {
    private Daemons() {
    }

    /** broker.conf for a small test broker on 127.0.0.1:port storing under dir/store. */
    public static Path brokerConf(Path dir, String brokerName, int port, String namesrvAddr, Map<String, String> extra)
        throws IOException {
        return OfficialPeers.writeProperties(dir.resolve("broker.conf"),
            OfficialPeers.smallBrokerProperties(dir, brokerName, port, namesrvAddr, extra));
    }

    /** {@code sh bin/mqnamesrv -c file} from the built tree, with its kvConfig.json and user.home under {@code dir}. */
    public static ChildJvm startApogeeNamesrv(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = OfficialPeers.writeProperties(dir.resolve("namesrv.properties"), Map.of("listenPort",
            Integer.toString(port), "bindAddress", "127.0.0.1", "kvConfigPath",
            dir.resolve("namesrv/kvConfig.json").toString()));
        Map<String, String> env = Map.of("JAVA_OPT", "-Duser.home=" + dir + " -Xms64m -Xmx128m"
            + " -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true");
        ChildJvm ns = ChildJvm.script("mqnamesrv", List.of("sh",
            OfficialPeers.repoRoot().resolve("bin/mqnamesrv").toString(), "-c", conf.toString()), env, dir,
            dir.resolve("apogee-namesrv.out"));
        ns.awaitOutput("The Name Server boot success. serializeType=JSON", Duration.ofSeconds(60));
        return ns;
    }

    /** {@code sh bin/mqbroker -c conf} from the built tree; waits for {@code bootText} unless it is null. */
    public static ChildJvm startBrokerScript(Path dir, Path conf, String bootText) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("JAVA_OPT", "-Duser.home=" + dir + " -Xms256m -Xmx256m"
            + " -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true -XX:MaxDirectMemorySize=256m");
        ChildJvm b = ChildJvm.script("mqbroker", List.of("sh",
            OfficialPeers.repoRoot().resolve("bin/mqbroker").toString(), "-c", conf.toString()),
            env, dir, dir.resolve("broker-" + System.nanoTime() + ".out"));
        if (bootText != null) {
            b.awaitOutput(bootText, Duration.ofSeconds(90));
        }
        return b;
    }
}
