package io.apogee.tools.command.cluster;

import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.KVTable;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin clusterList}: List all of clusters. */
public class ClusterListCommand implements SubCommand {
    static final String NO_LAG = "-";

    @Override
    public String commandName() {
        return "clusterList";
    }

    @Override
    public String commandDesc() {
        return "List all of clusters";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "i", "interval", true, false, "specify intervals numbers, it is in seconds");
        Opts.add(options, "m", "moreStats", false, false, "Print more stats");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            long interval = Opts.lng(cl, 'i', 0);
            boolean more = cl.hasOption('m');
            while (true) {
                ClusterInfo ci = admin.examineBrokerClusterInfo();
                if (Opts.json(cl)) {
                    CommandUtil.printJson(toJson(admin, ci));
                } else if (more) {
                    printMoreStats(admin, ci);
                } else {
                    printBaseInfo(admin, ci);
                }
                if (interval <= 0) {
                    break;
                }
                Thread.sleep(interval * 1000);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    private static List<Map<String, Object>> toJson(DefaultMQAdminExt admin, ClusterInfo ci) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String cluster : new TreeSet<>(ci.getClusterAddrTable().keySet())) {
            for (String name : new TreeSet<>(ci.getClusterAddrTable().get(cluster))) {
                BrokerData bd = ci.getBrokerAddrTable().get(name);
                if (bd == null || bd.getBrokerAddrs() == null) {
                    continue;
                }
                Map<Long, String> errors = new TreeMap<>();
                Map<Long, Map<String, String>> stats = fetchRuntimeStats(admin, bd, errors);
                for (Map.Entry<Long, String> e : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("clusterName", cluster);
                    row.put("brokerName", name);
                    row.put("brokerId", e.getKey());
                    row.put("addr", e.getValue());
                    Map<String, String> kv = stats.get(e.getKey());
                    if (kv != null) {
                        row.put("runtime", new TreeMap<>(kv));
                        String lag = fallBehind(e.getKey(), kv, stats.get(MixAll.MASTER_ID));
                        if (!NO_LAG.equals(lag)) {
                            row.put("fallBehind", Long.parseLong(lag));
                        }
                    } else {
                        row.put("error", errors.get(e.getKey()));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void printBaseInfo(DefaultMQAdminExt admin, ClusterInfo ci) {
        System.out.printf("%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s %11s%n",
            "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)", "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE",
            "#FallBehind");
        for (String cluster : new TreeSet<>(ci.getClusterAddrTable().keySet())) {
            for (String name : new TreeSet<>(ci.getClusterAddrTable().get(cluster))) {
                BrokerData bd = ci.getBrokerAddrTable().get(name);
                if (bd == null || bd.getBrokerAddrs() == null) {
                    continue;
                }
                Map<Long, String> errors = new TreeMap<>();
                Map<Long, Map<String, String>> stats = fetchRuntimeStats(admin, bd, errors);
                for (Map.Entry<Long, String> e : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
                    double in = 0;
                    double out = 0;
                    String version = "";
                    String sendQ = "0";
                    String pullQ = "0";
                    String sendWait = "0";
                    String pullWait = "0";
                    String pcWait = "0";
                    double hour = 0;
                    double space = 0;
                    Map<String, String> kv = stats.get(e.getKey());
                    if (kv != null) {
                        in = firstDouble(kv.get("putTps"));
                        out = firstDouble(kv.get("getTransferedTps"));
                        sendQ = or(kv.get("sendThreadPoolQueueSize"), "0");
                        pullQ = or(kv.get("pullThreadPoolQueueSize"), "0");
                        sendWait = or(kv.get("sendThreadPoolQueueHeadWaitTimeMills"), "0");
                        pullWait = or(kv.get("pullThreadPoolQueueHeadWaitTimeMills"), "0");
                        pcWait = or(kv.get("pageCacheLockTimeMills"), "0");
                        long earliest = parseLong(kv.get("earliestMessageTimeStamp"));
                        if (earliest > 0) {
                            hour = (System.currentTimeMillis() - earliest) / 3600.0 / 1000;
                        }
                        space = firstDouble(kv.get("commitLogDiskRatio"));
                        version = or(kv.get("brokerVersionDesc"), "");
                    } else {
                        System.err.printf("fetch runtime stats of %s failed: %s%n", e.getValue(), errors.get(e.getKey()));
                    }
                    System.out.printf("%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s %11s%n",
                        cluster, name, e.getKey(), e.getValue(), version,
                        String.format("%9.2f(%s,%sms)", in, sendQ, sendWait),
                        String.format("%9.2f(%s,%sms)", out, pullQ, pullWait),
                        pcWait, String.format("%2.2f", hour), String.format("%.4f", space),
                        fallBehind(e.getKey(), kv, stats.get(MixAll.MASTER_ID)));
                }
            }
        }
    }

    /** Runtime stats of every broker of one name by broker id; a failed fetch leaves its reason in errors. */
    private static Map<Long, Map<String, String>> fetchRuntimeStats(DefaultMQAdminExt admin, BrokerData bd,
                                                                   Map<Long, String> errors) {
        Map<Long, Map<String, String>> stats = new TreeMap<>();
        for (Map.Entry<Long, String> e : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
            try {
                stats.put(e.getKey(), admin.fetchBrokerRuntimeStats(e.getValue()).getTable());
            } catch (Exception ex) {
                errors.put(e.getKey(), ex.getMessage());
            }
        }
        return stats;
    }

    /**
     * Replication lag in bytes: a master's {@code slaveFallBehindMuch} while a slave is connected; for a slave, how
     * far its commit log is behind its master's. {@value #NO_LAG} when unknown: a master without a connected slave,
     * a broker that does not report the lag (RocketMQ's own), a slave whose master did not answer.
     */
    static String fallBehind(long brokerId, Map<String, String> kv, Map<String, String> masterKv) {
        if (kv == null) {
            return NO_LAG;
        }
        if (brokerId == MixAll.MASTER_ID) {
            String lag = kv.get("slaveFallBehindMuch");
            return lag == null || parseLong(kv.get("haConnectionCount")) == 0 ? NO_LAG : lag;
        }
        if (masterKv == null || masterKv.get("commitLogMaxOffset") == null || kv.get("commitLogMaxOffset") == null) {
            return NO_LAG;
        }
        // the master was asked first: a slave that received more meanwhile may be ahead of that snapshot
        return String.valueOf(Math.max(0, parseLong(masterKv.get("commitLogMaxOffset"))
            - parseLong(kv.get("commitLogMaxOffset"))));
    }

    private static void printMoreStats(DefaultMQAdminExt admin, ClusterInfo ci) {
        System.out.printf("%-16s  %-32s %14s %14s %14s %14s%n",
            "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday", "#OutTotalToday");
        for (String cluster : new TreeSet<>(ci.getClusterAddrTable().keySet())) {
            for (String name : new TreeSet<>(ci.getClusterAddrTable().get(cluster))) {
                BrokerData bd = ci.getBrokerAddrTable().get(name);
                if (bd == null || bd.getBrokerAddrs() == null) {
                    continue;
                }
                String master = bd.getBrokerAddrs().get(0L);
                if (master == null) {
                    continue;
                }
                long inYest = 0;
                long outYest = 0;
                long inToday = 0;
                long outToday = 0;
                try {
                    KVTable kv = admin.fetchBrokerRuntimeStats(master);
                    Map<String, String> t = kv.getTable();
                    long putYm = parseLong(t.get("msgPutTotalYesterdayMorning"));
                    long putTm = parseLong(t.get("msgPutTotalTodayMorning"));
                    long putNow = parseLong(t.get("msgPutTotalTodayNow"));
                    long getYm = parseLong(t.get("msgGetTotalYesterdayMorning"));
                    long getTm = parseLong(t.get("msgGetTotalTodayMorning"));
                    long getNow = parseLong(t.get("msgGetTotalTodayNow"));
                    inYest = putTm - putYm;
                    outYest = getTm - getYm;
                    inToday = putNow - putTm;
                    outToday = getNow - getTm;
                } catch (Exception ex) {
                    System.err.printf("fetch runtime stats of %s failed: %s%n", master, ex.getMessage());
                }
                System.out.printf("%-16s  %-32s %14d %14d %14d %14d%n", cluster, name, inYest, outYest, inToday, outToday);
            }
        }
    }

    static double firstDouble(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(v.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long parseLong(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String or(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
