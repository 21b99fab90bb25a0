package io.apogee.client.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Apogee client against Apogee's own name server and broker. The broker module depends on the client,
 * so it is packaged after these tests in a reactor build: this suite uses the daemons a previous build left
 * in {@code ../broker/target} and {@code ../namesrv/target}, and is skipped when there are none.
 */
class ApogeeDaemonsIT extends ClientScenarios {
    @Override
    Cluster.Kind kind() {
        return Cluster.Kind.APOGEE;
    }

    @BeforeAll
    @Override
    void startCluster() throws Exception {
        Assumptions.assumeTrue(Cluster.apogeeDaemonsBuilt(), "Apogee broker/namesrv not packaged yet");
        super.startCluster();
    }
}
