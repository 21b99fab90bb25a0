package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** Header of ADD_WRITE_PERM_OF_BROKER (327). */
public class AddWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }
}
