package io.apogee.common;

/**
 * Protocol version numbers as RocketMQ counts them: the ordinal of the release in its version list.
 * Every command Apogee sends carries {@link #CURRENT_VERSION} so official peers treat it as 4.9.7.
 */
public final class MQVersion {
    /** Ordinal of V4_9_7. */
    public static final int CURRENT_VERSION = 407;

    public static final int V3_0_7_SNAPSHOT = 28;
    public static final int V3_0_11 = 37;
    public static final int V3_1_8_SNAPSHOT = 62;
    public static final int V3_4_9 = 121;
    public static final int V4_1_0_SNAPSHOT = 232;
    public static final int V4_9_4 = 401;

    private MQVersion() {
    }

    /**
     * The release name for an ordinal, as admin tools print it ("V4_9_7"). Only the 4.x ordinals that are
     * known exactly are named; anything else is shown as its number.
     */
    public static String getVersionDesc(int value) {
        // 4.9.x: V4_9_0 = 396 ... V4_9_7 = 407 with SNAPSHOT entries interleaved for 4.9.0-4.9.2.
        switch (value) {
            case 407: return "V4_9_7";
            case 406: return "V4_9_6";
            case 405: return "V4_9_5";
            case 404: return "V4_9_4_SNAPSHOT_NEXT";
            case 401: return "V4_9_4";
            case 413: return "V5_0_0";
            default: return "V" + value;
        }
    }
}
