package io.apogee.tools.command.export;

import io.apogee.common.MixAll;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin exportConfigs}: export configs. */
public class ExportConfigsCommand implements SubCommand {
    @Override
    public String commandName() {
        return "exportConfigs";
    }

    @Override
    public String commandDesc() {
        return "export configs";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "clusterName", true, true, "choose a cluster to export");
        Opts.add(options, "f", "filePath", true, false, "export configs.json path | default /tmp/rocketmq/export");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String dir = Opts.str(cl, 'f', "/tmp/rocketmq/export");
            String cluster = Opts.str(cl, 'c');
            List<String> addrs = admin.allAddrsOfCluster(cluster);
            Map<String, Object> brokerConfigs = new TreeMap<>();
            String[] keys = {"brokerClusterName", "brokerId", "brokerName", "brokerRole", "fileReservedTime", "filterServerNums", "flushDiskType",
                "maxMessageSize", "messageDelayLevel", "msgTraceTopicName", "slaveReadEnable", "traceOn", "traceTopicEnable", "useTLS",
                "autoCreateTopicEnable", "autoCreateSubscriptionGroup"};
            int masters = 0;
            for (String addr : addrs) {
                Properties p = admin.getBrokerConfig(addr);
                Map<String, String> picked = new TreeMap<>();
                for (String k : keys) {
                    if (p.getProperty(k) != null) {
                        picked.put(k, p.getProperty(k));
                    }
                }
                if ("0".equals(p.getProperty("brokerId"))) {
                    masters++;
                }
                brokerConfigs.put(addr, picked);
            }
            Map<String, Object> scale = new TreeMap<>();
            scale.put("namesrvSize", admin.getNameServerAddressList().size());
            scale.put("masterBrokerSize", masters);
            scale.put("slaveBrokerSize", addrs.size() - masters);
            Map<String, Object> out = new TreeMap<>();
            out.put("brokerConfigs", brokerConfigs);
            out.put("clusterScale", scale);
            new File(dir).mkdirs();
            String file = dir + "/configs.json";
            MixAll.string2File(com.alibaba.fastjson.JSON.toJSONString(out, true), file);
            System.out.printf("export %s success%n", file);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
