package io.apogee.tools.command.topic;

import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.body.GroupList;
import io.apogee.common.protocol.body.TopicList;
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

/** {@code mqadmin topicList}: Fetch all topic list from name server. */
public class TopicListCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicList";
    }

    @Override
    public String commandDesc() {
        return "Fetch all topic list from name server";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "clusterModel", false, false, "clusterModel");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            TopicList topics = admin.fetchAllTopicList();
            TreeSet<String> sorted = new TreeSet<>(topics.getTopicList());
            if (!cl.hasOption('c')) {
                if (Opts.json(cl)) {
                    CommandUtil.printJson(sorted);
                    return;
                }
                for (String t : sorted) {
                    System.out.printf("%s%n", t);
                }
                return;
            }
            ClusterInfo ci = admin.examineBrokerClusterInfo();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String topic : sorted) {
                if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
                    continue;
                }
                String cluster = "";
                TreeSet<String> groups = new TreeSet<>();
                try {
                    TopicRouteData route = admin.examineTopicRouteInfo(topic);
                    for (BrokerData bd : route.getBrokerDatas()) {
                        if (bd.getCluster() != null) {
                            cluster = bd.getCluster();
                            break;
                        }
                    }
                    if (cluster.isEmpty() && !route.getBrokerDatas().isEmpty()) {
                        String bn = route.getBrokerDatas().get(0).getBrokerName();
                        for (Map.Entry<String, java.util.Set<String>> e : ci.getClusterAddrTable().entrySet()) {
                            if (e.getValue().contains(bn)) {
                                cluster = e.getKey();
                            }
                        }
                    }
                    GroupList gl = admin.queryTopicConsumeByWho(topic);
                    groups.addAll(gl.getGroupList());
                } catch (Exception ignored) {
                    // topic without route or broker not answering: print what is known
                }
                if (groups.isEmpty()) {
                    groups.add("");
                }
                for (String g : groups) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("clusterName", cluster);
                    row.put("topic", topic);
                    row.put("consumerGroup", g);
                    rows.add(row);
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(rows);
                return;
            }
            System.out.printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
            for (Map<String, Object> row : rows) {
                System.out.printf("%-20s  %-64s  %-64s%n", row.get("clusterName"), row.get("topic"), row.get("consumerGroup"));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
