package io.apogee.common.protocol.body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.route.BrokerData;

/** Body of GET_BROKER_CLUSTER_INFO: broker sets by name, and broker names by cluster. */
public class ClusterInfo extends RemotingSerializable {
    private HashMap<String, BrokerData> brokerAddrTable;
    private HashMap<String, Set<String>> clusterAddrTable;

    /** Every address (masters and slaves) of the brokers in a cluster. */
    public String[] retrieveAllAddrByCluster(String cluster) {
        List<String> addrs = new ArrayList<>();
        if (clusterAddrTable != null && brokerAddrTable != null && clusterAddrTable.containsKey(cluster)) {
            for (String brokerName : clusterAddrTable.get(cluster)) {
                BrokerData bd = brokerAddrTable.get(brokerName);
                if (bd != null && bd.getBrokerAddrs() != null) {
                    addrs.addAll(bd.getBrokerAddrs().values());
                }
            }
        }
        return addrs.toArray(new String[0]);
    }

    public String[] retrieveAllClusterNames() {
        return clusterAddrTable == null ? new String[0] : clusterAddrTable.keySet().toArray(new String[0]);
    }

    public HashMap<String, BrokerData> getBrokerAddrTable() {
        return brokerAddrTable;
    }

    public void setBrokerAddrTable(HashMap<String, BrokerData> brokerAddrTable) {
        this.brokerAddrTable = brokerAddrTable;
    }

    public HashMap<String, Set<String>> getClusterAddrTable() {
        return clusterAddrTable;
    }

    public void setClusterAddrTable(HashMap<String, Set<String>> clusterAddrTable) {
        this.clusterAddrTable = clusterAddrTable;
    }

}
