package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;
import java.util.HashSet;
import java.util.Set;

/** Body of GET_PRODUCER_CONNECTION_LIST. */
public class ProducerConnection extends RemotingSerializable {
    private Set<Connection> connectionSet = new HashSet<>();

    public Set<Connection> getConnectionSet() {
        return connectionSet;
    }

    public void setConnectionSet(Set<Connection> connectionSet) {
        this.connectionSet = connectionSet;
    }
}
