package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** Response of ADD_WRITE_PERM_OF_BROKER: how many topic queue entries became read-write. */
public class AddWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Integer addTopicCount;

    public Integer getAddTopicCount() {
        return addTopicCount;
    }

    public void setAddTopicCount(Integer addTopicCount) {
        this.addTopicCount = addTopicCount;
    }
}
