package io.apogee.store;

import static io.apogee.store.StoreTestSupport.bodyOf;
import static io.apogee.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.FlushDiskType;

class DefaultMessageStoreTest {
    @TempDir
    Path root;
    DefaultMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<MessageExt> pull(String topic, int queueId, long offset, int max) {
        GetMessageResult r = store.getMessage("G", topic, queueId, offset, max, null);
        List<MessageExt> out = new ArrayList<>();
        for (ByteBuffer b : r.getMessageBufferList()) {
            out.add(MessageDecoder.decode(b.slice()));
        }
        r.release();
        return out;
    }

    @Test
    void putThenPullReturnsTheMessageWithBrokerAssignedFields() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        MessageExtBrokerInner msg = message("TopicA", 1, "TagA", "k1 k2", "hello");

        PutMessageResult put = store.putMessage(msg);

        assertThat(put.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(put.getAppendMessageResult().getWroteOffset()).isZero();
        assertThat(put.getAppendMessageResult().getLogicsOffset()).isZero();
        assertThat(put.getAppendMessageResult().getMsgId())
            .isEqualTo(MessageDecoder.createMessageId(StoreTestSupport.STORE_HOST, 0));
        assertThat(store.waitForDispatch(5000)).isTrue();
        List<MessageExt> got = pull("TopicA", 1, 0, 32);
        assertThat(got).hasSize(1);
        MessageExt m = got.get(0);
        assertThat(bodyOf(m)).isEqualTo("hello");
        assertThat(m.getTags()).isEqualTo("TagA");
        assertThat(m.getKeys()).isEqualTo("k1 k2");
        assertThat(m.getQueueId()).isEqualTo(1);
        assertThat(m.getQueueOffset()).isZero();
        assertThat(m.getCommitLogOffset()).isZero();
        assertThat(m.getStoreTimestamp()).isEqualTo(msg.getStoreTimestamp());
        assertThat(m.getStoreHost()).isEqualTo(StoreTestSupport.STORE_HOST);
        assertThat(m.getBornHost()).isEqualTo(StoreTestSupport.BORN_HOST);
        assertThat(m.getStoreSize()).isEqualTo(put.getAppendMessageResult().getWroteBytes());
    }

