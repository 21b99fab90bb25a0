package io.apogee.common.protocol.body;

import java.util.Objects;

/** One queue of a topic on one broker; also the JSON map key of several admin bodies (protocol.md §3.8). */
public class MessageQueue implements Comparable<MessageQueue> {
    private String topic;
    private String brokerName;
    private int queueId;

    public MessageQueue() {
    }

    public MessageQueue(String topic, String brokerName, int queueId) {
        this.topic = topic;
        this.brokerName = brokerName;
        this.queueId = queueId;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MessageQueue other)) {
            return false;
        }
        return queueId == other.queueId && Objects.equals(topic, other.topic) && Objects.equals(brokerName, other.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, brokerName, queueId);
    }

    @Override
    public int compareTo(MessageQueue o) {
        int c = String.valueOf(topic).compareTo(String.valueOf(o.topic));
        if (c != 0) {
            return c;
        }
        c = String.valueOf(brokerName).compareTo(String.valueOf(o.brokerName));
        return c != 0 ? c : Integer.compare(queueId, o.queueId);
    }

    @Override
    public String toString() {
        return "MessageQueue [topic=" + topic + ", brokerName=" + brokerName + ", queueId=" + queueId + "]";
    }
}
