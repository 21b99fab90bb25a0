package io.apogee.store;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;

/**
 * Encodes messages into the stored record layout (protocol.md §5.1) in a buffer owned by one appending
 * thread and reused for every message: nothing is allocated per message on the common path (ASCII topic and
 * properties, a born host seen before). The fields only known under the append lock — queue offset, physical
 * offset, store timestamp — are written as zeros here and patched by {@link #patch}.
 *
 * <pre>
 *  0 TOTALSIZE  4 MAGIC  8 BODYCRC  12 QUEUEID  16 FLAG  20 QUEUEOFFSET(8)  28 PHYSICALOFFSET(8)  36 SYSFLAG
 *  40 BORNTIMESTAMP(8)  48 BORNHOST(8|20)  STORETIMESTAMP(8)  STOREHOST(8|20)  RECONSUMETIMES  PREPAREDTXOFFSET(8)
 *  BODYLENGTH BODY  TOPICLENGTH(1) TOPIC  PROPERTIESLENGTH(2) PROPERTIES
 * </pre>
 */
final class MessageEncoder {
    static final int QUEUE_OFFSET_POS = 20;
    static final int PHYSICAL_OFFSET_POS = 28;
    private static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;
    private static final int MAX_TOPIC_LENGTH = Byte.MAX_VALUE;

    private final ByteBuffer buffer;
    private final CRC32 crc32 = new CRC32();
    private final int maxMessageSize;

    private SocketAddress cachedBornHost;
    private byte[] cachedBornHostBytes;
    private SocketAddress cachedStoreHost;
    private byte[] cachedStoreHostBytes;

    /** Start of each record in the buffer (index 0..recordCount-1), with its store-timestamp position. */
    private int[] recordStarts = new int[64];
    private int[] storeTimestampPositions = new int[64];
    private int recordCount;

    /** Outcome of the last append by this thread (written under the put lock, read after it). */
    long lastWroteOffset;
    int lastWroteBytes;
    long lastQueueOffset;
    long lastStoreTimestamp;
    private PutMessageResult failure;

    MessageEncoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        // A record carries up to 4 MiB of body plus bounded headers, topic and properties.
        this.buffer = ByteBuffer.allocate(maxMessageSize + 64 * 1024 + 2 * 1024);
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int length() {
        return buffer.position();
    }

    int recordCount() {
        return recordCount;
    }

    int recordStart(int i) {
        return recordStarts[i];
    }

    /** Store host ip+port of the last encoded message (shared, never modified). */
    byte[] storeHostBytes() {
        return cachedStoreHostBytes;
    }

    /** Encodes one message; returns PUT_OK or the reason it cannot be stored. */
    AppendMessageStatus encode(MessageExtBrokerInner msg) {
        buffer.clear();
        recordCount = 0;
        byte[] body = msg.getBody();
        int bodyLength = body == null ? 0 : body.length;
        if (bodyLength > maxMessageSize) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
        crc32.reset();
        if (bodyLength > 0) {
            crc32.update(body, 0, bodyLength);
        }
        int bodyCrc = (int) (crc32.getValue() & 0x7FFFFFFF);
        msg.setBodyCRC(bodyCrc);
        int sysFlag = hostFlags(msg);
        msg.setSysFlag(sysFlag);
        try {
            int start = beginRecord(bodyCrc, msg.getQueueId(), msg.getFlag(), sysFlag, msg.getBornTimestamp(),
                msg.getReconsumeTimes(), msg.getPreparedTransactionOffset());
            buffer.putInt(bodyLength);
            if (bodyLength > 0) {
                buffer.put(body, 0, bodyLength);
            }
            AppendMessageStatus s = putTopic(msg.getTopic());
            if (s != AppendMessageStatus.PUT_OK) {
                return s;
            }
            s = putProperties(msg.getPropertiesString(), null, 0, 0);
            if (s != AppendMessageStatus.PUT_OK) {
                return s;
            }
            buffer.putInt(start, buffer.position() - start);
            return AppendMessageStatus.PUT_OK;
        } catch (BufferOverflowException e) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
    }

