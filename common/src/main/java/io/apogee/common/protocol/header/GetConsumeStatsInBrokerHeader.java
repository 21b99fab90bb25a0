package io.apogee.common.protocol.header;

import io.apogee.common.protocol.CommandCustomHeader;

/** Header of GET_BROKER_CONSUME_STATS (317); the key is literally isOrder. */
public class GetConsumeStatsInBrokerHeader implements CommandCustomHeader {
    private boolean isOrder = false;

    public boolean isIsOrder() {
        return isOrder;
    }

    public void setIsOrder(boolean isOrder) {
        this.isOrder = isOrder;
    }
}
