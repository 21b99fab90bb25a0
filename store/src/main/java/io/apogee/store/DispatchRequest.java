package io.apogee.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;

/**
 * One CommitLog record as the dispatcher sees it: where it is and what the ConsumeQueue and index need.
 *
 * <p>Two forms: recovery builds immutable instances with decoded strings; the reput thread reuses one
 * instance as a view over the record's bytes ({@link #properties}), so dispatch allocates nothing per
 * message. Keys, unique key and the property map of a view are decoded only when asked for, and a view is
 * valid only during the {@link CommitLogDispatcher#dispatch} call.
 */
public class DispatchRequest {
    private String topic;
    private int queueId;
    private long commitLogOffset;
    private int msgSize;
    private long tagsCode;
    private long storeTimestamp;
    private long consumeQueueOffset;
    private String keys;
    private boolean success;
    private String uniqKey;
    private int sysFlag;
    private long preparedTransactionOffset;
    private Map<String, String> propertiesMap;
    private byte[] bitMap;

    private byte[] propertiesBuffer;
    private int propertiesPos;
    private int propertiesLength;

    public DispatchRequest(String topic, int queueId, long commitLogOffset, int msgSize, long tagsCode,
                           long storeTimestamp, long consumeQueueOffset, String keys, String uniqKey, int sysFlag,
                           long preparedTransactionOffset, Map<String, String> propertiesMap) {
        this.topic = topic;
        this.queueId = queueId;
        this.commitLogOffset = commitLogOffset;
        this.msgSize = msgSize;
        this.tagsCode = tagsCode;
        this.storeTimestamp = storeTimestamp;
        this.consumeQueueOffset = consumeQueueOffset;
        this.keys = keys;
        this.uniqKey = uniqKey;
        this.sysFlag = sysFlag;
        this.preparedTransactionOffset = preparedTransactionOffset;
        this.success = true;
        this.propertiesMap = propertiesMap;
    }

    /** A non-message result: size 0 = end of file or of data, size -1 with success=false = damaged record. */
    public DispatchRequest(int size, boolean success) {
        this.topic = "";
        this.msgSize = size;
        this.keys = "";
        this.success = success;
    }

    /** A reusable view for the reput thread. */
    DispatchRequest() {
    }

    /** Scratch space the reput thread copies a record's topic and properties into (grown, never shrunk). */
    private byte[] scratch = new byte[1024];

    byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        return scratch;
    }

    /** Re-points this view at a record; properties stay in {@code buffer} until asked for. */
    void reset(String topic, int queueId, long commitLogOffset, int msgSize, long tagsCode, long storeTimestamp,
               long consumeQueueOffset, int sysFlag, long preparedTransactionOffset, byte[] buffer,
               int propertiesPos, int propertiesLength) {
        this.topic = topic;
        this.queueId = queueId;
        this.commitLogOffset = commitLogOffset;
        this.msgSize = msgSize;
        this.tagsCode = tagsCode;
        this.storeTimestamp = storeTimestamp;
        this.consumeQueueOffset = consumeQueueOffset;
        this.sysFlag = sysFlag;
        this.preparedTransactionOffset = preparedTransactionOffset;
        this.success = true;
        this.keys = null;
        this.uniqKey = null;
        this.propertiesMap = null;
        this.bitMap = null;
        this.propertiesBuffer = buffer;
        this.propertiesPos = propertiesPos;
        this.propertiesLength = propertiesLength;
    }

    void resetAsResult(int size, boolean success) {
        this.msgSize = size;
        this.success = success;
        this.propertiesBuffer = null;
    }

    /** Whether this is a view whose properties are still raw bytes (see {@link #properties}). */
    public boolean hasRawProperties() {
        return propertiesBuffer != null;
    }

    /** The raw properties string bytes of a view: [propertiesPosition, +propertiesLength) of this array. */
    public byte[] properties() {
        return propertiesBuffer;
    }

    public int propertiesPosition() {
        return propertiesPos;
    }

    public int propertiesLength() {
        return propertiesLength;
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public long getCommitLogOffset() {
        return commitLogOffset;
    }

    public int getMsgSize() {
        return msgSize;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public long getConsumeQueueOffset() {
        return consumeQueueOffset;
    }

    public String getKeys() {
        if (keys == null) {
            String k = getPropertiesMapOrNull() == null ? null : propertiesMap.get(MessageConst.PROPERTY_KEYS);
            keys = k == null ? "" : k;
        }
        return keys;
    }

    public long getTagsCode() {
        return tagsCode;
    }

    public int getSysFlag() {
        return sysFlag;
    }

    public long getPreparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getUniqKey() {
        if (uniqKey == null && propertiesBuffer != null && getPropertiesMapOrNull() != null) {
            uniqKey = propertiesMap.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        }
        return uniqKey;
    }

    public byte[] getBitMap() {
        return bitMap;
    }

    public void setBitMap(byte[] bitMap) {
        this.bitMap = bitMap;
    }

    public Map<String, String> getPropertiesMap() {
        return getPropertiesMapOrNull();
    }

    private Map<String, String> getPropertiesMapOrNull() {
        if (propertiesMap == null && propertiesBuffer != null && propertiesLength > 0) {
            propertiesMap = MessageDecoder.string2messageProperties(
                new String(propertiesBuffer, propertiesPos, propertiesLength, StandardCharsets.UTF_8));
        }
        return propertiesMap;
    }
}
