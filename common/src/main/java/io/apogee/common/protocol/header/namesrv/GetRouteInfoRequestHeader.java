package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;
import io.apogee.common.protocol.annotation.CFNullable;

/** Header of GET_ROUTEINFO_BY_TOPIC (105). {@code acceptStandardJsonOnly} asks for quoted map keys regardless of version. */
public class GetRouteInfoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    @CFNullable
    private Boolean acceptStandardJsonOnly;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Boolean getAcceptStandardJsonOnly() {
        return acceptStandardJsonOnly;
    }

    public void setAcceptStandardJsonOnly(Boolean acceptStandardJsonOnly) {
        this.acceptStandardJsonOnly = acceptStandardJsonOnly;
    }
}
