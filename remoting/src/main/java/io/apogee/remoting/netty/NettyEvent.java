package io.apogee.remoting.netty;

import io.netty.channel.Channel;

public record NettyEvent(NettyEventType type, String remoteAddr, Channel channel) {
}
