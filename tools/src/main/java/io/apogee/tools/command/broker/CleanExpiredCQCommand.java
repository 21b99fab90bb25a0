package io.apogee.tools.command.broker;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin cleanExpiredCQ}: Clean expired ConsumeQueue on broker. */
public class CleanExpiredCQCommand implements SubCommand {
    @Override
    public String commandName() {
        return "cleanExpiredCQ";
    }

    @Override
    public String commandDesc() {
        return "Clean expired ConsumeQueue on broker.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "Broker address");
        Opts.add(options, "c", "cluster", true, false, "clustername");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("cleanExpiredCQ is not implemented yet");
    }
}
