package io.apogee.common.constant;

/** Bits of {@code topicSysFlag} (protocol.md §6.5): unit topics and topics with unit subscriptions. */
public final class TopicSysFlag {
    public static final int FLAG_UNIT = 0x1;
    public static final int FLAG_UNIT_SUB = 0x1 << 1;

    private TopicSysFlag() {
    }

    public static int buildSysFlag(boolean unit, boolean hasUnitSub) {
        int flag = 0;
        if (unit) {
            flag |= FLAG_UNIT;
        }
        if (hasUnitSub) {
            flag |= FLAG_UNIT_SUB;
        }
        return flag;
    }

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) == FLAG_UNIT;
    }

    public static boolean hasUnitSubFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT_SUB) == FLAG_UNIT_SUB;
    }
}
