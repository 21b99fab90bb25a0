package io.apogee.common.message;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.apogee.common.UtilAll;

/**
 * Reads and writes the RocketMQ 4.x stored record (protocol.md §5.1), which is also the pull/query wire
 * body, the properties string (§4.2), offset message ids (§4.4) and batch bodies (§4.6).
 */
public final class MessageDecoder {
    public static final char NAME_VALUE_SEPARATOR = 1;
    public static final char PROPERTY_SEPARATOR = 2;
    public static final int MESSAGE_MAGIC_CODE = -626843481;
    public static final int BLANK_MAGIC_CODE = -875286124;
    public static final int MESSAGE_MAGIC_CODE_POSTION = 4;
    public static final int MESSAGE_FLAG_POSTION = 16;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int MESSAGE_PHYSIC_OFFSET_POSTION = 28;
    public static final int SYSFLAG_POSITION = 36;
    public static final int BORNHOST_POSITION = 48;
    public static final int MESSAGE_STORE_TIMESTAMP_POSTION = 56;

    private MessageDecoder() {
    }

    /** Offset of STORETIMESTAMP in a record with this sysFlag (it moves when the born host is IPv6). */
    public static int storeTimestampPosition(int sysFlag) {
        return BORNHOST_POSITION + MessageSysFlag.hostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);
    }

    /** Hex of storeHost ip | port | commit-log offset. */
    public static String createMessageId(SocketAddress storeHost, long offset) {
        InetSocketAddress a = (InetSocketAddress) storeHost;
        byte[] ip = a.getAddress().getAddress();
        ByteBuffer b = ByteBuffer.allocate(ip.length + 12);
        b.put(ip).putInt(a.getPort()).putLong(offset);
        return UtilAll.bytes2string(b.array());
    }

    /** Hex of the host bytes already in {@code hostAndPort} (ip+port, 8 or 20 bytes) and the offset. */
    public static String createMessageId(byte[] hostAndPort, int hostLength, long offset) {
        char[] out = new char[(hostLength + 8) * 2];
        int p = 0;
        for (int i = 0; i < hostLength; i++) {
            p = hex(out, p, hostAndPort[i]);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            p = hex(out, p, (byte) (offset >>> shift));
        }
        return new String(out);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static int hex(char[] out, int p, byte b) {
        out[p] = HEX[(b >>> 4) & 0xF];
        out[p + 1] = HEX[b & 0xF];
        return p + 2;
    }

    public static MessageId decodeMessageId(String msgId) throws UnknownHostException {
        byte[] bytes = UtilAll.string2bytes(msgId);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int ipLength = msgId.length() == 32 ? 4 : 16;
        byte[] ip = new byte[ipLength];
        b.get(ip);
        int port = b.getInt();
        long offset = b.getLong();
        return new MessageId(new InetSocketAddress(InetAddress.getByAddress(ip), port), offset);
    }

    public static String messageProperties2String(Map<String, String> properties) {
        if (properties == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(PROPERTY_SEPARATOR);
            }
            sb.append(e.getKey()).append(NAME_VALUE_SEPARATOR).append(e.getValue());
        }
        return sb.toString();
    }

    public static Map<String, String> string2messageProperties(String properties) {
        Map<String, String> map = new HashMap<>();
        if (properties == null) {
            return map;
        }
        int len = properties.length();
        int index = 0;
        while (index < len) {
            int next = properties.indexOf(PROPERTY_SEPARATOR, index);
            if (next < 0) {
                next = len;
            }
            if (next - index >= 3) {
                int kv = properties.indexOf(NAME_VALUE_SEPARATOR, index);
                if (kv > index && kv < next - 1) {
                    map.put(properties.substring(index, kv), properties.substring(kv + 1, next));
                }
            }
            index = next + 1;
        }
        return map;
    }

    /** Looks one property up in a stored record without decoding the rest of it. */
    public static String decodeProperty(ByteBuffer record, String name) {
        Map<String, String> props = decodeProperties(record);
        return props == null ? null : props.get(name);
    }

    public static Map<String, String> decodeProperties(ByteBuffer record) {
        int base = record.position();
        int sysFlag = record.getInt(base + SYSFLAG_POSITION);
        int bornHostLen = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.BORNHOST_V6_FLAG);
        int storeHostLen = MessageSysFlag.hostLength(sysFlag, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        int bodyLenPos = base + 48 + bornHostLen + 8 + storeHostLen + 4 + 8;
        int bodyLen = record.getInt(bodyLenPos);
        int topicLenPos = bodyLenPos + 4 + bodyLen;
        int topicLen = record.get(topicLenPos);
        int propsLenPos = topicLenPos + 1 + topicLen;
        short propsLen = record.getShort(propsLenPos);
        if (propsLen <= 0) {
            return null;
        }
        byte[] p = new byte[propsLen];
        record.get(propsLenPos + 2, p);
        return string2messageProperties(new String(p, StandardCharsets.UTF_8));
    }

    public static MessageExt decode(ByteBuffer byteBuffer) {
        return decode(byteBuffer, true, true, false);
    }

    public static MessageExt clientDecode(ByteBuffer byteBuffer, boolean readBody) {
        return decode(byteBuffer, readBody, true, true);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody) {
        return decode(byteBuffer, readBody, deCompressBody, false);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody, boolean isClient) {
        return decode(byteBuffer, readBody, deCompressBody, isClient, false, false);
    }

    /**
     * Decodes one record at the buffer's position and advances past it. Returns null when the record is
     * malformed (for example a torn tail): callers stop there.
     *
     * @param checkCRC verify BODYCRC against the body; a mismatch yields null
     */
    public static MessageExt decode(ByteBuffer byteBuffer, boolean readBody, boolean deCompressBody, boolean isClient,
                                    boolean isSetPropertiesString, boolean checkCRC) {
        try {
            MessageExt msg = isSetPropertiesString ? new MessageExtBrokerInner() : new MessageExt();
            int storeSize = byteBuffer.getInt();
            msg.setStoreSize(storeSize);
            byteBuffer.getInt(); // magic code
            int bodyCRC = byteBuffer.getInt();
            msg.setBodyCRC(bodyCRC);
            msg.setQueueId(byteBuffer.getInt());
            msg.setFlag(byteBuffer.getInt());
            msg.setQueueOffset(byteBuffer.getLong());
            long physicOffset = byteBuffer.getLong();
            msg.setCommitLogOffset(physicOffset);
            int sysFlag = byteBuffer.getInt();
            msg.setSysFlag(sysFlag);
            msg.setBornTimestamp(byteBuffer.getLong());
            msg.setBornHost(readHost(byteBuffer, (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) != 0));
            msg.setStoreTimestamp(byteBuffer.getLong());
            int storeHostLen = (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) == 0 ? 4 : 16;
            byte[] storeHostBytes = new byte[storeHostLen + 4];
            byteBuffer.get(storeHostBytes);
            InetAddress storeIp = InetAddress.getByAddress(java.util.Arrays.copyOf(storeHostBytes, storeHostLen));
            int storePort = ByteBuffer.wrap(storeHostBytes, storeHostLen, 4).getInt();
            msg.setStoreHost(new InetSocketAddress(storeIp, storePort));
            msg.setReconsumeTimes(byteBuffer.getInt());
            msg.setPreparedTransactionOffset(byteBuffer.getLong());
            int bodyLen = byteBuffer.getInt();
            if (bodyLen > 0) {
                if (readBody) {
                    byte[] body = new byte[bodyLen];
                    byteBuffer.get(body);
                    if (checkCRC && UtilAll.crc32(body) != bodyCRC) {
                        return null;
                    }
                    if (deCompressBody && (sysFlag & MessageSysFlag.COMPRESSED_FLAG) != 0) {
                        body = uncompressIfZlib(body, sysFlag);
                    }
                    msg.setBody(body);
                } else {
                    byteBuffer.position(byteBuffer.position() + bodyLen);
                }
            }
            int topicLen = byteBuffer.get();
            byte[] topic = new byte[topicLen];
            byteBuffer.get(topic);
            msg.setTopic(new String(topic, StandardCharsets.UTF_8));
            short propertiesLength = byteBuffer.getShort();
            if (propertiesLength > 0) {
                byte[] properties = new byte[propertiesLength];
                byteBuffer.get(properties);
                String propertiesString = new String(properties, StandardCharsets.UTF_8);
                if (isSetPropertiesString) {
                    ((MessageExtBrokerInner) msg).setPropertiesString(propertiesString);
                }
                msg.setProperties(string2messageProperties(propertiesString));
            }
            byte[] hostAndPort = new byte[storeHostBytes.length];
            System.arraycopy(storeHostBytes, 0, hostAndPort, 0, storeHostBytes.length);
            String offsetMsgId = createMessageId(hostAndPort, storeHostLen + 4, physicOffset);
            if (isClient) {
                String uniq = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
                msg.setMsgId(uniq != null ? uniq : offsetMsgId);
            } else {
                msg.setMsgId(offsetMsgId);
            }
            return msg;
        } catch (RuntimeException | UnknownHostException e) {
            byteBuffer.position(byteBuffer.limit());
            return null;
        }
    }

    private static SocketAddress readHost(ByteBuffer b, boolean v6) throws UnknownHostException {
        byte[] ip = new byte[v6 ? 16 : 4];
        b.get(ip);
        int port = b.getInt();
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }

    private static byte[] uncompressIfZlib(byte[] body, int sysFlag) {
        int type = (sysFlag & MessageSysFlag.COMPRESSION_TYPE_COMPARATOR);
        if (type != 0 && type != MessageSysFlag.COMPRESSION_ZLIB_TYPE) {
            return body; // LZ4/ZSTD: left to a client that has the codec
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return body;
        } finally {
            inflater.end();
        }
    }

    /** Decodes records until the buffer is exhausted or a record is malformed. */
    public static List<MessageExt> decodes(ByteBuffer byteBuffer) {
        return decodes(byteBuffer, true);
    }

    public static List<MessageExt> decodes(ByteBuffer byteBuffer, boolean readBody) {
        List<MessageExt> list = new ArrayList<>();
        while (byteBuffer.hasRemaining()) {
            MessageExt m = clientDecode(byteBuffer, readBody);
            if (m == null) {
                break;
            }
            list.add(m);
        }
        return list;
    }

    /** One record of a SEND_BATCH_MESSAGE body (protocol.md §4.6). */
    public static byte[] encodeMessage(Message message) {
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody();
        byte[] props = messageProperties2String(message.getProperties()).getBytes(StandardCharsets.UTF_8);
        int storeSize = 20 + body.length + 2 + props.length;
        ByteBuffer b = ByteBuffer.allocate(storeSize);
        b.putInt(storeSize).putInt(0).putInt(0).putInt(message.getFlag()).putInt(body.length).put(body);
        b.putShort((short) props.length).put(props);
        return b.array();
    }

    public static byte[] encodeMessages(List<? extends Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message m : messages) {
            out.writeBytes(encodeMessage(m));
        }
        return out.toByteArray();
    }

    /** Reverse of {@link #encodeMessages}: the messages of a batch body (topic not included). */
    public static List<Message> decodeMessages(ByteBuffer byteBuffer) {
        List<Message> list = new ArrayList<>();
        while (byteBuffer.hasRemaining()) {
            Message m = new Message();
            byteBuffer.getInt(); // total size
            byteBuffer.getInt(); // magic, unused
            byteBuffer.getInt(); // crc, unused
            m.setFlag(byteBuffer.getInt());
            byte[] body = new byte[byteBuffer.getInt()];
            byteBuffer.get(body);
            m.setBody(body);
            byte[] props = new byte[byteBuffer.getShort()];
            byteBuffer.get(props);
            m.setProperties(string2messageProperties(new String(props, StandardCharsets.UTF_8)));
            list.add(m);
        }
        return list;
    }
}
