package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.apogee.common.UtilAll;

class MessageDecoderTest {
    /** The verified 97-byte record of protocol.md §5.1. */
    static final String GOLDEN_RECORD = "00000061daa320a758932aac000000010000000000000000000000050000000000000"
        + "4d2000000000000000000000001" + "0a000005000015b30000000000000002" + "0a00000100002a9f000000000000000000000000"
        + "00000002686901540003610162";

    @Test
    void decodesTheReferenceRecord() {
        MessageExt m = MessageDecoder.decode(ByteBuffer.wrap(UtilAll.string2bytes(GOLDEN_RECORD)));
        assertThat(m).isNotNull();
        assertThat(m.getStoreSize()).isEqualTo(97);
        assertThat(m.getTopic()).isEqualTo("T");
        assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(m.getProperty("a")).isEqualTo("b");
        assertThat(m.getQueueId()).isEqualTo(1);
        assertThat(m.getQueueOffset()).isEqualTo(5);
        assertThat(m.getCommitLogOffset()).isEqualTo(1234);
        assertThat(m.getBornHost()).isEqualTo(new InetSocketAddress("10.0.0.5", 5555));
        assertThat(m.getStoreHost()).isEqualTo(new InetSocketAddress("10.0.0.1", 10911));
        assertThat(m.getBornTimestamp()).isEqualTo(1);
        assertThat(m.getStoreTimestamp()).isEqualTo(2);
        assertThat(m.getBodyCRC()).isEqualTo(UtilAll.crc32("hi".getBytes(StandardCharsets.UTF_8)));
        assertThat(m.getMsgId()).isEqualTo("0A00000100002A9F00000000000004D2");
    }

    @Test
    void offsetMessageIdRoundTrips() throws Exception {
        String id = MessageDecoder.createMessageId(new InetSocketAddress("10.0.0.1", 10911), 1234);
        assertThat(id).isEqualTo("0A00000100002A9F00000000000004D2");
        MessageId decoded = MessageDecoder.decodeMessageId(id);
        assertThat(decoded.getAddress()).isEqualTo(new InetSocketAddress("10.0.0.1", 10911));
        assertThat(decoded.getOffset()).isEqualTo(1234);
        String v6 = MessageDecoder.createMessageId(new InetSocketAddress("::1", 10911), 7);
        assertThat(v6).hasSize(56);
        assertThat(MessageDecoder.decodeMessageId(v6).getOffset()).isEqualTo(7);
    }

    @Test
    void propertiesStringUsesSeparatorsWithoutTrailingOne() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("KEYS", "k1 k2");
        p.put("WAIT", "true");
        p.put("SKIP", null);
        p.put("TAGS", "TagA");
        assertThat(MessageDecoder.messageProperties2String(p)).isEqualTo("KEYS\u0001k1 k2\u0002WAIT\u0001true\u0002TAGS\u0001TagA");
        Map<String, String> back = MessageDecoder.string2messageProperties("KEYS\u0001k1 k2\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002");
        assertThat(back).containsEntry("KEYS", "k1 k2").containsEntry("WAIT", "true").containsEntry("TAGS", "TagA")
            .hasSize(3);
        assertThat(MessageDecoder.string2messageProperties("a\u0001\u0002\u0001b\u0002xy")).isEmpty();
    }

    @Test
    void batchBodyMatchesTheReferenceEncoding() {
        Message m = new Message("T", "TagA", "k1 k2", "hi".getBytes(StandardCharsets.UTF_8));
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("KEYS", "k1 k2");
        ordered.put("WAIT", "true");
        ordered.put("TAGS", "TagA");
        MessageAccessor.setProperties(m, ordered);
        byte[] encoded = MessageDecoder.encodeMessage(m);
        assertThat(UtilAll.bytes2string(encoded)).isEqualTo("00000036000000000000000000000000000000026869001E"
            + UtilAll.bytes2string("KEYS\u0001k1 k2\u0002WAIT\u0001true\u0002TAGS\u0001TagA".getBytes(StandardCharsets.UTF_8)));
        List<Message> decoded = MessageDecoder.decodeMessages(ByteBuffer.wrap(MessageDecoder.encodeMessages(List.of(m, m))));
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(1).getKeys()).isEqualTo("k1 k2");
    }

    @Test
    void uniqueIdsAreThirtyTwoOrFiftySixUppercaseHexAndDistinct() {
        String a = MessageClientIDSetter.createUniqID();
        String b = MessageClientIDSetter.createUniqID();
        assertThat(a).matches("[0-9A-F]{32}|[0-9A-F]{56}");
        assertThat(a).isNotEqualTo(b);
        assertThat(Math.abs(MessageClientIDSetter.getNearlyTimeFromID(a) - System.currentTimeMillis())).isLessThan(5000);
        Message m = new Message("T", "x".getBytes());
        MessageClientIDSetter.setUniqID(m);
        String first = MessageClientIDSetter.getUniqID(m);
        MessageClientIDSetter.setUniqID(m);
        assertThat(MessageClientIDSetter.getUniqID(m)).isEqualTo(first);
    }

    @Test
    void sysFlagTransactionBits() {
        int flag = MessageSysFlag.resetTransactionValue(MessageSysFlag.COMPRESSED_FLAG, MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        assertThat(flag).isEqualTo(5);
        assertThat(MessageSysFlag.getTransactionValue(flag)).isEqualTo(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        assertThat(MessageSysFlag.COMPRESSION_ZLIB_TYPE | MessageSysFlag.COMPRESSED_FLAG).isEqualTo(769);
    }
}
