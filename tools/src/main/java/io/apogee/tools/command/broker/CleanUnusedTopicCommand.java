package io.apogee.tools.command.broker;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin cleanUnusedTopic}: Clean unused topic on broker. */
public class CleanUnusedTopicCommand implements SubCommand {
    @Override
    public String commandName() {
        return "cleanUnusedTopic";
    }

    @Override
    public String commandDesc() {
        return "Clean unused topic on broker.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "Broker address");
        Opts.add(options, "c", "cluster", true, false, "cluster name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            boolean ok = true;
            for (String addr : BrokerMaintenance.targets(cl, admin)) {
                ok &= admin.cleanUnusedTopicByAddr(addr);
            }
            System.out.println(ok ? "success" : "false");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
