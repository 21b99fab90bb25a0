package io.apogee.common.constant;

/** Permission bits of a topic or broker (protocol.md §6.5). Values are wire facts. */
public final class PermName {
    public static final int PERM_PRIORITY = 0x1 << 3;
    public static final int PERM_READ = 0x1 << 2;
    public static final int PERM_WRITE = 0x1 << 1;
    public static final int PERM_INHERIT = 0x1;

    private PermName() {
    }

    /** Human form used by admin tools, e.g. {@code RW-}. */
    public static String perm2String(int perm) {
        StringBuilder sb = new StringBuilder("---");
        if (isReadable(perm)) {
            sb.setCharAt(0, 'R');
        }
        if (isWriteable(perm)) {
            sb.setCharAt(1, 'W');
        }
        if (isInherited(perm)) {
            sb.setCharAt(2, 'X');
        }
        return sb.toString();
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    public static boolean isPriority(int perm) {
        return (perm & PERM_PRIORITY) == PERM_PRIORITY;
    }
}
