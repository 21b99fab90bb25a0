package io.apogee.common.protocol.body;

import java.util.HashMap;

import io.apogee.common.protocol.RemotingSerializable;

/** A string map body: {@code {"table":{"k":"v"}}}. */
public class KVTable extends RemotingSerializable {
    private HashMap<String, String> table = new HashMap<>();

    public HashMap<String, String> getTable() {
        return table;
    }

    public void setTable(HashMap<String, String> table) {
        this.table = table;
    }
}
