package io.apogee.remoting.protocol;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.common.MQVersion;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * One request or response of the RocketMQ remoting protocol: a header (code, language, version, opaque,
 * flag, remark, extFields) and an optional body. Framing is in {@link #encode(ByteBuf)} and
 * {@link #decode(ByteBuf)}; see protocol.md §1.
 */
public class RemotingCommand {
    public static final String SERIALIZE_TYPE_PROPERTY = "rocketmq.serialize.type";
    public static final String SERIALIZE_TYPE_ENV = "ROCKETMQ_SERIALIZE_TYPE";
    public static final String REMOTING_VERSION_KEY = "rocketmq.remoting.version";

    private static final int RPC_TYPE = 0;
    private static final int RPC_ONEWAY = 1;
    private static final AtomicInteger REQUEST_ID = new AtomicInteger(0);
    private static final SerializeType DEFAULT_SERIALIZE_TYPE = defaultSerializeType();
    private static final int DEFAULT_VERSION = Integer.getInteger(REMOTING_VERSION_KEY, MQVersion.CURRENT_VERSION);

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = DEFAULT_VERSION;
    private int opaque;
    private int flag;
    private String remark;
    private HashMap<String, String> extFields;
    private transient CommandCustomHeader customHeader;
    private SerializeType serializeTypeCurrentRPC = DEFAULT_SERIALIZE_TYPE;
    private transient byte[] body;

    protected RemotingCommand() {
    }

    private static SerializeType defaultSerializeType() {
        String v = System.getProperty(SERIALIZE_TYPE_PROPERTY, System.getenv(SERIALIZE_TYPE_ENV));
        if (v != null && v.trim().equalsIgnoreCase("ROCKETMQ")) {
            return SerializeType.ROCKETMQ;
        }
        return SerializeType.JSON;
    }

    public static SerializeType getDefaultSerializeType() {
        return DEFAULT_SERIALIZE_TYPE;
    }

    static int nextOpaque() {
        return REQUEST_ID.getAndIncrement();
    }

    public static RemotingCommand createRequestCommand(int code, CommandCustomHeader customHeader) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.opaque = REQUEST_ID.getAndIncrement();
        cmd.customHeader = customHeader;
        return cmd;
    }

    public static RemotingCommand createResponseCommand(int code, String remark) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.markResponseType();
        cmd.code = code;
        cmd.remark = remark;
        return cmd;
    }

    /** A SYSTEM_ERROR response carrying a fresh instance of the header class, to be filled by the processor. */
    public static RemotingCommand createResponseCommand(Class<? extends CommandCustomHeader> headerClass) {
        RemotingCommand cmd = createResponseCommand(ResponseCode.SYSTEM_ERROR, "not set any response code");
        if (headerClass != null) {
            try {
                cmd.customHeader = headerClass.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot instantiate " + headerClass, e);
            }
        }
        return cmd;
    }

    /** Reads the typed header from extFields, failing with a remark-ready message if a required field is missing. */
    public <T extends CommandCustomHeader> T decodeCommandCustomHeader(Class<T> headerClass) throws RemotingCommandException {
        return CustomHeaderCodec.decode(headerClass, extFields);
    }

    /** Copies the typed header, if any, into extFields; called just before encoding. */
    public void makeCustomHeaderToNet() {
        if (customHeader != null) {
            if (extFields == null) {
                extFields = new HashMap<>();
            }
            CustomHeaderCodec.encode(customHeader, extFields);
        }
    }

    // ---------------------------------------------------------------- framing

    /** Writes the whole frame (length, header word, header, body). */
    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(0);
        int headerStart = out.writerIndex();
        encodeHeaderBody(out);
        int headerLength = out.writerIndex() - headerStart;
        int bodyLength = body == null ? 0 : body.length;
        if (body != null) {
            out.writeBytes(body);
        }
        out.setInt(start, 4 + headerLength + bodyLength);
        out.setInt(start + 4, markProtocolType(headerLength, serializeTypeCurrentRPC));
    }

    /**
     * Writes length, header word and header only; the caller sends {@code bodyLength} body bytes after it
     * (used for zero-copy bodies such as pulled messages).
     */
    public void encodeHeader(ByteBuf out, int bodyLength) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(0);
        int headerStart = out.writerIndex();
        encodeHeaderBody(out);
        int headerLength = out.writerIndex() - headerStart;
        out.setInt(start, 4 + headerLength + bodyLength);
        out.setInt(start + 4, markProtocolType(headerLength, serializeTypeCurrentRPC));
    }

    private void encodeHeaderBody(ByteBuf out) {
        makeCustomHeaderToNet();
        if (serializeTypeCurrentRPC == SerializeType.ROCKETMQ) {
            RocketMQHeaderCodec.encode(this, out);
        } else {
            JsonHeaderCodec.encode(this, out);
        }
    }

    /** The encoded frame as a heap buffer (tests, tools). */
    public ByteBuffer encode() {
        ByteBuf buf = Unpooled.buffer(256 + (body == null ? 0 : body.length));
        encode(buf);
        return ByteBuffer.wrap(ByteBufUtil.getBytes(buf));
    }

    static int markProtocolType(int headerLength, SerializeType type) {
        return (type.getCode() << 24) | (headerLength & 0x00FFFFFF);
    }

    /**
     * Decodes one frame whose 4-byte length prefix has already been stripped. The header encoding is taken
     * from the frame itself, so JSON and ROCKETMQ peers can share a connection.
     */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        int length = frame.readableBytes();
        if (length < 4) {
            throw new RemotingCommandException("frame of " + length + " bytes has no header word");
        }
        int word = frame.readInt();
        int headerLength = word & 0x00FFFFFF;
        SerializeType type = SerializeType.valueOf((byte) ((word >>> 24) & 0xFF));
        if (type == null) {
            throw new RemotingCommandException("unknown serialize type " + ((word >>> 24) & 0xFF));
        }
        if (headerLength > frame.readableBytes()) {
            throw new RemotingCommandException("bad header length " + headerLength + " in a frame of " + length + " bytes");
        }
        RemotingCommand cmd;
        if (type == SerializeType.ROCKETMQ) {
            cmd = RocketMQHeaderCodec.decode(frame, headerLength);
        } else {
            byte[] header = new byte[headerLength];
            frame.readBytes(header);
            cmd = JsonHeaderCodec.decode(header);
        }
        cmd.serializeTypeCurrentRPC = type;
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            cmd.body = new byte[bodyLength];
            frame.readBytes(cmd.body);
        }
        return cmd;
    }

    public static RemotingCommand decode(ByteBuffer frame) throws RemotingCommandException {
        return decode(Unpooled.wrappedBuffer(frame));
    }

    public static RemotingCommand decode(byte[] frame) throws RemotingCommandException {
        return decode(Unpooled.wrappedBuffer(frame));
    }

    /**
     * Makes this command the response to {@code request}: same opaque, the response flag, and the caller's
     * header encoding. Every path that answers a request (the remoting layer, or a processor answering later
     * on the channel itself) goes through here.
     */
    public RemotingCommand asResponseTo(RemotingCommand request) {
        this.opaque = request.getOpaque();
        markResponseType();
        this.serializeTypeCurrentRPC = request.getSerializeTypeCurrentRPC();
        return this;
    }

    // ---------------------------------------------------------------- flags

    public void markResponseType() {
        flag |= 1 << RPC_TYPE;
    }

    public boolean isResponseType() {
        return (flag & (1 << RPC_TYPE)) != 0;
    }

    public void markOnewayRPC() {
        flag |= 1 << RPC_ONEWAY;
    }

    public boolean isOnewayRPC() {
        return (flag & (1 << RPC_ONEWAY)) != 0;
    }

    public RemotingCommandType getType() {
        return isResponseType() ? RemotingCommandType.RESPONSE_COMMAND : RemotingCommandType.REQUEST_COMMAND;
    }

    // ---------------------------------------------------------------- accessors

    public int getCode() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public int getOpaque() {
        return opaque;
    }

    public void setOpaque(int opaque) {
        this.opaque = opaque;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public HashMap<String, String> getExtFields() {
        return extFields;
    }

    public void setExtFields(HashMap<String, String> extFields) {
        this.extFields = extFields;
    }

    public void addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
    }

    public CommandCustomHeader readCustomHeader() {
        return customHeader;
    }

    public void writeCustomHeader(CommandCustomHeader customHeader) {
        this.customHeader = customHeader;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public SerializeType getSerializeTypeCurrentRPC() {
        return serializeTypeCurrentRPC;
    }

    public void setSerializeTypeCurrentRPC(SerializeType serializeTypeCurrentRPC) {
        this.serializeTypeCurrentRPC = serializeTypeCurrentRPC;
    }

    @Override
    public String toString() {
        return "RemotingCommand [code=" + code + ", language=" + language + ", version=" + version + ", opaque="
            + opaque + ", flag(B)=" + Integer.toBinaryString(flag) + ", remark=" + remark + ", extFields="
            + extFields + ", serializeTypeCurrentRPC=" + serializeTypeCurrentRPC + "]";
    }
}
