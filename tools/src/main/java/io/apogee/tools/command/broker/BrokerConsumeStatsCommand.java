package io.apogee.tools.command.broker;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin brokerConsumeStats}: Fetch broker consume stats data. */
public class BrokerConsumeStatsCommand implements SubCommand {
    @Override
    public String commandName() {
        return "brokerConsumeStats";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker consume stats data";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, true, "Broker address");
        Opts.add(options, "l", "level", true, false, "threshold of print diff");
        Opts.add(options, "o", "order", true, false, "order topic");
        Opts.add(options, "t", "timeoutMillis", true, false, "request timeout Millis");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("brokerConsumeStats is not implemented yet");
    }
}
