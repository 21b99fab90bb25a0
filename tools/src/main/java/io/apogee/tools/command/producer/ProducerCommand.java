package io.apogee.tools.command.producer;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin producer}: Query producer's instances, connection, status, etc. */
public class ProducerCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producer";
    }

    @Override
    public String commandDesc() {
        return "Query producer's instances, connection, status, etc.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "broker", true, true, "broker address");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("producer is not implemented yet");
    }
}
