package io.apogee.broker.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.apogee.testsupport.ChildJvm;
import io.apogee.testsupport.TempDirs;

/**
 * A name server and an Apogee master and slave of one broker name, each a child JVM started through
 * {@code bin/mqbroker} on loopback ports, each broker with its own store under {@code dir/master} and
 * {@code dir/slave}, so either can be killed and started again on the same store and port.
 */
final class MasterSlavePair implements AutoCloseable {
    final Path dir;
    final String brokerName;
    final String nsAddr;
    final String masterAddr;
    final String slaveAddr;
    private final Path masterConf;
    private final Path slaveConf;
    private ChildJvm namesrv;
    private ChildJvm master;
    private ChildJvm slave;

    private MasterSlavePair(String brokerName, Map<String, String> masterProps, Map<String, String> slaveProps)
        throws Exception {
        this.dir = Files.createTempDirectory("apogee-" + brokerName + "-it");
        this.brokerName = brokerName;
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        int nsPort = ChildJvm.freePort();
        this.nsAddr = "127.0.0.1:" + nsPort;
        int masterPort = ChildJvm.freeBrokerPort();
        this.masterAddr = "127.0.0.1:" + masterPort;
        this.masterConf = Daemons.brokerConf(dir.resolve("master"), brokerName, masterPort, nsAddr,
            loopbackHa(masterProps));
        int slavePort = ChildJvm.freeBrokerPort();
        this.slaveAddr = "127.0.0.1:" + slavePort;
        Map<String, String> slave = new TreeMap<>(Map.of("brokerId", "1", "brokerRole", "SLAVE"));
        slave.putAll(slaveProps);
        this.slaveConf = Daemons.brokerConf(dir.resolve("slave"), brokerName, slavePort, nsAddr, loopbackHa(slave));
        this.namesrv = Daemons.startApogeeNamesrv(dir.resolve("ns"), nsPort);
    }

    /** Starts all three; {@code masterProps} must name the master's brokerRole, both add to a small test broker. */
    static MasterSlavePair start(String brokerName, Map<String, String> masterProps, Map<String, String> slaveProps)
        throws Exception {
        MasterSlavePair pair = new MasterSlavePair(brokerName, masterProps, slaveProps);
        try {
            pair.startMaster();
            pair.startSlave();
            return pair;
        } catch (Exception e) {
            pair.close();
            throw e;
        }
    }

    /** brokerIP2=127.0.0.1: the HA address registered with the name server is loopback. */
    private static Map<String, String> loopbackHa(Map<String, String> props) {
        Map<String, String> m = new TreeMap<>(props);
        m.put("brokerIP2", "127.0.0.1");
        return m;
    }

    String bootLine(String addr) {
        return "The broker[" + brokerName + ", " + addr + "] boot success";
    }

    void startMaster() throws Exception {
        master = Daemons.startBrokerScript(dir.resolve("master"), masterConf, bootLine(masterAddr));
    }

    void startSlave() throws Exception {
        slave = Daemons.startBrokerScript(dir.resolve("slave"), slaveConf, bootLine(slaveAddr));
    }

    void killMaster() throws InterruptedException {
        master.kill9();
    }

    void killSlave() throws InterruptedException {
        slave.kill9();
    }

    @Override
    public void close() throws Exception {
        for (ChildJvm c : new ChildJvm[] {slave, master, namesrv}) {
            if (c != null) {
                c.close();
            }
        }
        TempDirs.deleteRecursively(dir);
    }
}
