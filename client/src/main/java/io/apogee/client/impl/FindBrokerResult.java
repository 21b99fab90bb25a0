package io.apogee.client.impl;

/** A broker address chosen for a request, whether it is a slave, and the broker's protocol version. */
public record FindBrokerResult(String brokerAddr, boolean slave, int brokerVersion) {
    public String getBrokerAddr() {
        return brokerAddr;
    }

    public boolean isSlave() {
        return slave;
    }
}
