package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;
import java.util.HashSet;
import java.util.Set;

/** Body of QUERY_TOPIC_CONSUME_BY_WHO. */
public class GroupList extends RemotingSerializable {
    private Set<String> groupList = new HashSet<>();

    public Set<String> getGroupList() {
        return groupList;
    }

    public void setGroupList(Set<String> groupList) {
        this.groupList = groupList;
    }
}