    /**
     * Encodes each record of a SEND_BATCH_MESSAGE body as its own stored message, appending the batch's
     * own properties (a 0x02 separator in between when needed).
     */
    AppendMessageStatus encodeBatch(MessageExtBatch batch) {
        buffer.clear();
        recordCount = 0;
        int sysFlag = hostFlags(batch);
        batch.setSysFlag(sysFlag);
        String batchProps = batch.getPropertiesString();
        if (batchProps == null) {
            batchProps = MessageDecoder.messageProperties2String(batch.getProperties());
        }
        ByteBuffer in = batch.wrap();
        byte[] src = in.array();
        try {
            while (in.hasRemaining()) {
                int recordStart = in.position();
                in.getInt(); // total size
                in.getInt(); // magic, unused
                in.getInt(); // body crc, unused
                int flag = in.getInt();
                int bodyLength = in.getInt();
                int bodyPos = in.position();
                if (bodyLength > maxMessageSize || bodyLength < 0) {
                    return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
                }
                in.position(bodyPos + bodyLength);
                int propsLength = in.getShort();
                int propsPos = in.position();
                in.position(propsPos + propsLength);
                crc32.reset();
                crc32.update(src, bodyPos, bodyLength);
                int bodyCrc = (int) (crc32.getValue() & 0x7FFFFFFF);
                int start = beginRecord(bodyCrc, batch.getQueueId(), flag, sysFlag, batch.getBornTimestamp(),
                    batch.getReconsumeTimes(), 0);
                buffer.putInt(bodyLength);
                buffer.put(src, bodyPos, bodyLength);
                AppendMessageStatus s = putTopic(batch.getTopic());
                if (s != AppendMessageStatus.PUT_OK) {
                    return s;
                }
                s = putProperties(batchProps, src, propsPos, propsLength);
                if (s != AppendMessageStatus.PUT_OK) {
                    return s;
                }
                buffer.putInt(start, buffer.position() - start);
                if (recordStart == in.position()) {
                    return AppendMessageStatus.UNKNOWN_ERROR;
                }
            }
            return recordCount == 0 ? AppendMessageStatus.UNKNOWN_ERROR : AppendMessageStatus.PUT_OK;
        } catch (BufferOverflowException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            return AppendMessageStatus.MESSAGE_SIZE_EXCEEDED;
        }
    }

    /** Writes the fixed header up to PREPARED TX OFFSET; returns the record start. */
    private int beginRecord(int bodyCrc, int queueId, int flag, int sysFlag, long bornTimestamp, int reconsumeTimes,
                            long preparedTransactionOffset) {
        int start = buffer.position();
        if (recordCount == recordStarts.length) {
            recordStarts = java.util.Arrays.copyOf(recordStarts, recordCount * 2);
            storeTimestampPositions = java.util.Arrays.copyOf(storeTimestampPositions, recordCount * 2);
        }
        recordStarts[recordCount] = start;
        buffer.putInt(0);
        buffer.putInt(MessageDecoder.MESSAGE_MAGIC_CODE);
        buffer.putInt(bodyCrc);
        buffer.putInt(queueId);
        buffer.putInt(flag);
        buffer.putLong(0); // queue offset, patched under the lock
        buffer.putLong(0); // physical offset, patched under the lock
        buffer.putInt(sysFlag);
        buffer.putLong(bornTimestamp);
        buffer.put(cachedBornHostBytes);
        storeTimestampPositions[recordCount] = buffer.position();
        buffer.putLong(0); // store timestamp, patched under the lock
        buffer.put(cachedStoreHostBytes);
        buffer.putInt(reconsumeTimes);
        buffer.putLong(preparedTransactionOffset);
        recordCount++;
        return start;
    }

    private AppendMessageStatus putTopic(String topic) {
        int lengthPos = buffer.position();
        buffer.put((byte) 0);
        int n = putString(topic);
        if (n > MAX_TOPIC_LENGTH) {
            return AppendMessageStatus.UNKNOWN_ERROR;
        }
        buffer.put(lengthPos, (byte) n);
        return AppendMessageStatus.PUT_OK;
    }

