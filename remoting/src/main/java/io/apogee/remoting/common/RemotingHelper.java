package io.apogee.remoting.common;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.Channel;

/** Address formatting and parsing shared by client and server. */
public final class RemotingHelper {
    public static final String DEFAULT_CHARSET = "UTF-8";
    public static final String ROCKETMQ_REMOTING = "RocketmqRemoting";

    private RemotingHelper() {
    }

    /** "host:port" of the channel's peer, or "" when the channel is gone. */
    public static String parseChannelRemoteAddr(Channel channel) {
        if (channel == null) {
            return "";
        }
        return parseSocketAddressAddr(channel.remoteAddress());
    }

    public static String parseSocketAddressAddr(SocketAddress address) {
        if (address == null) {
            return "";
        }
        if (address instanceof InetSocketAddress isa) {
            String host = isa.getAddress() != null ? isa.getAddress().getHostAddress() : isa.getHostString();
            return host + ":" + isa.getPort();
        }
        String s = address.toString();
        return s.startsWith("/") ? s.substring(1) : s;
    }

    /** Parses "host:port" (IPv6 hosts may be bracketed or not; the port follows the last colon). */
    public static InetSocketAddress string2SocketAddress(String addr) {
        int split = addr.lastIndexOf(':');
        if (split <= 0) {
            throw new IllegalArgumentException("address must be host:port, got '" + addr + "'");
        }
        String host = addr.substring(0, split);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(addr.substring(split + 1).trim());
        return new InetSocketAddress(host, port);
    }

    /** A one-line description of an exception for response remarks and logs. */
    public static String exceptionSimpleDesc(Throwable e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        if (trace != null && trace.length > 0) {
            sb.append(", ").append(trace[0]);
        }
        return sb.toString();
    }
}
