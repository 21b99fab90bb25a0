package io.apogee.common.admin;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Body of GET_TOPIC_STATS_INFO. */
public class TopicStatsTable extends RemotingSerializable {
    private Map<MessageQueue, TopicOffset> offsetTable = new HashMap<>();

    public Map<MessageQueue, TopicOffset> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, TopicOffset> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
