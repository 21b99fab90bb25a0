package io.apogee.common.protocol.body;

import java.util.HashSet;
import java.util.Set;

import io.apogee.common.protocol.RemotingSerializable;

/** A set of topic names, optionally with the broker that reported them: {@code {"topicList":["T"]}}. */
public class TopicList extends RemotingSerializable {
    private Set<String> topicList = new HashSet<>();
    private String brokerAddr;

    public Set<String> getTopicList() {
        return topicList;
    }

    public void setTopicList(Set<String> topicList) {
        this.topicList = topicList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }
}
