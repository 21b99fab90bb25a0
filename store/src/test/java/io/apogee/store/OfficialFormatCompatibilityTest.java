package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.store.config.StorePathConfigHelper;
import org.apache.rocketmq.store.stats.BrokerStatsManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Byte compatibility with Apache RocketMQ 4.9.7 in both directions: files Apogee writes are read by the
 * official decoder and the official DefaultMessageStore, and a store directory the official
 * DefaultMessageStore wrote is opened and served by Apogee.
 */
class OfficialFormatCompatibilityTest {
    private static final int MESSAGES = 400;
    @TempDir
    Path root;

    private static String body(int i) {
        return "payload-" + i + "-" + "z".repeat(i % 97);
    }

    @Test
    void officialDecoderAndStoreReadWhatApogeeWrote() throws Exception {
        MessageStoreConfig cfg = StoreTestSupport.config(root, FlushDiskType.SYNC_FLUSH);
        DefaultMessageStore store = StoreTestSupport.open(cfg);
        List<MessageExtBrokerInner> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            MessageExtBrokerInner m = StoreTestSupport.message("Compat" + (i % 2), i % 3, "Tag" + (i % 4), "key" + i,
                body(i));
            if (i % 50 == 7) {
                m.setBornHost(new InetSocketAddress("::1", 40000 + i));
            }
            assertThat(store.putMessage(m).getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            sent.add(m);
        }
        store.waitForDispatch(5000);
        store.shutdown();

        // 1. every record, decoded by org.apache.rocketmq.common.message.MessageDecoder straight from the files
        List<org.apache.rocketmq.common.message.MessageExt> decoded = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("commitlog")).sorted()) {
            for (Path f : files.toList()) {
                ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(f));
                while (buf.remaining() >= 8) {
                    int size = buf.getInt(buf.position());
                    int magic = buf.getInt(buf.position() + 4);
                    if (size == 0 || magic == -875286124 /* official BLANK_MAGIC_CODE */) {
                        break;
                    }
                    ByteBuffer one = buf.slice(buf.position(), size);
                    decoded.add(org.apache.rocketmq.common.message.MessageDecoder.decode(one, true, false, false));
                    buf.position(buf.position() + size);
                }
            }
        }
        assertThat(decoded).hasSize(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            org.apache.rocketmq.common.message.MessageExt o = decoded.get(i);
            MessageExtBrokerInner s = sent.get(i);
            assertThat(o).as("record %d decodes", i).isNotNull();
            assertThat(org.apache.rocketmq.common.UtilAll.crc32(o.getBody())).as("official CRC of record %d", i)
                .isEqualTo(o.getBodyCRC());
            assertThat(o.getTopic()).isEqualTo(s.getTopic());
            assertThat(o.getQueueId()).isEqualTo(s.getQueueId());
            assertThat(o.getQueueOffset()).isEqualTo(s.getQueueOffset());
            assertThat(o.getCommitLogOffset()).isEqualTo(s.getCommitLogOffset());
            assertThat(o.getStoreTimestamp()).isEqualTo(s.getStoreTimestamp());
            assertThat(o.getBornTimestamp()).isEqualTo(s.getBornTimestamp());
            assertThat(o.getBornHost()).isEqualTo(s.getBornHost());
            assertThat(o.getStoreHost()).isEqualTo(s.getStoreHost());
            assertThat(o.getSysFlag()).isEqualTo(s.getSysFlag());
            assertThat(o.getBodyCRC()).isEqualTo(s.getBodyCRC());
            assertThat(new String(o.getBody(), StandardCharsets.UTF_8)).isEqualTo(body(i));
            assertThat(o.getTags()).isEqualTo(s.getTags());
            assertThat(o.getKeys()).isEqualTo(s.getKeys());
            assertThat(o.getProperty("UNIQ_KEY")).isEqualTo(MessageClientIDSetter.getUniqID(s));
            assertThat(o.getMsgId()).isEqualTo(MessageDecoder.createMessageId(s.getStoreHost(), s.getCommitLogOffset()));
        }

        // 2. the official store opens the directory and serves every queue and key
        org.apache.rocketmq.store.DefaultMessageStore official = openOfficial();
        try {
            for (int t = 0; t < 2; t++) {
                for (int q = 0; q < 3; q++) {
                    String topic = "Compat" + t;
                    final int queueId = q;
                    long expected = sent.stream().filter(m -> m.getTopic().equals(topic)).filter(
                        m -> m.getQueueId() == queueId).count();
                    assertThat(official.getMaxOffsetInQueue(topic, queueId)).isEqualTo(expected);
                    List<org.apache.rocketmq.common.message.MessageExt> got = pullOfficial(official, topic, q, expected);
                    List<MessageExtBrokerInner> want = sent.stream().filter(m -> m.getTopic().equals(topic))
                        .filter(m -> m.getQueueId() == queueId).toList();
                    assertThat(got).hasSize(want.size());
                    for (int i = 0; i < want.size(); i++) {
                        assertThat(got.get(i).getBody()).isEqualTo(want.get(i).getBody());
                        assertThat(got.get(i).getQueueOffset()).isEqualTo(i);
                    }
                }
            }
            org.apache.rocketmq.store.QueryMessageResult byKey = official.queryMessage("Compat1", "key101", 10, 0,
                Long.MAX_VALUE);
            assertThat(byKey.getMessageBufferList()).hasSize(1);
            byKey.release();
        } finally {
            official.shutdown();
        }
    }

    @Test
    void apogeeServesAStoreWrittenByTheOfficialStore() throws Exception {
        org.apache.rocketmq.store.DefaultMessageStore official = openOfficial();
        List<org.apache.rocketmq.store.MessageExtBrokerInner> sent = new ArrayList<>();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                org.apache.rocketmq.store.MessageExtBrokerInner m = new org.apache.rocketmq.store.MessageExtBrokerInner();
                m.setTopic("Official" + (i % 2));
                m.setQueueId(i % 3);
                m.setTags("Tag" + (i % 4));
                m.setKeys("okey" + i);
                m.setBody(body(i).getBytes(StandardCharsets.UTF_8));
                org.apache.rocketmq.common.message.MessageClientIDSetter.setUniqID(m);
                m.setTagsCode(("Tag" + (i % 4)).hashCode());
                m.setBornTimestamp(System.currentTimeMillis());
                m.setBornHost(StoreTestSupport.BORN_HOST);
                m.setStoreHost(StoreTestSupport.STORE_HOST);
                m.setPropertiesString(org.apache.rocketmq.common.message.MessageDecoder.messageProperties2String(
                    m.getProperties()));
                org.apache.rocketmq.store.PutMessageResult r = official.putMessage(m);
                assertThat(r.getPutMessageStatus().name()).isEqualTo("PUT_OK");
                // the official store reports where it wrote in the result, not on the message
                m.setCommitLogOffset(r.getAppendMessageResult().getWroteOffset());
                m.setQueueOffset(r.getAppendMessageResult().getLogicsOffset());
                m.setStoreTimestamp(r.getAppendMessageResult().getStoreTimestamp());
                sent.add(m);
            }
            for (int i = 0; i < 500 && official.dispatchBehindBytes() > 0; i++) {
                Thread.sleep(10);
            }
        } finally {
            official.shutdown();
        }
        assertThat(Files.list(root.resolve("commitlog")).count()).isGreaterThan(1);

        DefaultMessageStore store = StoreTestSupport.open(StoreTestSupport.config(root, FlushDiskType.ASYNC_FLUSH));
        try {
            assertThat(store.getMaxPhyOffset()).isEqualTo(sent.get(MESSAGES - 1).getCommitLogOffset()
                + storedSize(store, sent.get(MESSAGES - 1).getCommitLogOffset()));
            Map<String, Long> perQueue = new HashMap<>();
            for (org.apache.rocketmq.store.MessageExtBrokerInner m : sent) {
                perQueue.merge(m.getTopic() + "/" + m.getQueueId(), 1L, Long::sum);
            }
            for (Map.Entry<String, Long> e : perQueue.entrySet()) {
                String topic = e.getKey().split("/")[0];
                int q = Integer.parseInt(e.getKey().split("/")[1]);
                assertThat(store.getMaxOffsetInQueue(topic, q)).isEqualTo(e.getValue());
                List<org.apache.rocketmq.store.MessageExtBrokerInner> want = sent.stream()
                    .filter(m -> m.getTopic().equals(topic) && m.getQueueId() == q).toList();
                long offset = 0;
                int i = 0;
                while (offset < e.getValue()) {
                    GetMessageResult r = store.getMessage("G", topic, q, offset, 32, null);
                    assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
                    for (ByteBuffer b : r.getMessageBufferList()) {
                        MessageExt m = MessageDecoder.decode(b.slice(), true, false, false, false, true);
                        org.apache.rocketmq.store.MessageExtBrokerInner w = want.get(i++);
                        assertThat(m.getBody()).isEqualTo(w.getBody());
                        assertThat(m.getQueueOffset()).isEqualTo(w.getQueueOffset());
                        assertThat(m.getCommitLogOffset()).isEqualTo(w.getCommitLogOffset());
                        assertThat(m.getKeys()).isEqualTo(w.getKeys());
                        assertThat(m.getStoreTimestamp()).isEqualTo(w.getStoreTimestamp());
                    }
                    r.release();
                    offset = r.getNextBeginOffset();
                }
                assertThat(i).isEqualTo(want.size());
            }
            QueryMessageResult byKey = store.queryMessage("Official0", "okey42", 10, 0, Long.MAX_VALUE);
            assertThat(byKey.getMessageBufferList()).hasSize(1);
            byKey.release();
            String uniq = sent.get(77).getProperty("UNIQ_KEY");
            QueryMessageResult byUniq = store.queryMessage("Official1", uniq, 10, 0, Long.MAX_VALUE);
            assertThat(byUniq.getMessageBufferList()).hasSize(1);
            byUniq.release();
            // appends continue where the official store stopped
            long maxPhy = store.getMaxPhyOffset();
            PutMessageResult next = store.putMessage(StoreTestSupport.message("Official0", 0, null, null, "apogee"));
            assertThat(next.getAppendMessageResult().getWroteOffset()).isEqualTo(maxPhy);
            assertThat(next.getAppendMessageResult().getLogicsOffset()).isEqualTo(perQueue.get("Official0/0"));
        } finally {
            store.shutdown();
        }
    }

    private static int storedSize(DefaultMessageStore store, long offset) {
        SelectMappedBufferResult r = store.selectOneMessageByOffset(offset);
        try {
            return r.getSize();
        } finally {
            r.release();
        }
    }

    private List<org.apache.rocketmq.common.message.MessageExt> pullOfficial(
        org.apache.rocketmq.store.DefaultMessageStore official, String topic, int q, long max) {
        List<org.apache.rocketmq.common.message.MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (offset < max) {
            org.apache.rocketmq.store.GetMessageResult r = official.getMessage("G", topic, q, offset, 32, null);
            assertThat(r.getStatus().name()).isEqualTo("FOUND");
            for (ByteBuffer b : r.getMessageBufferList()) {
                out.add(org.apache.rocketmq.common.message.MessageDecoder.decode(b.slice(), true, false, false));
            }
            r.release();
            offset = r.getNextBeginOffset();
        }
        return out;
    }

    private org.apache.rocketmq.store.DefaultMessageStore openOfficial() throws Exception {
        org.apache.rocketmq.store.config.MessageStoreConfig c = new org.apache.rocketmq.store.config.MessageStoreConfig();
        c.setStorePathRootDir(root.toString());
        c.setStorePathCommitLog(root.resolve("commitlog").toString());
        c.setMappedFileSizeCommitLog(StoreTestSupport.COMMIT_LOG_FILE_SIZE);
        c.setMappedFileSizeConsumeQueue(StoreTestSupport.CQ_FILE_SIZE);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(4000);
        c.setMaxMessageSize(8 * 1024);
        c.setFlushDiskType(org.apache.rocketmq.store.config.FlushDiskType.SYNC_FLUSH);
        try (ServerSocket s = new ServerSocket(0)) {
            c.setHaListenPort(s.getLocalPort());
        }
        assertThat(StorePathConfigHelper.getStorePathConsumeQueue(root.toString()))
            .isEqualTo(root.resolve("consumequeue").toString());
        org.apache.rocketmq.store.DefaultMessageStore official = new org.apache.rocketmq.store.DefaultMessageStore(c,
            new BrokerStatsManager("compat", true), null, new BrokerConfig());
        assertThat(official.load()).isTrue();
        official.start();
        return official;
    }

    @SuppressWarnings("unused")
    private static MappedByteBuffer map(Path p) throws Exception {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
    }
}
