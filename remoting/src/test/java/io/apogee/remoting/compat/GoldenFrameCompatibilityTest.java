package io.apogee.remoting.compat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.apogee.remoting.netty.NettyDecoder;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-bytes compatibility of the remoting frame (protocol.md §1.1–1.4, §1.9) with the official
 * {@code rocketmq-remoting} 4.9.7 classes, in both directions and for both header encodings:
 * <ul>
 *   <li>frames written by every official encoder ({@code encode()}, {@code encodeHeader()} + body, and
 *       {@code fastEncodeHeader(ByteBuf)} + body, which the official NettyEncoder uses) decode in Apogee to the
 *       fields that were written, and to the same fields the official decoder reads from those bytes;</li>
 *   <li>frames written by Apogee decode in the official {@code RemotingCommand.decode(ByteBuffer)} likewise;</li>
 *   <li>for the same fields, Apogee writes byte-for-byte the frame the official encoder writes;</li>
 *   <li>the verified examples of protocol.md §1.2–1.4 are produced and read exactly.</li>
 * </ul>
 * The official {@code decode(ByteBuffer)} expects the frame without its 4-byte length prefix (the prefix is
 * stripped by the frame decoder), while {@code encode()} writes it; Apogee frames are decoded here through
 * {@link NettyDecoder}, so the length prefix is checked on every case.
 */
class GoldenFrameCompatibilityTest {
    /** Non-ASCII (2-, 3- and 4-byte UTF-8), JSON metacharacters and control characters. */
    static final String NASTY = "héllo wörld – 中文 😀 \u0001\u0002\t\n\r\b\f \"quoted\" back\\slash /slash \u001f\u007f\u0085\u00a0\u2028\u2029 end";
    static final int SEND_MESSAGE_V2 = 310;
    static final int GET_MAX_OFFSET = 30;
    static final int REGISTER_BROKER = 103;

    // ------------------------------------------------------------------ fixtures

    /** The header of a realistic SEND_MESSAGE_V2 request: 13 single-letter fields (protocol.md §1.3). */
    static HashMap<String, String> sendMessageV2Ext() {
        HashMap<String, String> ext = new HashMap<>();
        ext.put("a", "PG");
        ext.put("b", "TopicTest");
        ext.put("c", "TBW102");
        ext.put("d", "4");
        ext.put("e", "1");
        ext.put("f", "0");
        ext.put("g", "1700000000000");
        ext.put("h", "0");
        ext.put("i", "UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002");
        ext.put("j", "0");
        ext.put("k", "false");
        ext.put("m", "false");
        ext.put("n", "broker-a");
        return ext;
    }

    static HashMap<String, String> nastyExt() {
        HashMap<String, String> ext = new HashMap<>();
        ext.put("topic", "T");
        ext.put("ключ", "значение");
        ext.put("ctl", NASTY);
        ext.put("emoji😀", "😀😀");
        ext.put("quote\"key", "back\\slash");
        return ext;
    }

