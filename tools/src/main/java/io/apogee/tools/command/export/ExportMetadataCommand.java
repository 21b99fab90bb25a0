package io.apogee.tools.command.export;

import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.SubscriptionGroupWrapper;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin exportMetadata}: export metadata. */
public class ExportMetadataCommand implements SubCommand {
    @Override
    public String commandName() {
        return "exportMetadata";
    }

    @Override
    public String commandDesc() {
        return "export metadata";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "choose a broker to export");
        Opts.add(options, "c", "clusterName", true, false, "choose a cluster to export");
        Opts.add(options, "f", "filePath", true, false, "export metadata.json path | default /tmp/rocketmq/export");
        Opts.add(options, "g", "subscriptionGroup", false, false, "only export subscriptionGroup metadata");
        Opts.add(options, "s", "specialTopic", false, false, "need retryTopic and dlqTopic");
        Opts.add(options, "t", "topic", false, false, "only export topic metadata");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String dir = Opts.str(cl, 'f', "/tmp/rocketmq/export");
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            Map<String, Object> topics = new TreeMap<>();
            Map<String, Object> groups = new TreeMap<>();
            for (String addr : addrs) {
                TopicConfigSerializeWrapper t = admin.getAllTopicConfig(addr);
                if (t != null && t.getTopicConfigTable() != null) {
                    t.getTopicConfigTable().forEach((k, v) -> {
                        if (cl.hasOption('s') || !(k.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || k.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX))) {
                            topics.put(k, v);
                        }
                    });
                }
                SubscriptionGroupWrapper g = admin.getAllSubscriptionGroup(addr);
                if (g != null && g.getSubscriptionGroupTable() != null) {
                    groups.putAll(g.getSubscriptionGroupTable());
                }
            }
            new File(dir).mkdirs();
            Map<String, Object> out = new TreeMap<>();
            String file;
            if (cl.hasOption('t')) {
                out.put("topicConfigTable", topics);
                file = dir + "/topic.json";
            } else if (cl.hasOption('g')) {
                out.put("subscriptionGroupTable", groups);
                file = dir + "/subscriptionGroup.json";
            } else {
                out.put("topicConfigTable", topics);
                out.put("subscriptionGroupTable", groups);
                out.put("exportTime", System.currentTimeMillis());
                file = dir + "/metadata.json";
            }
            MixAll.string2File(com.alibaba.fastjson.JSON.toJSONString(out, true), file);
            System.out.printf("export %s success%n", file);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
