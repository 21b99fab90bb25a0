package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;

/** One window (minute/hour/day) of BrokerStatsData. */
public class BrokerStatsItem extends RemotingSerializable {
    private long sum;
    private double tps;
    private double avgpt;

    public long getSum() {
        return sum;
    }

    public void setSum(long sum) {
        this.sum = sum;
    }

    public double getTps() {
        return tps;
    }

    public void setTps(double tps) {
        this.tps = tps;
    }

    public double getAvgpt() {
        return avgpt;
    }

    public void setAvgpt(double avgpt) {
        this.avgpt = avgpt;
    }
}
