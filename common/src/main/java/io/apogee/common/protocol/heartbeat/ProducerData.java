package io.apogee.common.protocol.heartbeat;

import io.apogee.common.protocol.RemotingSerializable;

/** One producer group in a heartbeat. */
public class ProducerData extends RemotingSerializable {
    private String groupName;

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }
}