    @Test
    void putsFeedThePutLatencyPercentilesOfTheRuntimeInfo() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        assertThat(store.getRuntimeInfo()).containsEntry("putLatency99", "0.00").containsEntry("putLatency999", "0.00");
        for (int i = 0; i < 20; i++) {
            assertThat(store.putMessage(message("TopicL", 0, null, null, "m" + i)).getPutMessageStatus())
                .isEqualTo(PutMessageStatus.PUT_OK);
        }
        store.getStoreStatsService().rollLatencyWindow();
        // every put takes some time, so the percentiles of a window with puts are above zero
        assertThat(Double.parseDouble(store.getRuntimeInfo().get("putLatency99"))).isPositive();
        assertThat(Double.parseDouble(store.getRuntimeInfo().get("putLatency999")))
            .isGreaterThanOrEqualTo(Double.parseDouble(store.getRuntimeInfo().get("putLatency99")));
    }

    @Test
    void rollsOverTinyFilesAndServesEveryOffset() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        int n = 700; // ~170 bytes each: > 1.5 commit log files of 64 KiB, 7 CQ files of 100 units
        for (int i = 0; i < n; i++) {
            PutMessageResult r = store.putMessage(message("Roll", 0, "T" + (i % 3), "key" + i, "body-" + i));
            assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(i);
        }
        assertThat(store.waitForDispatch(5000)).isTrue();
        assertThat(store.getCommitLog().getMappedFileQueue().getMappedFiles().size()).isGreaterThan(1);
        assertThat(store.getMaxOffsetInQueue("Roll", 0)).isEqualTo(n);
        long offset = 0;
        int seen = 0;
        while (offset < n) {
            GetMessageResult r = store.getMessage("G", "Roll", 0, offset, 32, null);
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            for (ByteBuffer b : r.getMessageBufferList()) {
                MessageExt m = MessageDecoder.decode(b.slice());
                assertThat(bodyOf(m)).isEqualTo("body-" + m.getQueueOffset());
                assertThat(m.getQueueOffset()).isEqualTo(seen);
                seen++;
            }
            r.release();
            offset = r.getNextBeginOffset();
        }
        assertThat(seen).isEqualTo(n);
    }

    @Test
    void getMessageStatusesFollowTheOffsetTable() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        assertThat(store.getMessage("G", "None", 0, 0, 32, null).getStatus())
            .isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
        for (int i = 0; i < 5; i++) {
            store.putMessage(message("S", 0, null, null, "m" + i));
        }
        store.waitForDispatch(5000);
        GetMessageResult one = store.getMessage("G", "S", 0, 5, 32, null);
        assertThat(one.getStatus()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        assertThat(one.getNextBeginOffset()).isEqualTo(5);
        GetMessageResult badly = store.getMessage("G", "S", 0, 9, 32, null);
        assertThat(badly.getStatus()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
        GetMessageResult found = store.getMessage("G", "S", 0, 2, 2, null);
        assertThat(found.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(found.getMessageCount()).isEqualTo(2);
        assertThat(found.getNextBeginOffset()).isEqualTo(4);
        assertThat(found.getMinOffset()).isZero();
        assertThat(found.getMaxOffset()).isEqualTo(5);
        found.release();
    }

    @Test
    void tagHashFilterSkipsOtherTags() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        for (int i = 0; i < 10; i++) {
            store.putMessage(message("F", 0, i % 2 == 0 ? "A" : "B", null, "m" + i));
        }
        store.waitForDispatch(5000);
        MessageFilter onlyB = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(Long tagsCode, Object cqExtUnit) {
                return tagsCode != null && tagsCode == "B".hashCode();
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
                return true;
            }
        };
        GetMessageResult r = store.getMessage("G", "F", 0, 0, 32, onlyB);
        assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(r.getMessageCount()).isEqualTo(5);
        for (ByteBuffer b : r.getMessageBufferList()) {
            assertThat(MessageDecoder.decode(b.slice()).getTags()).isEqualTo("B");
        }
        r.release();
        MessageFilter none = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(Long tagsCode, Object cqExtUnit) {
                return false;
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
                return false;
            }
        };
        GetMessageResult nothing = store.getMessage("G", "F", 0, 0, 32, none);
        assertThat(nothing.getStatus()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
        assertThat(nothing.getNextBeginOffset()).isEqualTo(10);
    }

    @Test
    void batchPutStoresEachMessageWithConsecutiveQueueOffsets() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH));
        store.putMessage(message("B", 0, null, null, "first"));
        List<Message> msgs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Message m = new Message("B", "TagB", "bk" + i, ("batch-" + i).getBytes());
            MessageClientIDSetter.setUniqID(m);
            msgs.add(m);
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic("B");
        batch.setQueueId(0);
        batch.setBody(MessageDecoder.encodeMessages(msgs));
        batch.setBornHost(StoreTestSupport.BORN_HOST);
        batch.setStoreHost(StoreTestSupport.STORE_HOST);
        batch.setBornTimestamp(System.currentTimeMillis());
        batch.setPropertiesString("CLUSTER\u0001DefaultCluster");

        PutMessageResult r = store.putMessages(batch);

        assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(1);
        assertThat(r.getAppendMessageResult().getMsgNum()).isEqualTo(4);
        assertThat(r.getAppendMessageResult().getMsgId().split(",")).hasSize(4);
        store.waitForDispatch(5000);
        List<MessageExt> got = pull("B", 0, 1, 32);
        assertThat(got).hasSize(4);
        for (int i = 0; i < 4; i++) {
            MessageExt m = got.get(i);
            assertThat(bodyOf(m)).isEqualTo("batch-" + i);
            assertThat(m.getQueueOffset()).isEqualTo(1 + i);
            assertThat(m.getKeys()).isEqualTo("bk" + i);
            assertThat(m.getProperty("CLUSTER")).isEqualTo("DefaultCluster");
            assertThat(m.getBodyCRC()).isEqualTo(io.apogee.common.UtilAll.crc32(m.getBody()));
            assertThat(MessageDecoder.createMessageId(StoreTestSupport.STORE_HOST, m.getCommitLogOffset()))
                .isEqualTo(r.getAppendMessageResult().getMsgId().split(",")[i]);
        }
    }

    @Test
    void queryByKeyAndUniqueKey() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        MessageExtBrokerInner target = null;
        for (int i = 0; i < 50; i++) {
            MessageExtBrokerInner m = message("Q", i % 4, null, "order-" + (i % 10) + " shared", "b" + i);
            store.putMessage(m);
            if (i == 17) {
                target = m;
            }
        }
        store.waitForDispatch(5000);
        QueryMessageResult byKey = store.queryMessage("Q", "order-7", 32, 0, Long.MAX_VALUE);
        assertThat(byKey.getMessageBufferList()).hasSize(5);
        byKey.release();
        QueryMessageResult shared = store.queryMessage("Q", "shared", 20, 0, Long.MAX_VALUE);
        assertThat(shared.getMessageBufferList()).hasSize(20);
        shared.release();
        String uniq = MessageClientIDSetter.getUniqID(target);
        QueryMessageResult byUniq = store.queryMessage("Q", uniq, 32, 0, Long.MAX_VALUE);
        assertThat(byUniq.getMessageBufferList()).hasSize(1);
        assertThat(bodyOf(MessageDecoder.decode(byUniq.getMessageBufferList().get(0).slice()))).isEqualTo("b17");
        byUniq.release();
        assertThat(store.queryMessage("OtherTopic", "order-7", 32, 0, Long.MAX_VALUE).getMessageBufferList()).isEmpty();
    }

    @Test
    void timeSearchFindsTheFirstMessageStoredAtOrAfter() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        long[] times = new long[30];
        for (int i = 0; i < 30; i++) {
            MessageExtBrokerInner m = message("Time", 0, null, null, "t" + i);
            store.putMessage(m);
            times[i] = m.getStoreTimestamp();
            if (i % 10 == 9) {
                Thread.sleep(15);
            }
        }
        store.waitForDispatch(5000);
        assertThat(store.getOffsetInQueueByTime("Time", 0, times[0] - 1000)).isZero();
        assertThat(store.getOffsetInQueueByTime("Time", 0, times[10])).isEqualTo(firstAtOrAfter(times, times[10]));
        assertThat(store.getOffsetInQueueByTime("Time", 0, times[20])).isEqualTo(firstAtOrAfter(times, times[20]));
        assertThat(store.getOffsetInQueueByTime("Time", 0, times[29] + 10_000)).isEqualTo(30);
        assertThat(store.getEarliestMessageTime("Time", 0)).isEqualTo(times[0]);
        assertThat(store.getMessageStoreTimeStamp("Time", 0, 12)).isEqualTo(times[12]);
        assertThat(store.getEarliestMessageTime()).isEqualTo(times[0]);
    }

    private static long firstAtOrAfter(long[] times, long t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] >= t) {
                return i;
            }
        }
        return times.length;
    }

    @Test
    void lookMessageByOffsetAndCommitLogData() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        store.putMessage(message("L", 0, null, null, "zero"));
        PutMessageResult second = store.putMessage(message("L", 0, null, null, "one"));
        long off = second.getAppendMessageResult().getWroteOffset();
        assertThat(bodyOf(store.lookMessageByOffset(off))).isEqualTo("one");
        SelectMappedBufferResult data = store.getCommitLogData(0);
        assertThat(data.getSize()).isEqualTo((int) store.getMaxPhyOffset());
        data.release();
        store.waitForDispatch(5000);
        assertThat(store.getCommitLogOffsetInQueue("L", 0, 1)).isEqualTo(off);
    }

    @Test
    void rejectsOversizedBodyAndLongTopic() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        MessageExtBrokerInner big = message("Big", 0, null, null, "x".repeat(9000));
        assertThat(store.putMessage(big).getPutMessageStatus()).isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
        MessageExtBrokerInner longTopic = message("t".repeat(128), 0, null, null, "x");
        assertThat(store.putMessage(longTopic).getPutMessageStatus()).isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
        assertThat(store.putMessage(message("Ok", 0, null, null, "fine")).getPutMessageStatus())
            .isEqualTo(PutMessageStatus.PUT_OK);
    }

    @Test
    void secondStoreOnTheSameDirectoryFailsWithTheRocketMqMessage() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        DefaultMessageStore second = new DefaultMessageStore(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        org.assertj.core.api.Assertions.assertThatThrownBy(second::load)
            .hasMessage("Lock failed,MQ already started");
    }
}
