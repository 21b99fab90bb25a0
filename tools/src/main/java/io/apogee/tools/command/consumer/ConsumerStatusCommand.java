package io.apogee.tools.command.consumer;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin consumerStatus}: Query consumer's internal data structure. */
public class ConsumerStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerStatus";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's internal data structure";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "broker address");
        Opts.add(options, "g", "consumerGroup", true, true, "consumer group name");
        Opts.add(options, "i", "clientId", true, false, "The consumer's client id");
        Opts.add(options, "s", "jstack", false, false, "Run jstack command in the consumer progress");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("consumerStatus is not implemented yet");
    }
}
