package io.apogee.tools.command.consumer;

import io.apogee.common.MQVersion;
import io.apogee.common.MixAll;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.protocol.body.Connection;
import io.apogee.common.protocol.body.ConsumerConnection;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeType;
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

/** {@code mqadmin consumerProgress}: Query consumers's progress, speed. */
public class ConsumerProgressCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerProgress";
    }

    @Override
    public String commandDesc() {
        return "Query consumers's progress, speed";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "groupName", true, false, "consumer group name");
        Opts.add(options, "s", "showClientIP", true, false, "Show Client IP per Queue");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            if (cl.hasOption('g')) {
                printGroup(admin, Opts.str(cl, 'g'), Opts.bool(cl, 's', false), Opts.json(cl));
                return;
            }
            TreeSet<String> groups = new TreeSet<>();
            for (String t : admin.fetchAllTopicList().getTopicList()) {
                if (t.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                    groups.add(t.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length()));
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String group : groups) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("group", group);
                int count = 0;
                String version = "OFFLINE";
                String type = "";
                String model = "";
                long tps = 0;
                long diff = 0;
                try {
                    ConsumeStats cs = admin.examineConsumeStats(group);
                    tps = (long) cs.getConsumeTps();
                    for (OffsetWrapper w : cs.getOffsetTable().values()) {
                        diff += w.getBrokerOffset() - w.getConsumerOffset();
                    }
                } catch (Exception e) {
                    // group without offsets yet
                }
                try {
                    ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
                    count = cc.getConnectionSet().size();
                    int min = Integer.MAX_VALUE;
                    for (Connection c : cc.getConnectionSet()) {
                        min = Math.min(min, c.getVersion());
                    }
                    version = MQVersion.getVersionDesc(min);
                    type = cc.getConsumeType() == ConsumeType.CONSUME_ACTIVELY ? "PULL" : "PUSH";
                    model = String.valueOf(cc.getMessageModel());
                } catch (Exception e) {
                    // offline
                }
                row.put("count", count);
                row.put("version", version);
                row.put("type", type);
                row.put("model", model);
                row.put("tps", tps);
                row.put("diffTotal", diff);
                rows.add(row);
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(rows);
                return;
            }
            System.out.printf("%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n", "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
            for (Map<String, Object> r : rows) {
                System.out.printf("%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n", r.get("group"), r.get("count"), r.get("version"), r.get("type"),
                    r.get("model"), r.get("tps"), r.get("diffTotal"));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    private static void printGroup(DefaultMQAdminExt admin, String group, boolean showClientIp, boolean json) throws Exception {
        ConsumeStats cs = admin.examineConsumeStats(group);
        Map<MessageQueue, String> clientOf = new TreeMap<>();
        if (showClientIp) {
            try {
                ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
                for (Connection c : cc.getConnectionSet()) {
                    try {
                        com.alibaba.fastjson.JSONObject info = admin.getConsumerRunningInfo(group, c.getClientId(), false);
                        com.alibaba.fastjson.JSONObject mqTable = info.getJSONObject("mqTable");
                        if (mqTable != null) {
                            for (String k : mqTable.keySet()) {
                                MessageQueue mq = com.alibaba.fastjson.JSON.parseObject(k, MessageQueue.class);
                                clientOf.put(mq, c.getClientId().split("@")[0]);
                            }
                        }
                    } catch (Exception ignored) {
                        // client does not answer running-info requests
                    }
                }
            } catch (Exception ignored) {
                // offline group: no client column
            }
        }
        TreeMap<MessageQueue, OffsetWrapper> sorted = new TreeMap<>(cs.getOffsetTable());
        long diffTotal = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : sorted.entrySet()) {
            OffsetWrapper w = e.getValue();
            long diff = w.getBrokerOffset() - w.getConsumerOffset();
            diffTotal += diff;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", e.getKey().getTopic());
            row.put("brokerName", e.getKey().getBrokerName());
            row.put("queueId", e.getKey().getQueueId());
            row.put("brokerOffset", w.getBrokerOffset());
            row.put("consumerOffset", w.getConsumerOffset());
            row.put("clientIp", clientOf.getOrDefault(e.getKey(), "N/A"));
            row.put("diff", diff);
            row.put("lastTimestamp", w.getLastTimestamp());
            rows.add(row);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("group", group);
            out.put("queues", rows);
            out.put("consumeTps", cs.getConsumeTps());
            out.put("diffTotal", diffTotal);
            CommandUtil.printJson(out);
            return;
        }
        if (showClientIp) {
            System.out.printf("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n",
                "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Client IP", "#Diff", "#LastTime");
        } else {
            System.out.printf("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n",
                "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime");
        }
        for (Map<String, Object> r : rows) {
            long ts = (Long) r.get("lastTimestamp");
            String last = ts == 0 ? "N/A" : CommandUtil.formatTime(ts, "yyyy-MM-dd HH:mm:ss");
            if (showClientIp) {
                System.out.printf("%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s%n", r.get("topic"), r.get("brokerName"),
                    r.get("queueId"), r.get("brokerOffset"), r.get("consumerOffset"), r.get("clientIp"), r.get("diff"), last);
            } else {
                System.out.printf("%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n", r.get("topic"), r.get("brokerName"),
                    r.get("queueId"), r.get("brokerOffset"), r.get("consumerOffset"), r.get("diff"), last);
            }
        }
        System.out.printf("%n");
        System.out.printf("Consume TPS: %.2f%n", cs.getConsumeTps());
        System.out.printf("Diff Total: %d%n", diffTotal);
    }
}
