package io.apogee.remoting;

import io.netty.channel.Channel;

/** Told, on a dedicated thread, when a connection opens, closes, fails or goes idle. */
public interface ChannelEventListener {
    void onChannelConnect(String remoteAddr, Channel channel);

    void onChannelClose(String remoteAddr, Channel channel);

    void onChannelException(String remoteAddr, Channel channel);

    void onChannelIdle(String remoteAddr, Channel channel);
}
