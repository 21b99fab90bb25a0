package io.apogee.tools.command.connection;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin producerConnection}: Query producer's socket connection and client version. */
public class ProducerConnectionCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query producer's socket connection and client version";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "producerGroup", true, true, "producer group name");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("producerConnection is not implemented yet");
    }
}
