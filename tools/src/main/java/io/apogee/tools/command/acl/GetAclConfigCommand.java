package io.apogee.tools.command.acl;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin getAclConfig}: List all of acl config information in cluster. */
public class GetAclConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getAclConfig";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config information in cluster";
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
            Map<String, Object> json = new TreeMap<>();
            for (String addr : addrs) {
                JSONObject cfg = admin.examineBrokerClusterAclConfig(addr);
                if (Opts.json(cl)) {
                    json.put(addr, cfg);
                    continue;
                }
                System.out.printf("\n");
                System.out.printf("%-20s: %s\n", "globalWhiteRemoteAddresses", cfg.get("globalWhiteAddrs"));
                System.out.printf("\n");
                System.out.printf("accounts:\n");
                JSONArray accounts = cfg.getJSONArray("plainAccessConfigs");
                if (accounts != null) {
                    for (Object o : accounts) {
                        JSONObject a = (JSONObject) o;
                        for (String k : new java.util.TreeSet<>(a.keySet())) {
                            System.out.printf("%-1s %-18s: %s\n", "", k, a.get(k));
                        }
                        System.out.printf("\n");
                    }
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(json);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
