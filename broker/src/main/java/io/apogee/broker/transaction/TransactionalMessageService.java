package io.apogee.broker.transaction;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.common.MixAll;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.common.protocol.header.EndTransactionRequestHeader;
import io.apogee.common.topic.TopicValidator;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Half messages and their fate (protocol.md §6.6). A prepared send is stored in the half topic; a commit
 * copies it to its real topic; commit and rollback both leave an "op" record in the op topic whose body is
 * the half message's queue offset. The check round asks producers about half messages that have no op
 * record after the time-out, re-appending each one so the half queue's consumed offset can move on.
 *
 * <p>Ending a transaction twice is harmless: ended half offsets (from op records) and ended unique keys
 * are remembered, and a second END_TRANSACTION for either is ignored.
 *
 * <p>A message with {@code CHECK_IMMUNITY_TIME_IN_SECONDS} still inside its immunity does not end a round:
 * it is re-appended with {@code TRAN_PREPARED_QUEUE_OFFSET} naming its original offset, because the producer
 * ends it by that original offset; every later copy is resolved by an op record for either offset.
 */
public class TransactionalMessageService {
    private static final Logger log = LoggerFactory.getLogger("RocketmqTransaction");
    static final String HALF_TOPIC = TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC;
    static final String OP_TOPIC = TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC;
    static final String GROUP = MixAll.CID_SYS_RMQ_TRANS;
    static final String REMOVE_TAG = "d";
    private static final int MAX_REMEMBERED_KEYS = 100_000;
    private static final long MAX_ROUND_MILLIS = 60_000;

    private final MessageStore store;
    private final ConsumerOffsetManager offsets;
    private final SocketAddress storeHost;
    private final TransactionCheckSender checkSender;

