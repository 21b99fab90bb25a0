package io.apogee.common.admin;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Body of GET_CONSUME_STATS. */
public class ConsumeStats extends RemotingSerializable {
    private Map<MessageQueue, OffsetWrapper> offsetTable = new HashMap<>();
    private double consumeTps;

    public Map<MessageQueue, OffsetWrapper> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, OffsetWrapper> offsetTable) {
        this.offsetTable = offsetTable;
    }

    public double getConsumeTps() {
        return consumeTps;
    }

    public void setConsumeTps(double consumeTps) {
        this.consumeTps = consumeTps;
    }
}
