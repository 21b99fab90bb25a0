package io.apogee.tools.command.stats;

import io.apogee.common.MixAll;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.protocol.body.BrokerStatsData;
import io.apogee.common.protocol.body.GroupList;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin statsAll}: Topic and Consumer tps stats. */
public class StatsAllCommand implements SubCommand {
    @Override
    public String commandName() {
        return "statsAll";
    }

    @Override
    public String commandDesc() {
        return "Topic and Consumer tps stats";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "activeTopic", false, false, "print active topic only");
        Opts.add(options, "t", "topic", true, false, "print select topic only");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            boolean activeOnly = cl.hasOption('a');
            TreeSet<String> topics = new TreeSet<>();
            if (cl.hasOption('t')) {
                topics.add(Opts.str(cl, 't'));
            } else {
                topics.addAll(admin.fetchAllTopicList().getTopicList());
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String topic : topics) {
                if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
                    continue;
                }
                TopicRouteData route;
                try {
                    route = admin.examineTopicRouteInfo(topic);
                } catch (Exception e) {
                    continue;
                }
                double inTps = 0;
                long inMsg24 = 0;
                for (BrokerData bd : route.getBrokerDatas()) {
                    String addr = bd.selectBrokerAddr();
                    try {
                        BrokerStatsData s = admin.viewBrokerStatsData(addr, "TOPIC_PUT_NUMS", topic);
                        inTps += s.getStatsMinute().getTps();
                        inMsg24 += s.getStatsDay().getSum();
                    } catch (Exception ignored) {
                        // no traffic recorded yet
                    }
                }
                GroupList groups;
                try {
                    groups = admin.queryTopicConsumeByWho(topic);
                } catch (Exception e) {
                    groups = new GroupList();
                }
                if (groups.getGroupList().isEmpty()) {
                    if (!activeOnly || inTps > 0) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("topic", topic);
                        row.put("group", "");
                        row.put("accumulation", 0L);
                        row.put("inTps", inTps);
                        row.put("outTps", null);
                        row.put("inMsg24Hour", inMsg24);
                        row.put("outMsg24Hour", null);
                        rows.add(row);
                    }
                    continue;
                }
                for (String group : new TreeSet<>(groups.getGroupList())) {
                    long diff = 0;
                    try {
                        ConsumeStats cs = admin.examineConsumeStats(group, topic);
                        for (OffsetWrapper w : cs.getOffsetTable().values()) {
                            diff += w.getBrokerOffset() - w.getConsumerOffset();
                        }
                    } catch (Exception ignored) {
                        // group without offsets
                    }
                    double outTps = 0;
                    long outMsg24 = 0;
                    for (BrokerData bd : route.getBrokerDatas()) {
                        try {
                            BrokerStatsData s = admin.viewBrokerStatsData(bd.selectBrokerAddr(), "GROUP_GET_NUMS", String.format("%s@%s", topic, group));
                            outTps += s.getStatsMinute().getTps();
                            outMsg24 += s.getStatsDay().getSum();
                        } catch (Exception ignored) {
                            // no traffic recorded yet
                        }
                    }
                    if (activeOnly && inTps == 0 && outTps == 0) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("topic", topic);
                    row.put("group", group);
                    row.put("accumulation", diff);
                    row.put("inTps", inTps);
                    row.put("outTps", outTps);
                    row.put("inMsg24Hour", inMsg24);
                    row.put("outMsg24Hour", outMsg24);
                    rows.add(row);
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(rows);
                return;
            }
            System.out.printf("%-64s  %-64s %12s %11s %11s %14s %14s%n",
                "#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour");
            for (Map<String, Object> r : rows) {
                if (r.get("outTps") == null) {
                    System.out.printf("%-64s  %-64s %12d %11.2f %11s %14d %14s%n", r.get("topic"), "", 0L, r.get("inTps"), "", r.get("inMsg24Hour"),
                        "NO_CONSUMER");
                } else {
                    System.out.printf("%-64s  %-64s %12d %11.2f %11.2f %14d %14d%n", r.get("topic"), r.get("group"), r.get("accumulation"),
                        r.get("inTps"), r.get("outTps"), r.get("inMsg24Hour"), r.get("outMsg24Hour"));
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
