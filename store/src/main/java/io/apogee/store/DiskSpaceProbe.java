package io.apogee.store;

import io.apogee.common.UtilAll;

/** Used share (0.0–1.0, or -1 if unknown) of the disk holding a path; replaceable so tests can fill a disk. */
@FunctionalInterface
public interface DiskSpaceProbe {
    DiskSpaceProbe DEFAULT = UtilAll::getDiskPartitionSpaceUsedPercent;

    double usedRatio(String path);
}