    static byte[] body128() {
        byte[] body = new byte[128];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7 - 64);
        }
        return body;
    }

    /** Every combination of header encoding, remark, extFields and body that a peer may send. */
    static Stream<Arguments> commands() {
        List<Arguments> out = new ArrayList<>();
        Object[][] headers = {
            // code, language, flag, remark, extFields
            {SEND_MESSAGE_V2, "JAVA", 0, null, null},
            {SEND_MESSAGE_V2, "JAVA", 0, "ascii remark", null},
            {SEND_MESSAGE_V2, "JAVA", 0, null, sendMessageV2Ext()},
            {0, "JAVA", 1, NASTY, nastyExt()},
            {34, "GO", 2, "oneway from go", Map.of("clientID", "127.0.0.1@4242")},
            {-1, "RUST", 1, "negative code", Map.of("k", "v")},
        };
        int opaque = 0;
        for (SerializeType type : SerializeType.values()) {
            for (Object[] h : headers) {
                for (byte[] body : Arrays.asList(null, body128())) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> ext = (Map<String, String>) h[4];
                    WireFields fields = new WireFields((int) h[0], (String) h[1], 407, opaque++ * 1_000_003, (int) h[2],
                        (String) h[3], ext == null ? null : new HashMap<>(ext), WireFields.hex(body));
                    out.add(Arguments.of(type, fields));
                }
            }
        }
        return out.stream();
    }

    // ------------------------------------------------------------------ official → Apogee

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void framesFromTheOfficialEncodeDecodeInApogeeToTheSameFields(SerializeType type, WireFields fields) throws Exception {
        byte[] frame = bytes(fields.toOfficial(type).encode());

        assertThat(WireFields.of(apogeeDecode(frame))).isEqualTo(fields).isEqualTo(WireFields.of(officialDecode(frame)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void framesFromTheOfficialEncodeHeaderPlusBodyDecodeInApogee(SerializeType type, WireFields fields) throws Exception {
        org.apache.rocketmq.remoting.protocol.RemotingCommand official = fields.toOfficial(type);
        byte[] frame = concat(bytes(official.encodeHeader()), fields.body());

        assertThat(WireFields.of(apogeeDecode(frame))).isEqualTo(fields);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void framesFromTheOfficialNettyEncoderPathDecodeInApogee(SerializeType type, WireFields fields) throws Exception {
        byte[] frame = officialFastEncode(fields.toOfficial(type));

        assertThat(WireFields.of(apogeeDecode(frame))).isEqualTo(fields);
    }

    // ------------------------------------------------------------------ Apogee → official

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void apogeeFramesDecodeInTheOfficialClassesToTheSameFields(SerializeType type, WireFields fields) throws Exception {
        RemotingCommand apogee = fields.toApogee(type);
        byte[] frame = bytes(apogee.encode());

        org.apache.rocketmq.remoting.protocol.RemotingCommand decoded = officialDecode(frame);
        assertThat(WireFields.of(decoded)).isEqualTo(fields);
        assertThat(decoded.getSerializeTypeCurrentRPC().name()).isEqualTo(type.name());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void apogeeWritesTheSameBytesAsTheOfficialEncoder(SerializeType type, WireFields fields) {
        byte[] official = bytes(fields.toOfficial(type).encode());
        byte[] apogee = bytes(fields.toApogee(type).encode());

        assertThat(ByteBufUtil.hexDump(apogee)).isEqualTo(ByteBufUtil.hexDump(official));
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void apogeeHeaderOnlyEncodingPlusBodyDecodesInTheOfficialClasses(SerializeType type) throws Exception {
        WireFields fields = new WireFields(SEND_MESSAGE_V2, "JAVA", 407, 77, 0, null, sendMessageV2Ext(),
            WireFields.hex(body128()));
        ByteBuf header = Unpooled.buffer();
        fields.toApogee(type).encodeHeader(header, 128);
        byte[] frame = concat(ByteBufUtil.getBytes(header), fields.body());

        assertThat(WireFields.of(officialDecode(frame))).isEqualTo(fields);
    }

    /** Empty strings are where the two encodings differ: ROCKETMQ cannot tell "" from null for the remark. */
    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void emptyStringsAndEmptyMapsDecodeAlikeInBothImplementations(SerializeType type) throws Exception {
        WireFields fields = new WireFields(7, "JAVA", 407, 5, 0, "", new HashMap<>(Map.of("empty", "")), WireFields.hex(new byte[0]));
        WireFields noExt = new WireFields(7, "JAVA", 407, 6, 0, "", new HashMap<>(), null);
        for (WireFields f : List.of(fields, noExt)) {
            byte[] official = bytes(f.toOfficial(type).encode());
            byte[] apogee = bytes(f.toApogee(type).encode());
            assertThat(WireFields.of(apogeeDecode(official))).isEqualTo(WireFields.of(officialDecode(official)));
            assertThat(WireFields.of(officialDecode(apogee))).isEqualTo(WireFields.of(officialDecode(official)));
        }
    }

    @Test
    void officialCommandsCarryTheConfiguredRemotingVersionAndApogeeDefaultsToTheSame() {
        Assumptions.assumeTrue("407".equals(System.getProperty("rocketmq.remoting.version")),
            "run with -Drocketmq.remoting.version=407 as official daemons do (surefire sets it)");

        assertThat(org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(10, null).getVersion())
            .isEqualTo(407)
            .isEqualTo(RemotingCommand.createRequestCommand(10, null).getVersion())
            .isEqualTo(RemotingCommand.createResponseCommand(0, null).getVersion());
    }

    // ------------------------------------------------------------------ typed headers (protocol.md §1.9)

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void officialTypedHeaderDecodesIntoTheApogeeHeaderClass(SerializeType type) throws Exception {
        org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader official =
            new org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader();
        official.setBrokerName("broker-a");
        official.setBrokerAddr("127.0.0.1:10911");
        official.setClusterName("DefaultCluster");
        official.setHaServerAddr("127.0.0.1:10912");
        official.setBrokerId(0L);
        official.setCompressed(true);
        official.setBodyCrc32(-123456);
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(REGISTER_BROKER, official);
        request.setSerializeTypeCurrentRPC(WireFields.official(type));

        RegisterBrokerRequestHeader apogee = apogeeDecode(bytes(request.encode()))
            .decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);

        assertThat(apogee).usingRecursiveComparison().isEqualTo(official);
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void apogeeTypedHeaderDecodesIntoTheOfficialHeaderClass(SerializeType type) throws Exception {
        RegisterBrokerRequestHeader apogee = new RegisterBrokerRequestHeader();
        apogee.setBrokerName("broker-ü");
        apogee.setBrokerAddr("127.0.0.1:10911");
        apogee.setClusterName("DefaultCluster");
        apogee.setHaServerAddr("127.0.0.1:10912");
        apogee.setBrokerId(1L);
        apogee.setCompressed(false);
        apogee.setBodyCrc32(Integer.MAX_VALUE);
        RemotingCommand request = RemotingCommand.createRequestCommand(REGISTER_BROKER, apogee);
        request.setSerializeTypeCurrentRPC(type);

        org.apache.rocketmq.remoting.protocol.RemotingCommand decoded = officialDecode(bytes(request.encode()));
        Object official = decoded.decodeCommandCustomHeader(
            org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader.class);

        assertThat(official).usingRecursiveComparison().isEqualTo(apogee);
        assertThat(decoded.getExtFields()).containsEntry("compressed", "false").containsEntry("bodyCrc32", "2147483647");
    }

    /**
     * The official "fast codes" path writes a SendMessageRequestHeaderV2's own fields and then the generic
     * extFields map, so a key can appear twice (protocol.md §1.4). The later value wins in both decoders.
     */
    @Test
    void fastCodesHeaderWithDuplicateKeysDecodesLastWinsLikeTheOfficialDecoder() throws Exception {
        SendMessageRequestHeaderV2 header = new SendMessageRequestHeaderV2();
        header.setA("PG");
        header.setB("TopicTest");
        header.setC("TBW102");
        header.setD(4);
        header.setE(1);
        header.setF(0);
        header.setG(1700000000000L);
        header.setH(0);
        header.setI("UNIQ_KEY\u0001ABC\u0002");
        header.setJ(0);
        header.setK(false);
        header.setL(16);
        header.setM(true);
        java.lang.reflect.Field n = SendMessageRequestHeaderV2.class.getDeclaredField("n");   // no setter in 4.9.7
        n.setAccessible(true);
        n.set(header, "broker-a");
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(SEND_MESSAGE_V2, header);
        request.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.ROCKETMQ);
        request.addExtField("b", "TopicFromHook");       // as an RPC hook copying fields would
        request.addExtField("AccessKey", "rocketmq2");
        request.setBody("hello".getBytes(UTF_8));

        byte[] frame = officialFastEncode(request);
        assertThat(countOccurrences(frame, "TopicTest".getBytes(UTF_8))).isEqualTo(1);
        RemotingCommand decoded = apogeeDecode(frame);

        assertThat(decoded.getExtFields()).isEqualTo(officialDecode(frame).getExtFields());
        SendMessageV2Header apogee = decoded.decodeCommandCustomHeader(SendMessageV2Header.class);
        assertThat(apogee.b).isEqualTo("TopicFromHook");
        assertThat(apogee).usingRecursiveComparison().ignoringFields("b").isEqualTo(header);
    }

    /** An Apogee header class with the fields of the official SendMessageRequestHeaderV2. */
    static class SendMessageV2Header implements CommandCustomHeader {
        String a;
        String b;
        String c;
        Integer d;
        Integer e;
        Integer f;
        Long g;
        Integer h;
        String i;
        Integer j;
        boolean k;
        Integer l;
        boolean m;
        String n;
        String bname;   // from the official RpcRequestHeader superclass
    }

    // ------------------------------------------------------------------ verified examples of protocol.md

    /** protocol.md §1.4: GET_MAX_OFFSET, opaque 7, remark "hi", ext {queueId=3, topic=T}, version 407. */
    static final String GET_MAX_OFFSET_FRAME = "00000035" + "01000031" + "001e" + "00" + "0197" + "00000007"
        + "00000000" + "00000002" + "6869" + "0000001a"
        + "0007" + "71756575654964" + "00000001" + "33"
        + "0005" + "746f706963" + "00000001" + "54";

    static class GetMaxOffsetHeader implements CommandCustomHeader {
        String topic;
        Integer queueId;
    }

    @Test
    void apogeeProducesTheVerifiedRocketMQHeaderFrameExactly() {
        GetMaxOffsetHeader header = new GetMaxOffsetHeader();
        header.topic = "T";
        header.queueId = 3;
        RemotingCommand cmd = RemotingCommand.createRequestCommand(GET_MAX_OFFSET, header);
        cmd.setOpaque(7);
        cmd.setVersion(407);
        cmd.setRemark("hi");
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);

        assertThat(ByteBufUtil.hexDump(bytes(cmd.encode()))).isEqualTo(GET_MAX_OFFSET_FRAME);
    }

    @Test
    void apogeeDecodesTheVerifiedRocketMQHeaderFrame() throws Exception {
        RemotingCommand cmd = apogeeDecode(ByteBufUtil.decodeHexDump(GET_MAX_OFFSET_FRAME));

        assertThat(WireFields.of(cmd)).isEqualTo(
            new WireFields(GET_MAX_OFFSET, "JAVA", 407, 7, 0, "hi", Map.of("queueId", "3", "topic", "T"), null));
        assertThat(cmd.getSerializeTypeCurrentRPC()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(cmd.decodeCommandCustomHeader(GetMaxOffsetHeader.class).queueId).isEqualTo(3);
    }

    /** protocol.md §1.3, verified request header: SEND_MESSAGE_V2; with body "hello" the frame is 311 bytes (§1.2). */
    static final String SEND_MESSAGE_V2_JSON = "{\"code\":310,\"extFields\":{\"a\":\"PG\",\"b\":\"TopicTest\",\"c\":\"TBW102\","
        + "\"d\":\"4\",\"e\":\"1\",\"f\":\"0\",\"g\":\"1700000000000\",\"h\":\"0\","
        + "\"i\":\"UNIQ_KEY\\u0001ABC\\u0002WAIT\\u0001true\\u0002\",\"j\":\"0\",\"k\":\"false\",\"m\":\"false\","
        + "\"n\":\"broker-a\"},\"flag\":0,\"language\":\"JAVA\",\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\","
        + "\"version\":407}";
    static final String SEND_RESPONSE_JSON = "{\"code\":0,\"extFields\":{\"queueId\":\"1\",\"TRACE_ON\":\"true\","
        + "\"MSG_REGION\":\"DefaultRegion\",\"msgId\":\"0A00000100002A9F0000000000000000\",\"queueOffset\":\"0\"},"
        + "\"flag\":1,\"language\":\"JAVA\",\"opaque\":5,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}";
    static final String ONEWAY_JSON =
        "{\"code\":34,\"flag\":2,\"language\":\"JAVA\",\"opaque\":9,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}";

    @Test
    void theVerifiedJsonRequestDecodesAndIsReproducedByteForByte() throws Exception {
        byte[] frame = jsonFrame(SEND_MESSAGE_V2_JSON, "hello".getBytes(UTF_8));
        assertThat(frame).hasSize(311);
        assertThat(ByteBufUtil.hexDump(frame, 0, 8)).isEqualTo("000001330000012a");

        RemotingCommand cmd = apogeeDecode(frame);

        assertThat(WireFields.of(cmd)).isEqualTo(new WireFields(SEND_MESSAGE_V2, "JAVA", 407, 0, 0, null,
            sendMessageV2Ext(), WireFields.hex("hello".getBytes(UTF_8))));
        assertThat(cmd.getExtFields().get("i")).isEqualTo("UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002");
        assertThat(bytes(cmd.encode())).isEqualTo(frame);
    }

    @Test
    void theVerifiedJsonResponseAndOnewayHeadersDecodeAndAreReproduced() throws Exception {
        RemotingCommand response = apogeeDecode(jsonFrame(SEND_RESPONSE_JSON, null));
        assertThat(WireFields.of(response)).isEqualTo(new WireFields(0, "JAVA", 407, 5, 1, null, Map.of("queueId", "1",
            "TRACE_ON", "true", "MSG_REGION", "DefaultRegion", "msgId", "0A00000100002A9F0000000000000000",
            "queueOffset", "0"), null));
        assertThat(response.isResponseType()).isTrue();

        RemotingCommand oneway = apogeeDecode(jsonFrame(ONEWAY_JSON, null));
        assertThat(WireFields.of(oneway)).isEqualTo(new WireFields(34, "JAVA", 407, 9, 2, null, null, null));
        assertThat(oneway.isOnewayRPC()).isTrue();

        assertThat(new String(headerOf(bytes(response.encode())), UTF_8)).isEqualTo(SEND_RESPONSE_JSON);
        assertThat(new String(headerOf(bytes(oneway.encode())), UTF_8)).isEqualTo(ONEWAY_JSON);
    }

    @Test
    void jsonHeadersAreReadLenientlyLikeFastjson() throws Exception {
        // unknown keys skipped, whitespace allowed, unknown language → null, missing version → 0
        String json = " { \"code\" : 12 , \"unknown\" : {\"x\":[1,2,{\"y\":null}]}, \"language\":\"KOTLIN\","
            + " \"opaque\":3, \"flag\":0, \"remark\":null } ";
        RemotingCommand cmd = apogeeDecode(jsonFrame(json, null));
        org.apache.rocketmq.remoting.protocol.RemotingCommand official = officialDecode(jsonFrame(json, null));

        assertThat(WireFields.of(cmd)).isEqualTo(new WireFields(12, null, 0, 3, 0, null, null, null))
            .isEqualTo(WireFields.of(official));
    }

    // ------------------------------------------------------------------ helpers

    /** Decodes a whole frame (length prefix included) through Apogee's frame decoder. */
    static RemotingCommand apogeeDecode(byte[] frame) {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyDecoder(NettyServerConfig.DEFAULT_FRAME_MAX_LENGTH));
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        RemotingCommand cmd = channel.readInbound();
        assertThat(cmd).as("Apogee decoded the frame").isNotNull();
        assertThat(channel.isOpen()).isTrue();
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
        return cmd;
    }

    /** The official decoder is given the frame without its length prefix, as its NettyDecoder does. */
    static org.apache.rocketmq.remoting.protocol.RemotingCommand officialDecode(byte[] frame) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        assertThat(buffer.getInt()).as("length prefix").isEqualTo(frame.length - 4);
        return org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(buffer.slice());
    }

    /** What the official NettyEncoder writes: fastEncodeHeader, then the body. */
    static byte[] officialFastEncode(org.apache.rocketmq.remoting.protocol.RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        cmd.fastEncodeHeader(out);
        if (cmd.getBody() != null) {
            out.writeBytes(cmd.getBody());
        }
        return ByteBufUtil.getBytes(out);
    }

    static byte[] jsonFrame(String json, byte[] body) {
        byte[] header = json.getBytes(UTF_8);
        int bodyLength = body == null ? 0 : body.length;
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length + bodyLength);
        frame.putInt(4 + header.length + bodyLength).putInt(header.length).put(header);
        if (body != null) {
            frame.put(body);
        }
        return frame.array();
    }

    static byte[] headerOf(byte[] frame) {
        int headerLength = ByteBuffer.wrap(frame).getInt(4) & 0xFFFFFF;
        return Arrays.copyOfRange(frame, 8, 8 + headerLength);
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        if (b == null) {
            return a;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int countOccurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                count++;
            }
        }
        return count;
    }
}
