package io.apogee.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.Date;
import java.util.zip.CRC32;

/** Small helpers shared by the store and the message model (file names, CRCs, hex, disk usage). */
public final class UtilAll {
    public static final String YYYY_MM_DD_HH_MM_SS = "yyyy-MM-dd HH:mm:ss";
    public static final String YYYY_MM_DD_HH_MM_SS_SSS = "yyyy-MM-dd#HH:mm:ss:SSS";
    public static final String YYYYMMDDHHMMSS = "yyyyMMddHHmmss";
    private static final char[] HEX_ARRAY = "0123456789ABCDEF".toCharArray();

    private UtilAll() {
    }

    /** Store file names are the start offset as 20 zero-padded decimal digits. */
    public static String offset2FileName(long offset) {
        String s = Long.toString(offset);
        if (s.length() >= 20) {
            return s;
        }
        StringBuilder sb = new StringBuilder(20);
        for (int i = s.length(); i < 20; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    public static int crc32(byte[] array) {
        return array == null ? 0 : crc32(array, 0, array.length);
    }

    /** CRC32 with the sign bit cleared, as stored in a commit-log record's BODYCRC. */
    public static int crc32(byte[] array, int offset, int length) {
        CRC32 crc32 = new CRC32();
        crc32.update(array, offset, length);
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    public static String bytes2string(byte[] src) {
        char[] hexChars = new char[src.length * 2];
        for (int j = 0; j < src.length; j++) {
            int v = src[j] & 0xFF;
            hexChars[j * 2] = HEX_ARRAY[v >>> 4];
            hexChars[j * 2 + 1] = HEX_ARRAY[v & 0x0F];
        }
        return new String(hexChars);
    }

    public static byte[] string2bytes(String hexString) {
        if (hexString == null || hexString.isEmpty()) {
            return null;
        }
        int length = hexString.length() / 2;
        byte[] d = new byte[length];
        for (int i = 0; i < length; i++) {
            d[i] = (byte) ((Character.digit(hexString.charAt(i * 2), 16) << 4)
                | Character.digit(hexString.charAt(i * 2 + 1), 16));
        }
        return d;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static int getPid() {
        return (int) ProcessHandle.current().pid();
    }

    /** Whether the current hour is listed in {@code when}, a ';'-separated list such as "04" or "04;16". */
    public static boolean isItTimeToDo(String when) {
        if (when == null) {
            return false;
        }
        int hour = Calendar.getInstance().get(Calendar.HOUR_OF_DAY);
        for (String w : when.split(";")) {
            w = w.trim();
            if (!w.isEmpty() && Integer.parseInt(w) == hour) {
                return true;
            }
        }
        return false;
    }

    public static String timeMillisToHumanString(long t) {
        return new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date(t));
    }

    public static String timeMillisToHumanString2(long t) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS").format(new Date(t));
    }

    /** Used share of the partition holding {@code path}, 0.0–1.0; -1 when it cannot be determined. */
    public static double getDiskPartitionSpaceUsedPercent(String path) {
        if (path == null || path.isEmpty()) {
            return -1;
        }
        try {
            File file = new File(path);
            if (!file.exists()) {
                return -1;
            }
            FileStore store = Files.getFileStore(file.toPath());
            return usedRatio(store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /**
     * Used share as {@code df} shows it and as RocketMQ compares it with diskMaxUsedSpaceRatio: blocks reserved for
     * root count as neither used nor available, and the percentage is rounded up to a whole number.
     */
    static double usedRatio(long total, long unallocated, long usable) {
        if (total <= 0) {
            return -1;
        }
        long used = total - unallocated;
        long entire = used + usable;
        if (entire <= 0) {
            return -1;
        }
        long percent = (used * 100 + entire - 1) / entire;
        return percent / 100.0;
    }

    public static void ensureDirOK(String dirName) {
        if (dirName != null) {
            try {
                Files.createDirectories(Paths.get(dirName));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create directory " + dirName, e);
            }
        }
    }

    /** Deletes a file or a directory tree; missing files are fine. */
    public static void deleteFile(File file) {
        if (file == null || !file.exists()) {
            return;
        }
        File[] children = file.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteFile(c);
            }
        }
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file, e);
        }
    }

    public static Path path(String first, String... more) {
        return Paths.get(first, more);
    }
}
