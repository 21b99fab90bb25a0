package io.apogee.tools.command.broker;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateBrokerConfig}: Update broker's config. */
public class UpdateBrokerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Update broker's config";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "update which broker");
        Opts.add(options, "c", "clusterName", true, false, "update which cluster");
        Opts.add(options, "k", "key", true, true, "config key");
        Opts.add(options, "v", "value", true, true, "config value");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            Properties p = new Properties();
            p.setProperty(Opts.str(cl, 'k'), Opts.str(cl, 'v'));
            List<String> addrs = cl.hasOption('b') ? List.of(Opts.str(cl, 'b'))
                : cl.hasOption('c') ? admin.allAddrsOfCluster(Opts.str(cl, 'c')) : null;
            if (addrs == null) {
                throw new SubCommandException("either -b (broker address) or -c (cluster name) is required");
            }
            for (String addr : addrs) {
                admin.updateBrokerConfig(addr, p);
                System.out.printf("update broker config success, %s\n", addr);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
