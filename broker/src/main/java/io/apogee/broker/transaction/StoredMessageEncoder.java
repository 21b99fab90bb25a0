package io.apogee.broker.transaction;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageSysFlag;

/**
 * Encodes a message in the CommitLog record layout (protocol.md §5.1). Broker → client callbacks such as
 * CHECK_TRANSACTION_STATE carry a message this way, after the broker has changed its topic, so the stored
 * bytes cannot simply be forwarded.
 */
final class StoredMessageEncoder {
    private StoredMessageEncoder() {
    }

    static byte[] encode(MessageExt msg) {
        byte[] body = msg.getBody() == null ? new byte[0] : msg.getBody();
        byte[] topic = msg.getTopic().getBytes(StandardCharsets.UTF_8);
        byte[] props = MessageDecoder.messageProperties2String(msg.getProperties()).getBytes(StandardCharsets.UTF_8);
        int sysFlag = msg.getSysFlag();
        int bornHostLen = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);
        int storeHostLen = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        int size = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + bornHostLen + 8 + storeHostLen + 4 + 8
            + 4 + body.length + 1 + topic.length + 2 + props.length;
        ByteBuffer b = ByteBuffer.allocate(size);
        CRC32 crc = new CRC32();
        crc.update(body);
        b.putInt(size);
        b.putInt(MessageDecoder.MESSAGE_MAGIC_CODE);
        b.putInt((int) (crc.getValue() & 0x7FFFFFFF));
        b.putInt(msg.getQueueId());
        b.putInt(msg.getFlag());
        b.putLong(msg.getQueueOffset());
        b.putLong(msg.getCommitLogOffset());
        b.putInt(sysFlag);
        b.putLong(msg.getBornTimestamp());
        putHost(b, msg.getBornHost(), bornHostLen);
        b.putLong(msg.getStoreTimestamp());
        putHost(b, msg.getStoreHost(), storeHostLen);
        b.putInt(msg.getReconsumeTimes());
        b.putLong(msg.getPreparedTransactionOffset());
        b.putInt(body.length);
        b.put(body);
        b.put((byte) topic.length);
        b.put(topic);
        b.putShort((short) props.length);
        b.put(props);
        return b.array();
    }

    private static void putHost(ByteBuffer b, SocketAddress address, int length) {
        if (address instanceof InetSocketAddress isa && isa.getAddress() != null
            && isa.getAddress().getAddress().length + 4 == length) {
            b.put(isa.getAddress().getAddress());
            b.putInt(isa.getPort());
        } else {
            b.position(b.position() + length);
        }
    }
}
