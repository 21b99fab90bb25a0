package io.apogee.tools.command.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The #FallBehind column: replication lag in bytes per broker, "-" where a broker cannot tell. */
class ClusterListCommandTest {
    private static final Map<String, String> MASTER = Map.of("commitLogMaxOffset", "5000",
        "slaveFallBehindMuch", "1200", "haConnectionCount", "1");

    @Test
    void masterShowsTheBytesItsSlaveStillMisses() {
        assertThat(ClusterListCommand.fallBehind(0, MASTER, MASTER)).isEqualTo("1200");
    }

    @Test
    void masterWithoutAConnectedSlaveHasNoLag() {
        Map<String, String> alone = Map.of("commitLogMaxOffset", "5000", "slaveFallBehindMuch", "5000",
            "haConnectionCount", "0");
        assertThat(ClusterListCommand.fallBehind(0, alone, alone)).isEqualTo("-");
    }

    @Test
    void officialMasterDoesNotReportTheLag() {
        Map<String, String> official = Map.of("commitLogMaxOffset", "5000");
        assertThat(ClusterListCommand.fallBehind(0, official, official)).isEqualTo("-");
    }

    @Test
    void slaveShowsHowFarItsCommitLogIsBehindTheMasters() {
        assertThat(ClusterListCommand.fallBehind(1, Map.of("commitLogMaxOffset", "3500"), MASTER)).isEqualTo("1500");
        assertThat(ClusterListCommand.fallBehind(1, Map.of("commitLogMaxOffset", "5000"), MASTER)).isEqualTo("0");
        // fetched after the master: it may already hold more than the master had a moment earlier
        assertThat(ClusterListCommand.fallBehind(1, Map.of("commitLogMaxOffset", "5100"), MASTER)).isEqualTo("0");
    }

    @Test
    void slaveWhoseMasterDidNotAnswerHasNoLag() {
        assertThat(ClusterListCommand.fallBehind(1, Map.of("commitLogMaxOffset", "3500"), null)).isEqualTo("-");
        assertThat(ClusterListCommand.fallBehind(1, null, MASTER)).isEqualTo("-");
    }
}
