package io.apogee.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.common.protocol.header.EndTransactionRequestHeader;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.PutMessageResult;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionalMessageServiceTest {
    static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path root;
    DefaultMessageStore store;
    ConsumerOffsetManager offsets;
    TransactionalMessageService service;
    final List<CheckTransactionStateRequestHeader> checks = new ArrayList<>();
    final List<MessageExt> checkedMessages = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(root.toString());
        c.setMappedFileSizeCommitLog(256 * 1024);
        c.setMappedFileSizeConsumeQueue(1000 * 20);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(4000);
        c.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        store = new DefaultMessageStore(c);
        assertThat(store.load()).isTrue();
        store.start();
        offsets = new ConsumerOffsetManager(root.toString());
        service = new TransactionalMessageService(store, offsets, HOST, (group, header, body) -> {
            checks.add(header);
            checkedMessages.add(MessageDecoder.decode(ByteBuffer.wrap(body)));
            return true;
        });
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    private PutMessageResult prepare(String topic, String body, long bornTimestamp) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic(topic);
        m.setQueueId(1);
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        m.setTags("TagA");
        MessageClientIDSetter.setUniqID(m);
        m.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        m.putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, "PG");
        m.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode("TagA"));
        m.setBornTimestamp(bornTimestamp);
        m.setBornHost(HOST);
        m.setStoreHost(HOST);
        m.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        return service.prepareMessage(m);
    }

    private EndTransactionRequestHeader end(PutMessageResult prepared, int type) {
        EndTransactionRequestHeader h = new EndTransactionRequestHeader();
        h.setProducerGroup("PG");
        h.setCommitLogOffset(prepared.getAppendMessageResult().getWroteOffset());
        h.setTranStateTableOffset(prepared.getAppendMessageResult().getLogicsOffset());
        h.setCommitOrRollback(type);
        h.setMsgId("x");
        return h;
    }

    private long visibleIn(String topic) {
        long deadline = System.currentTimeMillis() + 3000;
        long n = store.getMaxOffsetInQueue(topic, 1);
        while (System.currentTimeMillis() < deadline) {
            long now = store.getMaxOffsetInQueue(topic, 1);
            if (now == n && now > 0) {
                break;
            }
            n = now;
            sleep(100);
        }
        return store.getMaxOffsetInQueue(topic, 1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHalfMessageIsInvisibleUntilCommittedAndThenDeliveredOnce() {
        PutMessageResult prepared = prepare("T", "pay", System.currentTimeMillis());
        assertThat(prepared.isOk()).isTrue();
        sleep(300);
        assertThat(store.getMaxOffsetInQueue("T", 1)).isZero();

        assertThat(service.end(end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(visibleIn("T")).isEqualTo(1);

        // a second commit of the same half message (e.g. from a check-back) delivers nothing twice
        assertThat(service.end(end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        sleep(300);
        assertThat(store.getMaxOffsetInQueue("T", 1)).isEqualTo(1);

        GetMessageResult r = store.getMessage("G", "T", 1, 0, 1, null);
        try {
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            MessageExt m = MessageDecoder.decode(r.getMessageBufferList().get(0));
            assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("pay");
            assertThat(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED)).isNull();
            assertThat(m.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isNull();
            assertThat(MessageSysFlag.getTransactionValue(m.getSysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
            assertThat(m.getPreparedTransactionOffset()).isEqualTo(prepared.getAppendMessageResult().getWroteOffset());
        } finally {
            r.release();
        }
    }

    @Test
    void aRolledBackHalfMessageIsNeverDeliveredNorChecked() {
        PutMessageResult prepared = prepare("T", "cancel", System.currentTimeMillis() - 60_000);
        assertThat(service.end(end(prepared, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        sleep(300);
        assertThat(store.getMaxOffsetInQueue("T", 1)).isZero();

        assertThat(service.check(6000, 15)).isZero();
        assertThat(checks).isEmpty();
    }

    @Test
    void endingWithTheWrongGroupOrOffsetIsRefused() {
        PutMessageResult prepared = prepare("T", "x", System.currentTimeMillis());
        EndTransactionRequestHeader wrongGroup = end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        wrongGroup.setProducerGroup("other");
        assertThat(service.end(wrongGroup).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);

        EndTransactionRequestHeader wrongOffset = end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        wrongOffset.setTranStateTableOffset(99L);
        assertThat(service.end(wrongOffset).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void anOldUnresolvedHalfMessageIsCheckedAndACommitFromTheCheckDeliversIt() {
        PutMessageResult old = prepare("T", "old", System.currentTimeMillis() - 60_000);
        prepare("T", "young", System.currentTimeMillis());
        sleep(300);

        assertThat(service.check(6000, 15)).isEqualTo(1);

        assertThat(checks).hasSize(1);
        MessageExt asked = checkedMessages.get(0);
        assertThat(asked.getTopic()).isEqualTo("T");
        assertThat(asked.getQueueId()).isEqualTo(1);
        assertThat(new String(asked.getBody(), StandardCharsets.UTF_8)).isEqualTo("old");
        assertThat(asked.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("1");
        // the check names the re-appended copy, past the young message
        assertThat(checks.get(0).getTranStateTableOffset()).isEqualTo(2);

        EndTransactionRequestHeader fromCheck = new EndTransactionRequestHeader();
        fromCheck.setProducerGroup("PG");
        fromCheck.setCommitLogOffset(checks.get(0).getCommitLogOffset());
        fromCheck.setTranStateTableOffset(checks.get(0).getTranStateTableOffset());
        fromCheck.setCommitOrRollback(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        fromCheck.setFromTransactionCheck(true);
        fromCheck.setMsgId("x");
        assertThat(service.end(fromCheck).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(visibleIn("T")).isEqualTo(1);

        // a late commit of the original half message does not deliver it again
        assertThat(service.end(end(old, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        sleep(300);
        assertThat(store.getMaxOffsetInQueue("T", 1)).isEqualTo(1);
    }

    @Test
    void pendingHalfMessagesAreCheckedAgainAfterARestart() throws Exception {
        prepare("T", "pending", System.currentTimeMillis() - 60_000);
        sleep(300);
        offsets.persist();
        store.shutdown();

        store = new DefaultMessageStore(storeConfigOf(store));
        assertThat(store.load()).isTrue();
        store.start();
        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(root.toString());
        reloaded.load();
        TransactionalMessageService again = new TransactionalMessageService(store, reloaded, HOST,
            (g, h, b) -> checks.add(h));
        sleep(300);

        assertThat(again.check(6000, 15)).isEqualTo(1);
        assertThat(checks).hasSize(1);
    }

    @Test
    void aMessageCheckedTooOftenIsDiscardedAndKeptForInspection() {
        prepare("T", "stubborn", System.currentTimeMillis() - 60_000);
        sleep(300);
        for (int round = 0; round < 3; round++) {
            service.check(6000, 2);
            sleep(300);
        }
        assertThat(checks).hasSize(2);
        assertThat(store.getMaxOffsetInQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0)).isEqualTo(1);
    }

    private static MessageStoreConfig storeConfigOf(DefaultMessageStore s) {
        return s.getMessageStoreConfig();
    }
}
