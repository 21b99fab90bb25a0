package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;
import java.util.ArrayList;
import java.util.List;

/** Body of QUERY_CONSUME_TIME_SPAN. */
public class QueryConsumeTimeSpanBody extends RemotingSerializable {
    private List<QueueTimeSpan> consumeTimeSpanSet = new ArrayList<>();

    public List<QueueTimeSpan> getConsumeTimeSpanSet() {
        return consumeTimeSpanSet;
    }

    public void setConsumeTimeSpanSet(List<QueueTimeSpan> consumeTimeSpanSet) {
        this.consumeTimeSpanSet = consumeTimeSpanSet;
    }
}
