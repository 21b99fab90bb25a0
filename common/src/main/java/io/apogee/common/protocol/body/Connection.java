package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;

/** One client connection in ConsumerConnection / ProducerConnection. */
public class Connection extends RemotingSerializable {
    private String clientId;
    private String clientAddr;
    private String language;
    private int version;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientAddr() {
        return clientAddr;
    }

    public void setClientAddr(String clientAddr) {
        this.clientAddr = clientAddr;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
