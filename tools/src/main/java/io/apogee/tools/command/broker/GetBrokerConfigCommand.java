package io.apogee.tools.command.broker;

import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin getBrokerConfig}: Get broker config by cluster or special broker!. */
public class GetBrokerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get broker config by cluster or special broker!";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "get which broker");
        Opts.add(options, "c", "clusterName", true, false, "get which cluster");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            if (cl.hasOption('b')) {
                String addr = Opts.str(cl, 'b');
                Properties p = admin.getBrokerConfig(addr);
                if (Opts.json(cl)) {
                    CommandUtil.printJson(new TreeMap<>(p));
                    return;
                }
                System.out.printf("============%s============\n", addr);
                print(addr, p);
                return;
            }
            if (!cl.hasOption('c')) {
                throw new SubCommandException("either -b (broker address) or -c (cluster name) is required");
            }
            String cluster = Opts.str(cl, 'c');
            ClusterInfo ci = admin.examineBrokerClusterInfo();
            Set<String> names = ci.getClusterAddrTable().get(cluster);
            if (names == null) {
                throw new SubCommandException("cluster [" + cluster + "] not found; known clusters: " + ci.getClusterAddrTable().keySet());
            }
            for (String name : new TreeSet<>(names)) {
                BrokerData bd = ci.getBrokerAddrTable().get(name);
                if (bd == null || bd.getBrokerAddrs() == null) {
                    continue;
                }
                String master = bd.getBrokerAddrs().get(MixAll.MASTER_ID);
                for (Map.Entry<Long, String> e : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
                    Properties p = admin.getBrokerConfig(e.getValue());
                    if (Opts.json(cl)) {
                        json.put(e.getValue(), new TreeMap<>(p));
                        continue;
                    }
                    if (e.getKey() == MixAll.MASTER_ID) {
                        System.out.printf("============Master: %s============\n", e.getValue());
                    } else {
                        System.out.printf("============My Master: %s=====Slave: %s============\n", master, e.getValue());
                    }
                    print(e.getValue(), p);
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(json);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    private static void print(String addr, Properties p) {
        if (p.isEmpty()) {
            System.out.printf("Broker[%s] has no config property!\n", addr);
            return;
        }
        for (Map.Entry<Object, Object> e : new TreeMap<>(p).entrySet()) {
            System.out.printf("%-50s=  %s\n", e.getKey(), e.getValue());
        }
        System.out.printf("%n");
    }
}
