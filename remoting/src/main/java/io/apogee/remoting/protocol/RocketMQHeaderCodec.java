package io.apogee.remoting.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.apogee.common.protocol.RemotingCommandException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The ROCKETMQ binary header form (protocol.md §1.4): fixed fields, then a length-prefixed remark and a
 * length-prefixed run of (int16 key length, key, int32 value length, value) entries.
 */
final class RocketMQHeaderCodec {
    private RocketMQHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeShort(cmd.getCode());
        out.writeByte(cmd.getLanguage() == null ? LanguageCode.JAVA.getCode() : cmd.getLanguage().getCode());
        out.writeShort(cmd.getVersion());
        out.writeInt(cmd.getOpaque());
        out.writeInt(cmd.getFlag());
        writeLongString(out, cmd.getRemark());
        Map<String, String> ext = cmd.getExtFields();
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (ext != null) {
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                int keyIndex = out.writerIndex();
                out.writeShort(0);
                int keyLen = ByteBufUtil.writeUtf8(out, e.getKey());
                out.setShort(keyIndex, keyLen);
                writeLongString(out, e.getValue());
            }
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    private static void writeLongString(ByteBuf out, String s) {
        if (s == null || s.isEmpty()) {
            out.writeInt(0);
            return;
        }
        int index = out.writerIndex();
        out.writeInt(0);
        int len = ByteBufUtil.writeUtf8(out, s);
        out.setInt(index, len);
    }

    static RemotingCommand decode(ByteBuf in, int headerLength) throws RemotingCommandException {
        int end = in.readerIndex() + headerLength;
        if (headerLength < 21) {
            throw new RemotingCommandException("ROCKETMQ header too short: " + headerLength + " bytes");
        }
        RemotingCommand cmd = new RemotingCommand();
        cmd.setCode(in.readShort());
        cmd.setLanguage(LanguageCode.valueOf(in.readByte()));
        cmd.setVersion(in.readShort());
        cmd.setOpaque(in.readInt());
        cmd.setFlag(in.readInt());
        int remarkLength = in.readInt();
        checkLength(remarkLength, end - in.readerIndex(), "remark");
        if (remarkLength > 0) {
            cmd.setRemark(in.readCharSequence(remarkLength, StandardCharsets.UTF_8).toString());
        }
        checkLength(4, end - in.readerIndex(), "extFields length");
        int extLength = in.readInt();
        checkLength(extLength, end - in.readerIndex(), "extFields");
        if (extLength > 0) {
            HashMap<String, String> map = new HashMap<>();
            int extEnd = in.readerIndex() + extLength;
            while (in.readerIndex() < extEnd) {
                checkLength(2, extEnd - in.readerIndex(), "key length");
                int keyLen = in.readShort() & 0xFFFF;
                checkLength(keyLen, extEnd - in.readerIndex(), "key");
                String key = readUtf8OrNull(in, keyLen);
                checkLength(4, extEnd - in.readerIndex(), "value length");
                int valueLen = in.readInt();
                checkLength(valueLen, extEnd - in.readerIndex(), "value");
                String value = readUtf8OrNull(in, valueLen);
                // Fast-codes headers may repeat a key; the last occurrence wins.
                map.put(key, value);
            }
            cmd.setExtFields(map);
        }
        if (in.readerIndex() != end) {
            throw new RemotingCommandException("ROCKETMQ header has " + (end - in.readerIndex()) + " unread bytes");
        }
        return cmd;
    }

    /** A zero-length string reads as null, for keys and values alike, as official decoders do. */
    private static String readUtf8OrNull(ByteBuf in, int length) {
        return length == 0 ? null : in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static void checkLength(int length, int available, String what) throws RemotingCommandException {
        if (length < 0 || length > available) {
            throw new RemotingCommandException("ROCKETMQ header: " + what + " length " + length
                + " exceeds the " + available + " bytes left in the header");
        }
    }
}
