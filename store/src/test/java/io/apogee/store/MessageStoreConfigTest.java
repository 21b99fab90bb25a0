package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.apogee.common.config.PropertiesBinder;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

class MessageStoreConfigTest {
    @Test
    void defaultsAreRocketMqs() {
        MessageStoreConfig c = new MessageStoreConfig();
        assertThat(c.getStorePathRootDir()).isEqualTo(System.getProperty("user.home") + File.separator + "store");
        assertThat(c.getStorePathCommitLog()).isEqualTo(c.getStorePathRootDir() + File.separator + "commitlog");
        assertThat(c.getMappedFileSizeCommitLog()).isEqualTo(1024 * 1024 * 1024);
        assertThat(c.getMappedFileSizeConsumeQueue()).isEqualTo(6_000_000);
        assertThat(c.getMaxMessageSize()).isEqualTo(4 * 1024 * 1024);
        assertThat(c.getFlushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);
        assertThat(c.getBrokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(c.getDeleteWhen()).isEqualTo("04");
        assertThat(c.getFileReservedTime()).isEqualTo(72);
        assertThat(c.getDiskMaxUsedSpaceRatio()).isEqualTo(75);
        assertThat(c.getMaxHashSlotNum()).isEqualTo(5_000_000);
        assertThat(c.getMaxIndexNum()).isEqualTo(20_000_000);
        assertThat(c.getSyncFlushTimeout()).isEqualTo(5000);
        assertThat(c.getFlushCommitLogLeastPages()).isEqualTo(4);
        assertThat(c.getFlushIntervalCommitLog()).isEqualTo(500);
        assertThat(c.getFlushCommitLogThoroughInterval()).isEqualTo(10_000);
        assertThat(c.getHaListenPort()).isEqualTo(10912);
        assertThat(c.isTransientStorePoolEnable()).isFalse();
        assertThat(c.isMessageIndexEnable()).isTrue();
    }

    @Test
    void bindsCurrentAndOldTutorialSpellingsAndDerivesPathsFromTheRoot() {
        Properties p = new Properties();
        p.setProperty("storePathRootDir", "/data/rmq");
        p.setProperty("mapedFileSizeCommitLog", "65536");
        p.setProperty("mappedFileSizeConsumeQueue", "2000");
        p.setProperty("flushDiskType", "SYNC_FLUSH");
        p.setProperty("brokerRole", "SLAVE");
        p.setProperty("storePathIndex", "/idx");
        MessageStoreConfig c = new MessageStoreConfig();

        assertThat(PropertiesBinder.bind(p, MessageStoreConfig.ALIASES, c)).isEmpty();

        assertThat(c.getMappedFileSizeCommitLog()).isEqualTo(65536);
        assertThat(c.getMappedFileSizeConsumeQueue()).isEqualTo(2000);
        assertThat(c.getFlushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(c.getBrokerRole()).isEqualTo(BrokerRole.SLAVE);
        assertThat(c.getStorePathCommitLog()).isEqualTo("/data/rmq" + File.separator + "commitlog");
        assertThat(c.getStorePathConsumeQueue()).isEqualTo("/data/rmq" + File.separator + "consumequeue");
        assertThat(c.getStoreCheckpoint()).isEqualTo("/data/rmq" + File.separator + "checkpoint");
        assertThat(c.getAbortFile()).isEqualTo("/data/rmq" + File.separator + "abort");
        assertThat(c.getStorePathIndex()).isEqualTo("/idx");
    }

    @Test
    void diskRatioIsClampedAndConsumeQueueSizeRoundedToUnits() {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setDiskMaxUsedSpaceRatio(3);
        assertThat(c.getDiskMaxUsedSpaceRatio()).isEqualTo(10);
        c.setDiskMaxUsedSpaceRatio(99);
        assertThat(c.getDiskMaxUsedSpaceRatio()).isEqualTo(95);
        c.setMappedFileSizeConsumeQueue(1001);
        assertThat(c.getMappedFileSizeConsumeQueue()).isEqualTo(1020);
    }
}
