package io.apogee.broker.stats;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.protocol.body.BrokerStatsData;

/**
 * Broker-level traffic statistics: messages and bytes put per topic and got per group@topic, broker totals,
 * and the yesterday/today counters of GET_BROKER_RUNTIME_INFO. Names follow RocketMQ's stats names so
 * VIEW_BROKER_STATS_DATA (statsAll) can look them up.
 */
public class BrokerStats {
    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";

    private final ConcurrentMap<String, ConcurrentMap<String, StatsItem>> sets = new ConcurrentHashMap<>();
    private final StatsItem brokerPut = new StatsItem();
    private final StatsItem brokerGet = new StatsItem();
    private final StatsItem putFailed = new StatsItem();
    private final ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("BrokerStatsThread"));
    private volatile LocalDate today = LocalDate.now();
    private volatile long putTodayMorning;
    private volatile long putYesterdayMorning;
    private volatile long getTodayMorning;
    private volatile long getYesterdayMorning;

    public BrokerStats() {
        for (String name : new String[] {TOPIC_PUT_NUMS, TOPIC_PUT_SIZE, GROUP_GET_NUMS, GROUP_GET_SIZE}) {
            sets.put(name, new ConcurrentHashMap<>());
        }
        sets.put(BROKER_PUT_NUMS, new ConcurrentHashMap<>());
        sets.put(BROKER_GET_NUMS, new ConcurrentHashMap<>());
    }

    public void start(String clusterName) {
        sets.get(BROKER_PUT_NUMS).put(clusterName, brokerPut);
        sets.get(BROKER_GET_NUMS).put(clusterName, brokerGet);
        sampler.scheduleAtFixedRate(this::sampleAll, 10, 10, TimeUnit.SECONDS);
    }

    public void shutdown() {
        sampler.shutdownNow();
    }

    private StatsItem item(String set, String key) {
        return sets.get(set).computeIfAbsent(key, k -> new StatsItem());
    }

    public void incTopicPut(String topic, int msgNum, int size) {
        item(TOPIC_PUT_NUMS, topic).add(msgNum, 1);
        item(TOPIC_PUT_SIZE, topic).add(size, 1);
        brokerPut.add(msgNum, 1);
    }

    public void incPutFailed() {
        putFailed.add(1, 1);
    }

    public void incGroupGet(String group, String topic, int msgNum, int size) {
        String key = topic + "@" + group;
        item(GROUP_GET_NUMS, key).add(msgNum, 1);
        item(GROUP_GET_SIZE, key).add(size, 1);
        brokerGet.add(msgNum, 1);
    }

    private void sampleAll() {
        for (Map<String, StatsItem> set : sets.values()) {
            for (StatsItem s : set.values()) {
                s.sample();
            }
        }
        LocalDate now = LocalDate.now();
        if (!now.equals(today)) {
            today = now;
            putYesterdayMorning = putTodayMorning;
            putTodayMorning = brokerPut.getValue();
            getYesterdayMorning = getTodayMorning;
            getTodayMorning = brokerGet.getValue();
        }
    }

    /** Minute/hour/day view of one stats item, or null if unknown. */
    public BrokerStatsData statsData(String statsName, String statsKey) {
        Map<String, StatsItem> set = sets.get(statsName);
        StatsItem item = set == null ? null : set.get(statsKey);
        if (item == null) {
            return null;
        }
        BrokerStatsData d = new BrokerStatsData();
        d.setStatsMinute(item.window(60_000));
        d.setStatsHour(item.window(3_600_000));
        d.setStatsDay(item.window(86_400_000));
        return d;
    }

    public String putTps() {
        return brokerPut.tpsTriple();
    }

    public String getTransferedTps() {
        return brokerGet.tpsTriple();
    }

    public long msgPutTotalTodayNow() {
        return brokerPut.getValue();
    }

    public long msgGetTotalTodayNow() {
        return brokerGet.getValue();
    }

    public long msgPutTotalTodayMorning() {
        return putTodayMorning;
    }

    public long msgPutTotalYesterdayMorning() {
        return putYesterdayMorning;
    }

    public long msgGetTotalTodayMorning() {
        return getTodayMorning;
    }

    public long msgGetTotalYesterdayMorning() {
        return getYesterdayMorning;
    }

    public double consumeTps(String group, String topic) {
        StatsItem s = sets.get(GROUP_GET_NUMS).get(topic + "@" + group);
        return s == null ? 0.0 : s.window(60_000).getTps();
    }
}
