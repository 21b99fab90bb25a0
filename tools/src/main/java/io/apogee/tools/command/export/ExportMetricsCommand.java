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
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin exportMetrics}: export metrics. */
public class ExportMetricsCommand implements SubCommand {
    @Override
    public String commandName() {
        return "exportMetrics";
    }

    @Override
    public String commandDesc() {
        return "export metrics";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "clusterName", true, true, "choose a cluster to export");
        Opts.add(options, "f", "filePath", true, false, "export metrics.json path | default /tmp/rocketmq/export");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String dir = Opts.str(cl, 'f', "/tmp/rocketmq/export");
            String cluster = Opts.str(cl, 'c');
            List<String> addrs = admin.masterAddrsOfCluster(cluster);
            Map<String, Object> perBroker = new TreeMap<>();
            for (String addr : addrs) {
                perBroker.put(addr, new TreeMap<>(admin.fetchBrokerRuntimeStats(addr).getTable()));
            }
            Map<String, Object> out = new TreeMap<>();
            out.put("runtimeVersion", perBroker);
            out.put("exportTime", System.currentTimeMillis());
            new File(dir).mkdirs();
            String file = dir + "/metrics.json";
            MixAll.string2File(com.alibaba.fastjson.JSON.toJSONString(out, true), file);
            System.out.printf("export %s success%n", file);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