    /** Writes {@code props} (then the batch record's own properties, when given) with an int16 length. */
    private AppendMessageStatus putProperties(String props, byte[] recordProps, int recordPropsPos,
                                              int recordPropsLength) {
        int lengthPos = buffer.position();
        buffer.putShort((short) 0);
        int n = 0;
        if (recordProps != null && recordPropsLength > 0) {
            buffer.put(recordProps, recordPropsPos, recordPropsLength);
            n += recordPropsLength;
            if (props != null && !props.isEmpty()
                && recordProps[recordPropsPos + recordPropsLength - 1] != MessageDecoder.PROPERTY_SEPARATOR) {
                buffer.put((byte) MessageDecoder.PROPERTY_SEPARATOR);
                n++;
            }
        }
        if (props != null) {
            n += putString(props);
        }
        if (n > MAX_PROPERTIES_LENGTH) {
            return AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED;
        }
        buffer.putShort(lengthPos, (short) n);
        return AppendMessageStatus.PUT_OK;
    }

    /** UTF-8 encodes {@code s} into the buffer without allocating when it is ASCII; returns bytes written. */
    @SuppressWarnings("deprecation")
    private int putString(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                buffer.put(utf8);
                return utf8.length;
            }
        }
        int pos = buffer.position();
        if (len > buffer.limit() - pos) {
            throw new BufferOverflowException();
        }
        // ASCII: String.getBytes(int, int, byte[], int) copies the low byte of each char, which is the
        // UTF-8 encoding here, straight into the backing array (an array copy for compact strings).
        s.getBytes(0, len, buffer.array(), buffer.arrayOffset() + pos);
        buffer.position(pos + len);
        return len;
    }

    /** Resolves host bytes (cached per address object) and returns the sysFlag with matching v6 bits. */
    private int hostFlags(MessageExtBrokerInner msg) {
        int sysFlag = msg.getSysFlag();
        SocketAddress born = msg.getBornHost();
        if (born != cachedBornHost || cachedBornHostBytes == null) {
            cachedBornHostBytes = hostBytes(born);
            cachedBornHost = born;
        }
        SocketAddress store = msg.getStoreHost();
        if (store != cachedStoreHost || cachedStoreHostBytes == null) {
            cachedStoreHostBytes = hostBytes(store);
            cachedStoreHost = store;
        }
        sysFlag = cachedBornHostBytes.length == 20 ? sysFlag | MessageSysFlag.BORNHOST_V6_FLAG
            : sysFlag & ~MessageSysFlag.BORNHOST_V6_FLAG;
        sysFlag = cachedStoreHostBytes.length == 20 ? sysFlag | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG
            : sysFlag & ~MessageSysFlag.STOREHOSTADDRESS_V6_FLAG;
        return sysFlag;
    }

    private static byte[] hostBytes(SocketAddress address) {
        if (!(address instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            return new byte[8];
        }
        byte[] ip = isa.getAddress().getAddress();
        return ByteBuffer.allocate(ip.length + 4).put(ip).putInt(isa.getPort()).array();
    }

    /** Parks a failed put's result for {@link #takeFailure()}; returns its status. */
    PutMessageStatus fail(PutMessageResult result) {
        this.failure = result;
        return result.getPutMessageStatus();
    }

    PutMessageResult takeFailure() {
        PutMessageResult r = failure;
        failure = null;
        return r;
    }

    AppendMessageResult appendResult(AppendMessageStatus status) {
        return new AppendMessageResult(status, lastWroteOffset, lastWroteBytes, cachedStoreHostBytes,
            lastStoreTimestamp, lastQueueOffset);
    }

    /** Fills in record {@code i}'s lock-time fields. */
    void patch(int i, long queueOffset, long physicalOffset, long storeTimestamp) {
        int start = recordStarts[i];
        buffer.putLong(start + QUEUE_OFFSET_POS, queueOffset);
        buffer.putLong(start + PHYSICAL_OFFSET_POS, physicalOffset);
        buffer.putLong(storeTimestampPositions[i], storeTimestamp);
    }
}
