package io.apogee.common.protocol.route;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.apogee.common.MixAll;

/**
 * A master/slave set: brokers sharing a name, addresses keyed by brokerId (0 = master). Plain fastjson
 * writes the Long keys unquoted: {@code {"brokerAddrs":{0:"10.0.0.1:10911"},"brokerName":"broker-a","cluster":"C"}}.
 */
public class BrokerData implements Comparable<BrokerData> {
    private String cluster;
    private String brokerName;
    private HashMap<Long, String> brokerAddrs;

    public BrokerData() {
    }

    public BrokerData(String cluster, String brokerName, HashMap<Long, String> brokerAddrs) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerAddrs = brokerAddrs;
    }

    /** A copy with its own address map. */
    public BrokerData copy() {
        return new BrokerData(cluster, brokerName, brokerAddrs == null ? null : new HashMap<>(brokerAddrs));
    }

    /** The master's address if there is one, else any slave's (random), else null. */
    public String selectBrokerAddr() {
        if (brokerAddrs == null || brokerAddrs.isEmpty()) {
            return null;
        }
        String master = brokerAddrs.get(MixAll.MASTER_ID);
        if (master != null) {
            return master;
        }
        List<String> addrs = List.copyOf(brokerAddrs.values());
        return addrs.get(ThreadLocalRandom.current().nextInt(addrs.size()));
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public HashMap<Long, String> getBrokerAddrs() {
        return brokerAddrs;
    }

    public void setBrokerAddrs(HashMap<Long, String> brokerAddrs) {
        this.brokerAddrs = brokerAddrs;
    }

    @Override
    public int compareTo(BrokerData o) {
        return this.brokerName.compareTo(o.brokerName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BrokerData)) {
            return false;
        }
        BrokerData b = (BrokerData) o;
        return Objects.equals(cluster, b.cluster) && Objects.equals(brokerName, b.brokerName)
            && Objects.equals(brokerAddrs, b.brokerAddrs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cluster, brokerName, brokerAddrs);
    }

    @Override
    public String toString() {
        return "BrokerData [brokerName=" + brokerName + ", brokerAddrs=" + brokerAddrs + "]";
    }
}
