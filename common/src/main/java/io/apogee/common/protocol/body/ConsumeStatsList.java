package io.apogee.common.protocol.body;

import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.protocol.RemotingSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Body of GET_BROKER_CONSUME_STATS. */
public class ConsumeStatsList extends RemotingSerializable {
    private List<Map<String, List<ConsumeStats>>> consumeStatsList = new ArrayList<>();
    private String brokerAddr;
    private long totalDiff;

    public List<Map<String, List<ConsumeStats>>> getConsumeStatsList() {
        return consumeStatsList;
    }

    public void setConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList) {
        this.consumeStatsList = consumeStatsList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public long getTotalDiff() {
        return totalDiff;
    }

    public void setTotalDiff(long totalDiff) {
        this.totalDiff = totalDiff;
    }
}
