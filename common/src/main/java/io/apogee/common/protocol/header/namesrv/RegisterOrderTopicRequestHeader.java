package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** Header reserved by RocketMQ for registering order topics (no request code uses it in 4.9). */
public class RegisterOrderTopicRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    @CFNotNull
    private String orderTopicString;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getOrderTopicString() {
        return orderTopicString;
    }

    public void setOrderTopicString(String orderTopicString) {
        this.orderTopicString = orderTopicString;
    }
}
