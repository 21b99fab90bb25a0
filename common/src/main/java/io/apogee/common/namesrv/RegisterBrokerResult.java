package io.apogee.common.namesrv;

/** What the namesrv tells a registering slave: its master's HA address and broker address (null for masters). */
public class RegisterBrokerResult {
    private String haServerAddr;
    private String masterAddr;

    public RegisterBrokerResult() {
    }

    public RegisterBrokerResult(String haServerAddr, String masterAddr) {
        this.haServerAddr = haServerAddr;
        this.masterAddr = masterAddr;
    }

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public void setHaServerAddr(String haServerAddr) {
        this.haServerAddr = haServerAddr;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    public void setMasterAddr(String masterAddr) {
        this.masterAddr = masterAddr;
    }
}
