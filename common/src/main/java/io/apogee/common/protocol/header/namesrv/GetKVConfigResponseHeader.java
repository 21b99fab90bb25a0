package io.apogee.common.protocol.header.namesrv;

import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.annotation.CFNullable;

/** Response of GET_KV_CONFIG. */
public class GetKVConfigResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String value;

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
