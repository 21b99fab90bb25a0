package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;

/** One producer connection in {@link ProducerTableInfo} (GET_ALL_PRODUCER_INFO). */
public class ProducerInfo extends RemotingSerializable {
    private String clientId;
    private String remoteIP;
    /** The client's language code name ("JAVA", "CPP", ...), as it travels in JSON. */
    private String language;
    private int version;
    private long lastUpdateTimestamp;

    public ProducerInfo() {
    }

    public ProducerInfo(String clientId, String remoteIP, String language, int version, long lastUpdateTimestamp) {
        this.clientId = clientId;
        this.remoteIP = remoteIP;
        this.language = language;
        this.version = version;
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getRemoteIP() {
        return remoteIP;
    }

    public void setRemoteIP(String remoteIP) {
        this.remoteIP = remoteIP;
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

    public long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    public void setLastUpdateTimestamp(long lastUpdateTimestamp) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }
}
