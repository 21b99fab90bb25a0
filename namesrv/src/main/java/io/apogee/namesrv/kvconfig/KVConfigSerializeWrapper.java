package io.apogee.namesrv.kvconfig;

import java.util.HashMap;

import io.apogee.common.protocol.RemotingSerializable;

/** Shape of {@code kvConfig.json}: {@code {"configTable":{"namespace":{"key":"value"}}}}. */
public class KVConfigSerializeWrapper extends RemotingSerializable {
    private HashMap<String, HashMap<String, String>> configTable;

    public HashMap<String, HashMap<String, String>> getConfigTable() {
        return configTable;
    }

    public void setConfigTable(HashMap<String, HashMap<String, String>> configTable) {
        this.configTable = configTable;
    }
}
