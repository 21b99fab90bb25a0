package io.apogee.namesrv.routeinfo;

import io.apogee.common.DataVersion;
import io.netty.channel.Channel;

/** Liveness record of one broker address: when it last registered, over which channel, with which data version. */
final class BrokerLiveInfo {
    private volatile long lastUpdateTimestamp;
    private final DataVersion dataVersion;
    private final Channel channel;
    private final String haServerAddr;

    BrokerLiveInfo(long lastUpdateTimestamp, DataVersion dataVersion, Channel channel, String haServerAddr) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
        this.dataVersion = dataVersion;
        this.channel = channel;
        this.haServerAddr = haServerAddr;
    }

    long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    void setLastUpdateTimestamp(long lastUpdateTimestamp) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }

    DataVersion getDataVersion() {
        return dataVersion;
    }

    Channel getChannel() {
        return channel;
    }

    String getHaServerAddr() {
        return haServerAddr;
    }

    @Override
    public String toString() {
        return "BrokerLiveInfo [lastUpdateTimestamp=" + lastUpdateTimestamp + ", dataVersion=" + dataVersion
            + ", channel=" + channel + ", haServerAddr=" + haServerAddr + "]";
    }
}
