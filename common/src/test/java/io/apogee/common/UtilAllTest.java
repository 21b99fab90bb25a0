package io.apogee.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilAllTest {

    @Test
    void diskUsageLeavesRootReservedBlocksOutAndRoundsUpLikeDf() {
        // 100 blocks, 10 unallocated of which 5 are reserved for root: 90 used of 95 a user can have -> 95 %
        assertThat(UtilAll.usedRatio(100, 10, 5)).isEqualTo(0.95);
        // exact percentages are not rounded up
        assertThat(UtilAll.usedRatio(200, 100, 100)).isEqualTo(0.5);
        assertThat(UtilAll.usedRatio(1000, 1000, 1000)).isEqualTo(0.0);
        assertThat(UtilAll.usedRatio(1000, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void diskUsageIsUnknownForMissingPathsAndEmptyPartitions(@TempDir Path dir) {
        assertThat(UtilAll.getDiskPartitionSpaceUsedPercent(dir.resolve("absent").toString())).isEqualTo(-1);
        assertThat(UtilAll.getDiskPartitionSpaceUsedPercent("")).isEqualTo(-1);
        assertThat(UtilAll.usedRatio(0, 0, 0)).isEqualTo(-1);
        assertThat(UtilAll.getDiskPartitionSpaceUsedPercent(dir.toString())).isBetween(0.0, 1.0);
    }
}
