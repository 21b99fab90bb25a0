package io.apogee.common.protocol;

import java.nio.charset.StandardCharsets;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

/**
 * Base of JSON request/response bodies. fastjson is used because official peers use it: its field
 * order (alphabetical), null omission and map quirks are what they expect (protocol.md §3.8).
 * Safe mode is switched on once, here, so no body can name a class to instantiate.
 */
public abstract class RemotingSerializable {
    static {
        ParserConfig.getGlobalInstance().setSafeMode(true);
        ParserConfig.getGlobalInstance().setAutoTypeSupport(false);
    }

    public static byte[] encode(Object obj) {
        String json = toJson(obj, false);
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(Object obj, boolean prettyFormat) {
        return JSON.toJSONString(obj, prettyFormat);
    }

    public static <T> T decode(byte[] data, Class<T> type) {
        if (data == null) {
            return null;
        }
        return fromJson(new String(data, StandardCharsets.UTF_8), type);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSON.parseObject(json, type);
    }

    public byte[] encode() {
        return encode(this);
    }

    public String toJson() {
        return toJson(false);
    }

    public String toJson(boolean prettyFormat) {
        return toJson(this, prettyFormat);
    }
}
