package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;

/** The encoder's bytes against the verified reference record of protocol.md §5.1. */
class MessageEncoderGoldenTest {
    static final String GOLDEN = "00000061daa320a758932aac00000001000000000000000000000005000000000000"
        + "04d2000000000000000000000001" + "0a000005000015b30000000000000002" + "0a00000100002a9f000000000000000000000000"
        + "00000002686901540003610162";

    @Test
    void encodesTheReferenceRecordByteForByte() {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic("T");
        msg.setBody("hi".getBytes(StandardCharsets.UTF_8));
        msg.setPropertiesString("a\u0001b");
        msg.setQueueId(1);
        msg.setBornTimestamp(1);
        msg.setBornHost(new InetSocketAddress("10.0.0.5", 5555));
        msg.setStoreHost(new InetSocketAddress("10.0.0.1", 10911));
        MessageEncoder encoder = new MessageEncoder(4 * 1024 * 1024);

        assertThat(encoder.encode(msg)).isEqualTo(AppendMessageStatus.PUT_OK);
        encoder.patch(0, 5, 1234, 2);

        byte[] actual = Arrays.copyOf(encoder.buffer().array(), encoder.length());
        assertThat(UtilAll.bytes2string(actual)).isEqualToIgnoringCase(GOLDEN);
    }

    @Test
    void ipv6HostsSetTheirFlagsAndGrowTheRecordByTwelveBytesEach() {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic("T");
        msg.setBody("hi".getBytes(StandardCharsets.UTF_8));
        msg.setPropertiesString("a\u0001b");
        msg.setBornHost(new InetSocketAddress("::1", 5555));
        msg.setStoreHost(new InetSocketAddress("fe80::1", 10911));
        MessageEncoder encoder = new MessageEncoder(1024 * 1024);
        assertThat(encoder.encode(msg)).isEqualTo(AppendMessageStatus.PUT_OK);
        encoder.patch(0, 0, 0, 42);
        assertThat(encoder.length()).isEqualTo(97 + 24);
        assertThat(msg.getSysFlag() & (MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG))
            .isEqualTo(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        MessageExt back = MessageDecoder.decode(ByteBuffer.wrap(encoder.buffer().array(), 0, encoder.length()));
        assertThat(back.getStoreTimestamp()).isEqualTo(42);
        assertThat(back.getBornHost()).isEqualTo(new InetSocketAddress("::1", 5555));
        assertThat(back.getStoreHost()).isEqualTo(new InetSocketAddress("fe80::1", 10911));
        assertThat(back.getMsgId()).hasSize(56);
    }

    @Test
    void propertiesLongerThan32767BytesAreRejected() {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic("T");
        msg.setBody(new byte[1]);
        msg.setPropertiesString("k\u0001" + "v".repeat(40_000));
        msg.setBornHost(new InetSocketAddress("10.0.0.5", 5555));
        msg.setStoreHost(new InetSocketAddress("10.0.0.1", 10911));
        assertThat(new MessageEncoder(1024 * 1024).encode(msg)).isEqualTo(AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED);
    }
}
