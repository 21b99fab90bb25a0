package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNotNull;

/** Response of QUERY_DATA_VERSION: whether the namesrv holds a different version than the broker sent. */
public class QueryDataVersionResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Boolean changed;

    public Boolean getChanged() {
        return changed;
    }

    public void setChanged(Boolean changed) {
        this.changed = changed;
    }
}
