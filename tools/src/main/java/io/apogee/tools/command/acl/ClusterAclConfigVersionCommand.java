package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin clusterAclConfigVersion}: List all of acl config version information in cluster. */
public class ClusterAclConfigVersionCommand implements SubCommand {
    @Override
    public String commandName() {
        return "clusterAclConfigVersion";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config version information in cluster";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "query acl config version for which broker"),
            Opts.opt("c", "clusterName", true, "query acl config version for specified cluster"));
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            List<Map<String, String>> infos = new ArrayList<>();
            for (String addr : addrs) {
                infos.add(admin.examineBrokerClusterAclVersionInfo(addr));
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(infos);
                return;
            }
            System.out.printf("%-16s  %-22s  %-22s  %-20s  %-22s  %-22s%n",
                "#Cluster Name", "#Broker Name", "#Broker Addr", "#AclFilePath", "#AclConfigVersionNum", "#AclLastUpdateTime");
            for (Map<String, String> h : infos) {
                com.alibaba.fastjson.JSONObject all = h.get("allAclFileVersion") == null ? new com.alibaba.fastjson.JSONObject()
                    : com.alibaba.fastjson.JSON.parseObject(h.get("allAclFileVersion"));
                if (all.isEmpty() && h.get("version") != null) {
                    all.put("", com.alibaba.fastjson.JSON.parseObject(h.get("version")));
                }
                for (String path : all.keySet()) {
                    com.alibaba.fastjson.JSONObject v = all.getJSONObject(path);
                    System.out.printf("%-16s  %-22s  %-22s  %-20s  %-22s  %-22s%n", h.get("clusterName"), h.get("brokerName"), h.get("brokerAddr"),
                        path, v.getLongValue("counter"), CommandUtil.formatTime(v.getLongValue("timestamp"), "yyyy-MM-dd HH:mm:ss"));
                }
            }
            System.out.printf("get cluster's plain access config version success.%n");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
