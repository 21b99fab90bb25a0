package io.apogee.common.protocol.body;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.apogee.common.protocol.RemotingSerializable;

/** Body of GET_ALL_PRODUCER_INFO: every producer group of a broker with its connections. */
public class ProducerTableInfo extends RemotingSerializable {
    private Map<String, List<ProducerInfo>> data = new HashMap<>();

    public ProducerTableInfo() {
    }

    public ProducerTableInfo(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }

    public Map<String, List<ProducerInfo>> getData() {
        return data;
    }

    public void setData(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }
}
