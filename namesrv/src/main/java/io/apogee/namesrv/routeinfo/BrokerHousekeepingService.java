package io.apogee.namesrv.routeinfo;

import io.apogee.remoting.ChannelEventListener;
import io.netty.channel.Channel;

/** Drops a broker as soon as the connection it registered over closes, fails or idles out. */
public class BrokerHousekeepingService implements ChannelEventListener {
    private final RouteInfoManager routeInfoManager;

    public BrokerHousekeepingService(RouteInfoManager routeInfoManager) {
        this.routeInfoManager = routeInfoManager;
    }

    @Override
    public void onChannelConnect(String remoteAddr, Channel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }
}