    /** Half-queue offset → op-queue offset of its op record, for half offsets not yet passed by the check. */
    private final ConcurrentSkipListMap<Long, Long> endedHalfOffsets = new ConcurrentSkipListMap<>();
    /** Unique keys of ended transactions, so a re-appended copy of an ended message is never delivered again. */
    private final Map<String, Boolean> endedKeys = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED_KEYS;
        }
    };
    /**
     * Copies ahead of the check (their half offset → the original offset they carry), so the op records of
     * those originals are kept until the copy has been passed; recovered by a scan after a restart.
     */
    private final TreeMap<Long, Long> copiesAhead = new TreeMap<>();
    private boolean copiesAheadRecovered;
    private long opReadOffset = -1;

    public TransactionalMessageService(MessageStore store, ConsumerOffsetManager offsets, SocketAddress storeHost,
                                       TransactionCheckSender checkSender) {
        this.store = store;
        this.offsets = offsets;
        this.storeHost = storeHost;
        this.checkSender = checkSender;
    }

    /** The outcome of END_TRANSACTION: a response code and remark. */
    public record EndResult(int code, String remark) {
        static final EndResult OK = new EndResult(ResponseCode.SUCCESS, null);
    }

    // ------------------------------------------------------------------ prepare

    /** Stores a prepared message as a half message; its real destination travels in properties. */
    public PutMessageResult prepareMessage(MessageExtBrokerInner msg) {
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(msg.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        msg.setTopic(HALF_TOPIC);
        msg.setQueueId(0);
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        return store.putMessage(msg);
    }

    // ------------------------------------------------------------------ end

    public synchronized EndResult end(EndTransactionRequestHeader h) {
        int type = h.getCommitOrRollback();
        if (type == MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return EndResult.OK;
        }
        MessageExt half = store.lookMessageByOffset(h.getCommitLogOffset());
        if (half == null || !HALF_TOPIC.equals(half.getTopic())) {
            return new EndResult(ResponseCode.SYSTEM_ERROR, "Find prepared transaction message failed");
        }
        if (!h.getProducerGroup().equals(half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP))) {
            return new EndResult(ResponseCode.SYSTEM_ERROR, "The producer group wrong");
        }
        if (half.getQueueOffset() != h.getTranStateTableOffset()) {
            return new EndResult(ResponseCode.SYSTEM_ERROR, "The transaction state table offset wrong");
        }
        if (half.getCommitLogOffset() != h.getCommitLogOffset()) {
            return new EndResult(ResponseCode.SYSTEM_ERROR, "The commit log offset wrong");
        }
        readNewOps();
        String key = uniqueKey(half);
        if (endedHalfOffsets.containsKey(half.getQueueOffset()) || originalEnded(half)
            || (key != null && endedKeys.containsKey(key))) {
            log.info("END_TRANSACTION for already ended half message {} ignored", half.getQueueOffset());
            return EndResult.OK;
        }
        if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            PutMessageResult put = store.putMessage(committedCopy(half));
            if (put == null || !put.isOk()) {
                return new EndResult(ResponseCode.SYSTEM_ERROR, "commit of the half message failed: "
                    + (put == null ? "no result" : put.getPutMessageStatus()));
            }
        }
        if (!writeOp(half)) {
            return new EndResult(ResponseCode.SYSTEM_ERROR, "writing the op record failed");
        }
        if (key != null) {
            endedKeys.put(key, Boolean.TRUE);
        }
        return EndResult.OK;
    }

    /** Original half offset of a re-appended immune copy, or -1. */
    private static long originalOffset(MessageExt m) {
        return parseLong(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET), -1);
    }

    private boolean originalEnded(MessageExt m) {
        long original = originalOffset(m);
        return original >= 0 && endedHalfOffsets.containsKey(original);
    }

    private static String uniqueKey(MessageExt m) {
        return m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    private MessageExtBrokerInner committedCopy(MessageExt half) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic(half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        m.setQueueId(Integer.parseInt(half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)));
        m.setBody(half.getBody());
        m.setFlag(half.getFlag());
        Map<String, String> props = new HashMap<>(half.getProperties());
        props.remove(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        props.remove(MessageConst.PROPERTY_REAL_TOPIC);
        props.remove(MessageConst.PROPERTY_REAL_QUEUE_ID);
        props.remove(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        MessageAccessor.setProperties(m, props);
        m.setPropertiesString(MessageDecoder.messageProperties2String(props));
        m.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(m.getTags()));
        m.setBornTimestamp(half.getBornTimestamp());
        m.setBornHost(half.getBornHost());
        m.setStoreHost(storeHost);
        m.setReconsumeTimes(half.getReconsumeTimes());
        m.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        m.setPreparedTransactionOffset(half.getCommitLogOffset());
        m.setTransactionId(uniqueKey(half));
        m.setWaitStoreMsgOK(false);
        return m;
    }

    private boolean writeOp(MessageExt half) {
        MessageExtBrokerInner op = new MessageExtBrokerInner();
        op.setTopic(OP_TOPIC);
        op.setQueueId(half.getQueueId());
        op.setBody(String.valueOf(half.getQueueOffset()).getBytes(StandardCharsets.UTF_8));
        op.setTags(REMOVE_TAG);
        op.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(REMOVE_TAG));
        op.setPropertiesString(MessageDecoder.messageProperties2String(op.getProperties()));
        op.setBornTimestamp(System.currentTimeMillis());
        op.setBornHost(storeHost);
        op.setStoreHost(storeHost);
        op.setSysFlag(MessageSysFlag.TRANSACTION_NOT_TYPE);
        PutMessageResult put = store.putMessage(op);
        if (put == null || !put.isOk()) {
            log.error("op record for half message {} failed: {}", half.getQueueOffset(), put);
            return false;
        }
        endedHalfOffsets.put(half.getQueueOffset(), put.getAppendMessageResult().getLogicsOffset());
        return true;
    }

    /** Reads op records written since the last read (including our own, which is harmless). */
    private void readNewOps() {
        if (opReadOffset < 0) {
            long committed = offsets.queryOffset(GROUP, OP_TOPIC, 0);
            opReadOffset = committed >= 0 ? committed : store.getMinOffsetInQueue(OP_TOPIC, 0);
        }
        long max = store.getMaxOffsetInQueue(OP_TOPIC, 0);
        while (opReadOffset < max) {
            GetMessageResult r = store.getMessage(GROUP, OP_TOPIC, 0, opReadOffset, 32, null);
            if (r == null || r.getStatus() != GetMessageStatus.FOUND) {
                if (r != null && r.getNextBeginOffset() > opReadOffset) {
                    opReadOffset = r.getNextBeginOffset();
                    continue;
                }
                break;
            }
            try {
                long opOffset = opReadOffset;
                for (ByteBuffer b : r.getMessageBufferList()) {
                    MessageExt op = MessageDecoder.decode(b, true, false, false);
                    if (op != null && REMOVE_TAG.equals(op.getTags()) && op.getBody() != null) {
                        try {
                            endedHalfOffsets.putIfAbsent(Long.parseLong(new String(op.getBody(), StandardCharsets.UTF_8).trim()), opOffset);
                        } catch (NumberFormatException e) {
                            log.warn("op record at {} has a malformed body", opOffset);
                        }
                    }
                    opOffset++;
                }
            } finally {
                r.release();
            }
            opReadOffset = r.getNextBeginOffset();
        }
    }

    // ------------------------------------------------------------------ check

    /**
     * One check round: walks the half queue from its consumed offset, skipping ended messages, discarding
     * those checked too often, moving immune ones to the end, asking producers about those past their
     * time-out, and stopping at the first message without immunity still too young (later ones are younger
     * still). Then commits how far it got.
     */
    public synchronized int check(long transactionTimeOut, int transactionCheckMax) {
        readNewOps();
        long committed = offsets.queryOffset(GROUP, HALF_TOPIC, 0);
        long offset = committed >= 0 ? committed : store.getMinOffsetInQueue(HALF_TOPIC, 0);
        long max = store.getMaxOffsetInQueue(HALF_TOPIC, 0);
        if (!copiesAheadRecovered) {
            recoverCopiesAhead(offset, max);
            copiesAheadRecovered = true;
        }
        long begin = System.currentTimeMillis();
        int checked = 0;
        while (offset < max && System.currentTimeMillis() - begin < MAX_ROUND_MILLIS) {
            if (endedHalfOffsets.containsKey(offset)) {
                offset++;
                continue;
            }
            MessageExt half = readHalf(offset);
            if (half == null) {
                offset++;
                continue;
            }
            String key = uniqueKey(half);
            if ((key != null && endedKeys.containsKey(key)) || originalEnded(half)) {
                offset++;
                continue;
            }
            int times = parseInt(half.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES), 0);
            if (times >= transactionCheckMax) {
                discard(half);
                offset++;
                continue;
            }
            long age = System.currentTimeMillis() - half.getBornTimestamp();
            String immunitySeconds = half.getProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
            if (immunitySeconds != null) {
                if (age < immunityMillis(immunitySeconds, transactionTimeOut)) {
                    if (!putBackImmune(half)) {
                        break;
                    }
                    offset++;
                    continue;
                }
            } else if (age < transactionTimeOut) {
                break;
            }
            MessageExt copy = putBack(half, times + 1);
            if (copy == null) {
                break;
            }
            askProducer(copy);
            checked++;
            offset++;
        }
        offsets.commitOffset("TransactionalMessageCheck", GROUP, HALF_TOPIC, 0, offset);
        copiesAhead.headMap(offset).clear();
        endedHalfOffsets.headMap(offset).keySet().removeIf(passed -> !copiesAhead.containsValue(passed));
        long opCommit = endedHalfOffsets.isEmpty() ? opReadOffset
            : endedHalfOffsets.values().stream().mapToLong(Long::longValue).min().orElse(opReadOffset);
        offsets.commitOffset("TransactionalMessageCheck", GROUP, OP_TOPIC, 0, opCommit);
        return checked;
    }

    private MessageExt readHalf(long offset) {
        GetMessageResult r = store.getMessage(GROUP, HALF_TOPIC, 0, offset, 1, null);
        if (r == null) {
            return null;
        }
        try {
            if (r.getStatus() != GetMessageStatus.FOUND || r.getMessageBufferList().isEmpty()) {
                return null;
            }
            return MessageDecoder.decode(r.getMessageBufferList().get(0), true, false, false);
        } finally {
            r.release();
        }
    }

    /** RocketMQ's rule: the property's seconds replace the time-out; an unparsable value means the time-out. */
    private static long immunityMillis(String seconds, long transactionTimeOut) {
        long s = parseLong(seconds, -1);
        return s == -1 ? transactionTimeOut : s * 1000L;
    }

    /**
     * Re-appends an immune message unchanged except for the original offset it carries. This is not a check,
     * so the check count stays as it is.
     */
    private boolean putBackImmune(MessageExt half) {
        long original = originalOffset(half) >= 0 ? originalOffset(half) : half.getQueueOffset();
        Map<String, String> props = new HashMap<>(half.getProperties());
        props.put(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET, String.valueOf(original));
        PutMessageResult put = reappend(half, props);
        if (put == null || !put.isOk()) {
            log.warn("re-appending immune half message {} failed: {}", half.getQueueOffset(), put);
            return false;
        }
        copiesAhead.put(put.getAppendMessageResult().getLogicsOffset(), original);
        return true;
    }

    /** After a restart: which originals the copies not yet passed refer to (their op records stay needed). */
    private void recoverCopiesAhead(long from, long max) {
        for (long offset = from; offset < max; offset++) {
            MessageExt half = readHalf(offset);
            if (half != null && originalOffset(half) >= 0) {
                copiesAhead.put(offset, originalOffset(half));
            }
        }
    }

    /** Appends a copy of the half message with one more check counted; returns it with its new offsets. */
    private MessageExt putBack(MessageExt half, int checkTimes) {
        Map<String, String> props = new HashMap<>(half.getProperties());
        props.put(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        PutMessageResult put = reappend(half, props);
        if (put == null || !put.isOk()) {
            log.warn("re-appending half message {} for a check failed: {}", half.getQueueOffset(), put);
            return null;
        }
        if (originalOffset(half) >= 0) {
            copiesAhead.put(put.getAppendMessageResult().getLogicsOffset(), originalOffset(half));
        }
        half.getProperties().put(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        half.setQueueOffset(put.getAppendMessageResult().getLogicsOffset());
        half.setCommitLogOffset(put.getAppendMessageResult().getWroteOffset());
        half.setMsgId(put.getAppendMessageResult().getMsgId());
        return half;
    }

    private PutMessageResult reappend(MessageExt half, Map<String, String> props) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic(HALF_TOPIC);
        m.setQueueId(0);
        m.setBody(half.getBody());
        m.setFlag(half.getFlag());
        MessageAccessor.setProperties(m, props);
        m.setPropertiesString(MessageDecoder.messageProperties2String(props));
        m.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(m.getTags()));
        m.setBornTimestamp(half.getBornTimestamp());
        m.setBornHost(half.getBornHost());
        m.setStoreHost(storeHost);
        m.setReconsumeTimes(half.getReconsumeTimes());
        m.setSysFlag(half.getSysFlag());
        return store.putMessage(m);
    }

    private void askProducer(MessageExt half) {
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        CheckTransactionStateRequestHeader h = new CheckTransactionStateRequestHeader();
        h.setTranStateTableOffset(half.getQueueOffset());
        h.setCommitLogOffset(half.getCommitLogOffset());
        h.setMsgId(uniqueKey(half));
        h.setTransactionId(uniqueKey(half));
        h.setOffsetMsgId(half.getMsgId());
        // The producer sees the message as it sent it: real topic and queue.
        MessageExt view = half;
        String realTopic = half.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
        String realQueue = half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        String halfTopic = view.getTopic();
        int halfQueue = view.getQueueId();
        if (realTopic != null) {
            view.setTopic(realTopic);
        }
        view.setQueueId(parseInt(realQueue, halfQueue));
        byte[] body = StoredMessageEncoder.encode(view);
        view.setTopic(halfTopic);
        view.setQueueId(halfQueue);
        if (group == null || !checkSender.sendCheck(group, h, body)) {
            log.warn("no live producer of group {} to check half message {}", group, h.getTranStateTableOffset());
        }
    }

    /** Checked too often: keep a copy in TRANS_CHECK_MAX_TIME_TOPIC for inspection and stop checking it. */
    private void discard(MessageExt half) {
        log.warn("half message {} (key {}) reached transactionCheckMax and is discarded; a copy is kept in {}",
            half.getQueueOffset(), uniqueKey(half), TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC);
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic(TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC);
        m.setQueueId(0);
        m.setBody(half.getBody());
        m.setFlag(half.getFlag());
        MessageAccessor.setProperties(m, new HashMap<>(half.getProperties()));
        m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
        m.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(m.getTags()));
        m.setBornTimestamp(half.getBornTimestamp());
        m.setBornHost(half.getBornHost());
        m.setStoreHost(storeHost);
        m.setSysFlag(half.getSysFlag());
        store.putMessage(m);
    }

    private static long parseLong(String s, long dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static int parseInt(String s, int dflt) {
        long v = parseLong(s, dflt);
        return v == (int) v ? (int) v : dflt;
    }
}
