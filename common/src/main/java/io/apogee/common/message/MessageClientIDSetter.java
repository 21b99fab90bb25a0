package io.apogee.common.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.common.UtilAll;

/**
 * Generates the client unique message id (UNIQ_KEY, protocol.md §4.4):
 * ip (4/16) | pid (2) | class-loader hash (4) | ms since month start (4) | counter (2), as uppercase hex.
 */
public final class MessageClientIDSetter {
    private static final String FIX_STRING;
    private static final int IP_LENGTH;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile long startTime;
    private static volatile long nextStartTime;

    static {
        byte[] ip = localAddress();
        IP_LENGTH = ip.length;
        ByteBuffer b = ByteBuffer.allocate(ip.length + 2 + 4);
        b.put(ip);
        b.putShort((short) UtilAll.getPid());
        ClassLoader cl = MessageClientIDSetter.class.getClassLoader();
        b.putInt(cl == null ? 0 : cl.hashCode());
        FIX_STRING = UtilAll.bytes2string(b.array());
        setStartTime(System.currentTimeMillis());
    }

    private MessageClientIDSetter() {
    }

    private static byte[] localAddress() {
        byte[] privateV4 = null;
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    if (a.isSiteLocalAddress()) {
                        if (privateV4 == null && a instanceof Inet4Address) {
                            privateV4 = a.getAddress();
                        }
                    } else {
                        return a.getAddress();
                    }
                }
            }
        } catch (Exception e) {
            // fall through to the time-based bytes, as the reference client does
        }
        if (privateV4 != null) {
            return privateV4;
        }
        byte[] time = ByteBuffer.allocate(8).putLong(System.currentTimeMillis()).array();
        return java.util.Arrays.copyOfRange(time, 4, 8);
    }

    private static synchronized void setStartTime(long millis) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(millis);
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        startTime = cal.getTimeInMillis();
        cal.add(Calendar.MONTH, 1);
        nextStartTime = cal.getTimeInMillis();
    }

    public static String createUniqID() {
        long current = System.currentTimeMillis();
        if (current >= nextStartTime) {
            setStartTime(current);
        }
        int diff = (int) (current - startTime);
        short counter = (short) COUNTER.getAndIncrement();
        ByteBuffer b = ByteBuffer.allocate(6);
        b.putInt(diff).putShort(counter);
        return FIX_STRING + UtilAll.bytes2string(b.array());
    }

    public static void setUniqID(Message msg) {
        if (msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
            msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, createUniqID());
        }
    }

    public static String getUniqID(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    /** The ip part of an id as text (IPv4 dotted or IPv6), derived from the id's length. */
    public static String getIPStrFromID(String msgID) {
        byte[] bytes = UtilAll.string2bytes(msgID);
        int ipLength = bytes.length == 16 ? 4 : 16;
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOf(bytes, ipLength)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Approximate creation time of an id, assuming it was made in the current or the previous month. */
    public static long getNearlyTimeFromID(String msgID) {
        byte[] bytes = UtilAll.string2bytes(msgID);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int diff = b.getInt(bytes.length - 6);
        long now = System.currentTimeMillis();
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(now);
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        long monStart = cal.getTimeInMillis();
        if (monStart + diff >= now) {
            cal.add(Calendar.MONTH, -1);
            monStart = cal.getTimeInMillis();
        }
        return monStart + (diff & 0xFFFFFFFFL);
    }

    static int ipLength() {
        return IP_LENGTH;
    }
}
