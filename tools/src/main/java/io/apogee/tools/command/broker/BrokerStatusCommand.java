package io.apogee.tools.command.broker;

import io.apogee.common.protocol.body.KVTable;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin brokerStatus}: Fetch broker runtime status data. */
public class BrokerStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "brokerStatus";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker runtime status data";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "Broker address");
        Opts.add(options, "c", "clusterName", true, false, "which cluster");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            List<String> addrs = cl.hasOption('b') ? List.of(Opts.str(cl, 'b'))
                : cl.hasOption('c') ? admin.allAddrsOfCluster(Opts.str(cl, 'c')) : null;
            if (addrs == null) {
                throw new SubCommandException("either -b (broker address) or -c (cluster name) is required");
            }
            Map<String, Object> all = new LinkedHashMap<>();
            for (String addr : addrs) {
                KVTable kv = admin.fetchBrokerRuntimeStats(addr);
                TreeMap<String, String> sorted = new TreeMap<>(kv.getTable());
                if (Opts.json(cl)) {
                    all.put(addr, sorted);
                    continue;
                }
                for (Map.Entry<String, String> e : sorted.entrySet()) {
                    if (cl.hasOption('b')) {
                        System.out.printf("%-32s: %s%n", e.getKey(), e.getValue());
                    } else {
                        System.out.printf("%-24s %-32s: %s%n", addr, e.getKey(), e.getValue());
                    }
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(cl.hasOption('b') ? all.values().iterator().next() : all);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
