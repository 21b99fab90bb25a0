package io.apogee.store;

import static io.apogee.store.StoreTestSupport.bodyOf;
import static io.apogee.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

class StoreBehaviourTest {
    @TempDir
    Path root;
    DefaultMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void aQueueNeverWrittenSpansOffsetsZeroToZero() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        assertThat(store.getMinOffsetInQueue("NeverWritten", 3)).isZero();
        assertThat(store.getMaxOffsetInQueue("NeverWritten", 3)).isZero();
    }

    @Test
    void arrivingListenerHearsEveryDispatchedMessageWithItsNextOffset() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        store = new DefaultMessageStore(cfg, (topic, queueId, logicOffset, tagsCode, storeTime, bitMap, props) ->
            heard.add(topic + "/" + queueId + "@" + logicOffset + " tags=" + props.get(MessageConst.PROPERTY_TAGS)));
        store.load();
        store.start();
        store.putMessage(message("L", 2, "A", null, "x"));
        store.putMessage(message("L", 2, "B", null, "y"));
        store.waitForDispatch(5000);
        assertThat(heard).containsExactly("L/2@1 tags=A", "L/2@2 tags=B");
    }

    @Test
    void syncFlushAnswersFlushDiskTimeoutWhenTheFsyncIsLate() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH);
        cfg.setSyncFlushTimeout(0);
        store = StoreTestSupport.open(cfg);
        // With a 0 ms budget nearly every put is late; the group commit may still win a rare race, so look for
        // the status among a few puts rather than demanding it of exactly one.
        PutMessageResult late = null;
        for (int i = 0; i < 20 && late == null; i++) {
            PutMessageResult r = store.putMessage(message("S", 0, null, null, "late" + i));
            assertThat(r.getAppendMessageResult().isOk()).isTrue();
            if (r.getPutMessageStatus() == PutMessageStatus.FLUSH_DISK_TIMEOUT) {
                late = r;
            }
        }
        assertThat(late).as("a put answered FLUSH_DISK_TIMEOUT").isNotNull();
        MessageExtBrokerInner noWait = message("S", 0, null, null, "nowait");
        noWait.setWaitStoreMsgOK(false);
        noWait.setPropertiesString(MessageDecoder.messageProperties2String(noWait.getProperties()));
        assertThat(store.putMessage(noWait).getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
    }

    @Test
    void syncFlushAcknowledgesOnlyFlushedData() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH));
        for (int i = 0; i < 50; i++) {
            PutMessageResult r = store.putMessage(message("S", 0, null, null, "m" + i));
            assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            long end = r.getAppendMessageResult().getWroteOffset() + r.getAppendMessageResult().getWroteBytes();
            assertThat(store.getCommitLog().getMappedFileQueue().getFlushedWhere()).isGreaterThanOrEqualTo(end);
        }
    }

    @Test
    void preparedTransactionMessagesStayOutOfConsumeQueues() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        MessageExtBrokerInner half = message("Tx", 0, null, "txkey", "half");
        half.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        PutMessageResult r = store.putMessage(half);
        assertThat(r.getAppendMessageResult().getLogicsOffset()).isZero();
        store.putMessage(message("Tx", 0, null, null, "normal"));
        store.waitForDispatch(5000);
        assertThat(store.getMaxOffsetInQueue("Tx", 0)).isEqualTo(1);
        assertThat(bodyOf(store.lookMessageByOffset(r.getAppendMessageResult().getWroteOffset()))).isEqualTo("half");
        assertThat(store.queryMessage("Tx", "txkey", 4, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
    }

    @Test
    void delayedMessagesWaitInTheScheduleTopicKeyedByDeliveryTime() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        MessageExtBrokerInner m = message("Real", 3, "T", null, "later");
        m.setDelayTimeLevel(2); // 5s
        m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
        store.putMessage(m);
        store.waitForDispatch(5000);
        assertThat(store.getMaxOffsetInQueue(DelayLevels.SCHEDULE_TOPIC, 1)).isEqualTo(1);
        GetMessageResult r = store.getMessage("G", DelayLevels.SCHEDULE_TOPIC, 1, 0, 1, null);
        MessageExt parked = MessageDecoder.decode(r.getMessageBufferList().get(0).slice());
        r.release();
        assertThat(parked.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("Real");
        assertThat(parked.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)).isEqualTo("3");
        SelectMappedBufferResult unit = store.getConsumeQueue(DelayLevels.SCHEDULE_TOPIC, 1).getIndexBuffer(0);
        assertThat(unit.getByteBuffer().getLong(12)).isEqualTo(parked.getStoreTimestamp() + 5000);
        unit.release();
    }

    @Test
    void nonAsciiKeysAndTopicsAreIndexedLikeTheirStrings() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        store.putMessage(message("主题", 0, "标签", "订单-1 order-2", "body"));
        store.waitForDispatch(5000);
        assertThat(store.queryMessage("主题", "订单-1", 4, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
        assertThat(store.queryMessage("主题", "order-2", 4, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
        SelectMappedBufferResult unit = store.getConsumeQueue("主题", 0).getIndexBuffer(0);
        assertThat(unit.getByteBuffer().getLong(12)).isEqualTo("标签".hashCode());
        unit.release();
    }

    @Test
    void transientStorePoolServesReadsOnlyAfterCommit() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH);
        cfg.setTransientStorePoolEnable(true);
        cfg.setTransientStorePoolSize(3);
        cfg.setCommitIntervalCommitLog(5);
        store = StoreTestSupport.open(cfg);
        for (int i = 0; i < 600; i++) {
            assertThat(store.putMessage(message("P", 0, null, null, "p" + i)).getPutMessageStatus())
                .isEqualTo(PutMessageStatus.PUT_OK);
        }
        // readers see pooled bytes only once the commit thread moved them into the file
        long deadline = System.currentTimeMillis() + 5000;
        while (store.getMaxOffsetInQueue("P", 0) < 600 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.getMaxOffsetInQueue("P", 0)).isEqualTo(600);
        GetMessageResult r = store.getMessage("G", "P", 0, 590, 32, null);
        assertThat(r.getMessageCount()).isEqualTo(10);
        for (ByteBuffer b : r.getMessageBufferList()) {
            MessageExt m = MessageDecoder.decode(b.slice());
            assertThat(bodyOf(m)).isEqualTo("p" + m.getQueueOffset());
        }
        r.release();
        store.shutdown();
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        assertThat(store.getMaxOffsetInQueue("P", 0)).isEqualTo(600);
    }

    @Test
    void shutdownStopsEveryStoreThread() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH));
        store.putMessage(message("X", 0, null, null, "x"));
        store.shutdown();
        store = null;
        Set<String> names = Set.of("FlushRealTimeService", "GroupCommitService", "ReputMessageService",
            "FlushConsumeQueueService", "AllocateMappedFileService", "StoreStatsService", "CleanResourceService",
            "CommitRealTimeService");
        Thread.sleep(50);
        Set<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
            .map(Thread::getName).filter(names::contains).collect(Collectors.toSet());
        assertThat(alive).isEmpty();
    }
}
