package io.apogee.remoting.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.apogee.common.protocol.RemotingCommandException;
import io.netty.buffer.ByteBuf;

/**
 * The JSON header form, written and read by hand rather than through fastjson: the header has eight known
 * keys, so a direct writer avoids building a bean graph and a direct reader avoids reflection, on every frame.
 *
 * <p>Output follows fastjson's conventions that official peers produce (keys in alphabetical order, null
 * values omitted, control characters escaped as {@code \\uXXXX}, non-ASCII raw UTF-8). Input is lenient the
 * way fastjson is: unknown keys are skipped, missing keys keep defaults, an unknown language becomes null.
 */
final class JsonHeaderCodec {
    /** Upper-case, as fastjson writes {@code \\u001F}: keeps our headers byte-identical to official ones. */
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private JsonHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeByte('{');
        writeKey(out, "code", true);
        writeInt(out, cmd.getCode());
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            writeKey(out, "extFields", false);
            out.writeByte('{');
            boolean first = true;
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.writeByte(',');
                }
                first = false;
                writeString(out, e.getKey());
                out.writeByte(':');
                writeString(out, e.getValue());
            }
            out.writeByte('}');
        }
        writeKey(out, "flag", false);
        writeInt(out, cmd.getFlag());
        if (cmd.getLanguage() != null) {
            writeKey(out, "language", false);
            out.writeByte('"');
            out.writeCharSequence(cmd.getLanguage().name(), StandardCharsets.US_ASCII);
            out.writeByte('"');
        }
        writeKey(out, "opaque", false);
        writeInt(out, cmd.getOpaque());
        if (cmd.getRemark() != null) {
            writeKey(out, "remark", false);
            writeString(out, cmd.getRemark());
        }
        writeKey(out, "serializeTypeCurrentRPC", false);
        out.writeByte('"');
        out.writeCharSequence(cmd.getSerializeTypeCurrentRPC().name(), StandardCharsets.US_ASCII);
        out.writeByte('"');
        writeKey(out, "version", false);
        writeInt(out, cmd.getVersion());
        out.writeByte('}');
    }

    private static void writeKey(ByteBuf out, String key, boolean first) {
        if (!first) {
            out.writeByte(',');
        }
        out.writeByte('"');
        out.writeCharSequence(key, StandardCharsets.US_ASCII);
        out.writeByte('"');
        out.writeByte(':');
    }

    private static void writeInt(ByteBuf out, int v) {
        if (v >= 0 && v < 10) {
            out.writeByte('0' + v);
            return;
        }
        out.writeCharSequence(Integer.toString(v), StandardCharsets.US_ASCII);
    }

    static void writeString(ByteBuf out, String s) {
        out.writeByte('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                if (c == '"' || c == '\\') {
                    out.writeByte('\\');
                }
                out.writeByte(c);
            } else if (c <= 0x9F || c == 0x2028 || c == 0x2029) {
                // fastjson escapes C0, DEL, C1 and the JavaScript line separators as \\uXXXX
                writeControl(out, c);
            } else if (c < 0x800) {
                out.writeByte(0xC0 | (c >> 6));
                out.writeByte(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.writeByte(0xF0 | (cp >> 18));
                out.writeByte(0x80 | ((cp >> 12) & 0x3F));
                out.writeByte(0x80 | ((cp >> 6) & 0x3F));
                out.writeByte(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.writeByte('?');
            } else {
                out.writeByte(0xE0 | (c >> 12));
                out.writeByte(0x80 | ((c >> 6) & 0x3F));
                out.writeByte(0x80 | (c & 0x3F));
            }
        }
        out.writeByte('"');
    }

    private static void writeControl(ByteBuf out, char c) {
        out.writeByte('\\');
        switch (c) {
            case '\n': out.writeByte('n'); return;
            case '\r': out.writeByte('r'); return;
            case '\t': out.writeByte('t'); return;
            case '\b': out.writeByte('b'); return;
            case '\f': out.writeByte('f'); return;
            default:
                out.writeByte('u');
                out.writeByte(HEX[(c >> 12) & 0xF]);
                out.writeByte(HEX[(c >> 8) & 0xF]);
                out.writeByte(HEX[(c >> 4) & 0xF]);
                out.writeByte(HEX[c & 0xF]);
        }
    }

    static RemotingCommand decode(byte[] json) throws RemotingCommandException {
        return new Reader(json).readCommand();
    }

    /** A small recursive-descent reader over the header bytes. */
    private static final class Reader {
        private final byte[] b;
        private int p;

        Reader(byte[] b) {
            this.b = b;
        }

        RemotingCommand readCommand() throws RemotingCommandException {
            RemotingCommand cmd = new RemotingCommand();
            cmd.setLanguage(LanguageCode.JAVA);
            cmd.setVersion(0);
            boolean sawOpaque = false;
            skipWs();
            expect('{');
            skipWs();
            if (peek() == '}') {
                p++;
            } else {
                while (true) {
                    skipWs();
                    String key = readString();
                    skipWs();
                    expect(':');
                    skipWs();
                    switch (key) {
                        case "code": cmd.setCode(readIntValue()); break;
                        case "flag": cmd.setFlag(readIntValue()); break;
                        case "opaque": cmd.setOpaque(readIntValue()); sawOpaque = true; break;
                        case "version": cmd.setVersion(readIntValue()); break;
                        case "language": {
                            String l = readNullableScalar();
                            cmd.setLanguage(l == null ? null : LanguageCode.fromName(l));
                            break;
                        }
                        case "remark": cmd.setRemark(readNullableScalar()); break;
                        case "extFields": cmd.setExtFields(readStringMap()); break;
                        default: skipValue(); break;
                    }
                    skipWs();
                    byte c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '}'");
                    }
                }
            }
            skipWs();
            if (p != b.length) {
                throw error("trailing data after header object");
            }
            if (!sawOpaque) {
                // fastjson peers tolerate a missing opaque by drawing a local id; do the same.
                cmd.setOpaque(RemotingCommand.nextOpaque());
            }
            return cmd;
        }

        private HashMap<String, String> readStringMap() throws RemotingCommandException {
            if (peek() == 'n') {
                readLiteral("null");
                return null;
            }
            HashMap<String, String> map = new HashMap<>();
            expect('{');
            skipWs();
            if (peek() == '}') {
                p++;
                return map;
            }
            while (true) {
                skipWs();
                String key = readString();
                skipWs();
                expect(':');
                skipWs();
                String value = readNullableScalar();
                if (value != null) {
                    map.put(key, value);
                }
                skipWs();
                byte c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected ',' or '}' in extFields");
                }
            }
        }

        /** A string, number or boolean as its text; null for JSON null. */
        private String readNullableScalar() throws RemotingCommandException {
            byte c = peek();
            if (c == '"') {
                return readString();
            }
            if (c == 'n') {
                readLiteral("null");
                return null;
            }
            if (c == 't') {
                readLiteral("true");
                return "true";
            }
            if (c == 'f') {
                readLiteral("false");
                return "false";
            }
            int start = p;
            skipNumber();
            return new String(b, start, p - start, StandardCharsets.US_ASCII);
        }

        private int readIntValue() throws RemotingCommandException {
            byte c = peek();
            if (c == '"') {
                try {
                    return Integer.parseInt(readString().trim());
                } catch (NumberFormatException e) {
                    throw error("expected a number");
                }
            }
            if (c == 'n') {
                readLiteral("null");
                return 0;
            }
            boolean negative = false;
            if (c == '-') {
                negative = true;
                p++;
            }
            long v = 0;
            int digits = 0;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                v = v * 10 + (b[p++] - '0');
                if (++digits > 11) {
                    throw error("number too large");
                }
            }
            if (digits == 0) {
                throw error("expected a number");
            }
            v = negative ? -v : v;
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error("number out of int range");
            }
            return (int) v;
        }

        private String readString() throws RemotingCommandException {
            expect('"');
            int start = p;
            // Fast path: no escapes, decode the slice at once.
            while (p < b.length) {
                byte c = b[p];
                if (c == '"') {
                    String s = new String(b, start, p - start, StandardCharsets.UTF_8);
                    p++;
                    return s;
                }
                if (c == '\\') {
                    break;
                }
                p++;
            }
            if (p >= b.length) {
                throw error("unterminated string");
            }
            StringBuilder sb = new StringBuilder(new String(b, start, p - start, StandardCharsets.UTF_8));
            int runStart = p;
            while (true) {
                if (p >= b.length) {
                    throw error("unterminated string");
                }
                byte c = b[p];
                if (c == '"') {
                    sb.append(new String(b, runStart, p - runStart, StandardCharsets.UTF_8));
                    p++;
                    return sb.toString();
                }
                if (c != '\\') {
                    p++;
                    continue;
                }
                sb.append(new String(b, runStart, p - runStart, StandardCharsets.UTF_8));
                p++;
                byte e = next();
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': sb.append((char) readHex4()); break;
                    case 'x': sb.append((char) (hex(next()) << 4 | hex(next()))); break;
                    default: throw error("bad escape");
                }
                runStart = p;
            }
        }

        private int readHex4() throws RemotingCommandException {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 4) | hex(next());
            }
            return v;
        }

        private int hex(byte c) throws RemotingCommandException {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            throw error("bad hex digit");
        }

        private void skipValue() throws RemotingCommandException {
            byte c = peek();
            if (c == '{' || c == '[') {
                byte close = c == '{' ? (byte) '}' : (byte) ']';
                p++;
                skipWs();
                if (peek() == close) {
                    p++;
                    return;
                }
                while (true) {
                    skipWs();
                    if (c == '{') {
                        readString();
                        skipWs();
                        expect(':');
                        skipWs();
                    }
                    skipValue();
                    skipWs();
                    byte n = next();
                    if (n == close) {
                        return;
                    }
                    if (n != ',') {
                        throw error("malformed nested value");
                    }
                }
            }
            readNullableScalar();
        }

        private void skipNumber() throws RemotingCommandException {
            int start = p;
            while (p < b.length) {
                byte c = b[p];
                if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                    p++;
                } else {
                    break;
                }
            }
            if (p == start) {
                throw error("unexpected character");
            }
        }

        private void readLiteral(String lit) throws RemotingCommandException {
            for (int i = 0; i < lit.length(); i++) {
                if (next() != lit.charAt(i)) {
                    throw error("expected " + lit);
                }
            }
        }

        private void skipWs() {
            while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
                p++;
            }
        }

        private byte peek() throws RemotingCommandException {
            if (p >= b.length) {
                throw error("unexpected end of header");
            }
            return b[p];
        }

        private byte next() throws RemotingCommandException {
            if (p >= b.length) {
                throw error("unexpected end of header");
            }
            return b[p++];
        }

        private void expect(char c) throws RemotingCommandException {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private RemotingCommandException error(String what) {
            return new RemotingCommandException("invalid JSON header at byte " + p + ": " + what);
        }
    }
}
