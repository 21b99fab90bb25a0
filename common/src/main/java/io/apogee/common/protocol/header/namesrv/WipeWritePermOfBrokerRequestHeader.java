package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** Header of WIPE_WRITE_PERM_OF_BROKER (205). */
public class WipeWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }
}
