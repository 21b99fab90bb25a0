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
import io.apogee.testsupport.Poll;
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
        return prepare(topic, body, bornTimestamp, null);
    }

    private PutMessageResult prepare(String topic, String body, long bornTimestamp, String immunitySeconds) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        if (immunitySeconds != null) {
            m.putProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, immunitySeconds);
        }
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

    // ------------------------------------------------------------------ CHECK_IMMUNITY_TIME_IN_SECONDS

    @Test
    void anImmuneMessageAtTheHeadDoesNotHoldBackTheCheckOfAnOlderMessageBehindIt() throws Exception {
        prepare("T", "immune", System.currentTimeMillis() - 60_000, "3600");
        prepare("T", "overdue", System.currentTimeMillis() - 60_000);
        sleep(300);

        assertThat(service.check(6000, 15)).isEqualTo(1);

        assertThat(checkedMessages).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
            .containsExactly("overdue");
        // the immune message moved to the end of the half queue, ahead of the overdue one's check copy
        assertThat(Poll.until(() -> store.getMaxOffsetInQueue(TransactionalMessageService.HALF_TOPIC, 0) == 4, 5000))
            .isTrue();
        MessageExt moved = halfMessageAt(2);
        assertThat(new String(moved.getBody(), StandardCharsets.UTF_8)).isEqualTo("immune");
        assertThat(moved.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET)).isEqualTo("0");
        assertThat(moved.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isNull();
    }

    @Test
    void aYoungMessageWithoutImmunityStillEndsTheRound() {
        prepare("T", "young", System.currentTimeMillis());
        prepare("T", "overdue", System.currentTimeMillis() - 60_000);
        sleep(300);

        assertThat(service.check(6000, 15)).isZero();
        assertThat(checks).isEmpty();
    }

    @Test
    void anImmuneMessageIsCheckedOnceInTheFirstRoundAfterItsImmunityPassed() {
        long born = System.currentTimeMillis();
        prepare("T", "immune", born, "2");
        sleep(300);
        // rounds inside the immunity move it along without asking, and do not count as checks
        for (int round = 0; round < 3; round++) {
            assertThat(service.check(6000, 1)).isZero();
            sleep(100);
        }
        assertThat(checks).isEmpty();
        waitUntilOlderThan(born, 2000);

        assertThat(service.check(6000, 1)).isEqualTo(1);

        assertThat(checkedMessages).hasSize(1);
        MessageExt asked = checkedMessages.get(0);
        assertThat(new String(asked.getBody(), StandardCharsets.UTF_8)).isEqualTo("immune");
        assertThat(asked.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("1");
        assertThat(asked.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET)).isEqualTo("0");
    }

    @Test
    void anImmunityShorterThanTheTimeOutBringsTheCheckForward() {
        long born = System.currentTimeMillis();
        prepare("T", "hasty", born, "1");
        waitUntilOlderThan(born, 1000);

        assertThat(service.check(60_000, 15)).isEqualTo(1);
    }

    @Test
    void anImmunityThatIsNotANumberMeansTheTransactionTimeOut() {
        long born = System.currentTimeMillis();
        prepare("T", "odd", born, "soon");
        sleep(300);
        assertThat(service.check(1500, 15)).isZero();
        waitUntilOlderThan(born, 1500);

        assertThat(service.check(1500, 15)).isEqualTo(1);
    }

    @Test
    void aMessageCommittedDuringItsImmunityIsNeverCheckedBack() {
        long born = System.currentTimeMillis();
        PutMessageResult prepared = prepare("T", "paid", born, "2");
        sleep(300);
        assertThat(service.check(6000, 15)).isZero();
        // the producer commits by the original offset, after the check moved the message on
        assertThat(service.end(end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        waitUntilOlderThan(born, 2000);

        assertThat(service.check(6000, 15)).isZero();
        assertThat(service.check(6000, 15)).isZero();
        assertThat(checks).isEmpty();
        assertThat(visibleIn("T")).isEqualTo(1);
    }

    @Test
    void aMessageCommittedDuringItsImmunityIsNotCheckedBackAfterARestartEither() throws Exception {
        long born = System.currentTimeMillis();
        PutMessageResult prepared = prepare("T", "paid", born, "2");
        prepare("T", "young", born);
        sleep(300);
        // the copy of "paid" goes behind "young", which ends this round and the next one before the copy
        assertThat(service.check(6000, 15)).isZero();
        assertThat(service.end(end(prepared, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(service.check(6000, 15)).isZero();
        offsets.persist();

        // a new service knows no ended keys: only the op record of the original offset can tell
        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(root.toString());
        reloaded.load();
        TransactionalMessageService again = new TransactionalMessageService(store, reloaded, HOST, (g, h, b) -> {
            checkedMessages.add(MessageDecoder.decode(ByteBuffer.wrap(b)));
            return true;
        });
        assertThat(again.check(6000, 15)).isZero();
        waitUntilOlderThan(born, 2000);

        assertThat(again.check(1000, 15)).isEqualTo(1);
        assertThat(checkedMessages).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
            .containsExactly("young");
    }

    private MessageExt halfMessageAt(long queueOffset) {
        GetMessageResult r = store.getMessage("G", TransactionalMessageService.HALF_TOPIC, 0, queueOffset, 1, null);
        try {
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            return MessageDecoder.decode(r.getMessageBufferList().get(0));
        } finally {
            r.release();
        }
    }

    /** Lets time pass until a message born at {@code born} is older than {@code millis}, plus a margin. */
    private static void waitUntilOlderThan(long born, long millis) {
        long wait = born + millis + 100 - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static MessageStoreConfig storeConfigOf(DefaultMessageStore s) {
        return s.getMessageStoreConfig();
    }
}
