package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;
import io.apogee.common.protocol.annotation.CFNullable;

/** Header of DELETE_TOPIC_IN_NAMESRV (216); with {@code clusterName} only that cluster's brokers lose the topic. */
public class DeleteTopicFromNamesrvRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    @CFNullable
    private String clusterName;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }
}
