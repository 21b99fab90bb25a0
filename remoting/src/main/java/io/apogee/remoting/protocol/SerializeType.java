package io.apogee.remoting.protocol;

/** Header encoding of one frame, carried in the top byte of the header-length word. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte getCode() {
        return code;
    }

    public static SerializeType valueOf(byte code) {
        if (code == 0) {
            return JSON;
        }
        if (code == 1) {
            return ROCKETMQ;
        }
        return null;
    }
}
