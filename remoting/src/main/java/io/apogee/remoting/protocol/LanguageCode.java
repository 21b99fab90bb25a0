package io.apogee.remoting.protocol;

/** The sender's implementation language: by name in JSON headers, by code in ROCKETMQ headers. */
public enum LanguageCode {
    JAVA((byte) 0),
    CPP((byte) 1),
    DOTNET((byte) 2),
    PYTHON((byte) 3),
    DELPHI((byte) 4),
    ERLANG((byte) 5),
    RUBY((byte) 6),
    OTHER((byte) 7),
    HTTP((byte) 8),
    GO((byte) 9),
    PHP((byte) 10),
    OMS((byte) 11),
    RUST((byte) 12);

    private static final LanguageCode[] BY_CODE = new LanguageCode[256];

    static {
        for (LanguageCode l : values()) {
            BY_CODE[l.code & 0xFF] = l;
        }
    }

    private final byte code;

    LanguageCode(byte code) {
        this.code = code;
    }

    public byte getCode() {
        return code;
    }

    /** Null for a code this release does not know, as official peers do. */
    public static LanguageCode valueOf(byte code) {
        return BY_CODE[code & 0xFF];
    }

    /** Null for an unknown name (lenient like fastjson). */
    public static LanguageCode fromName(String name) {
        switch (name) {
            case "JAVA": return JAVA;
            case "CPP": return CPP;
            case "DOTNET": return DOTNET;
            case "PYTHON": return PYTHON;
            case "DELPHI": return DELPHI;
            case "ERLANG": return ERLANG;
            case "RUBY": return RUBY;
            case "OTHER": return OTHER;
            case "HTTP": return HTTP;
            case "GO": return GO;
            case "PHP": return PHP;
            case "OMS": return OMS;
            case "RUST": return RUST;
            default: return null;
        }
    }
}
