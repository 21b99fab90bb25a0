package io.apogee.common.protocol.header;

import io.apogee.common.protocol.CommandCustomHeader;

/** Header of QUERY_CONSUME_QUEUE (321). */
public class QueryConsumeQueueRequestHeader implements CommandCustomHeader {
    private String topic;
    private int queueId = 0;
    private long index = 0L;
    private int count = 0;
    private String consumerGroup;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    public long getIndex() {
        return index;
    }

    public void setIndex(long index) {
        this.index = index;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
