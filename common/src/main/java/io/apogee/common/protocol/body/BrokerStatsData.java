package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;

/** Body of VIEW_BROKER_STATS_DATA. */
public class BrokerStatsData extends RemotingSerializable {
    private BrokerStatsItem statsMinute;
    private BrokerStatsItem statsHour;
    private BrokerStatsItem statsDay;

    public BrokerStatsItem getStatsMinute() {
        return statsMinute;
    }

    public void setStatsMinute(BrokerStatsItem statsMinute) {
        this.statsMinute = statsMinute;
    }

    public BrokerStatsItem getStatsHour() {
        return statsHour;
    }

    public void setStatsHour(BrokerStatsItem statsHour) {
        this.statsHour = statsHour;
    }

    public BrokerStatsItem getStatsDay() {
        return statsDay;
    }

    public void setStatsDay(BrokerStatsItem statsDay) {
        this.statsDay = statsDay;
    }
}
