package io.apogee.common.admin;

import io.apogee.common.protocol.RemotingSerializable;

/** Broker and consumer offsets of one queue in ConsumeStats. */
public class OffsetWrapper extends RemotingSerializable {
    private long brokerOffset;
    private long consumerOffset;
    private long lastTimestamp;

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public void setBrokerOffset(long brokerOffset) {
        this.brokerOffset = brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public void setConsumerOffset(long consumerOffset) {
        this.consumerOffset = consumerOffset;
    }

    public long getLastTimestamp() {
        return lastTimestamp;
    }

    public void setLastTimestamp(long lastTimestamp) {
        this.lastTimestamp = lastTimestamp;
    }
}
