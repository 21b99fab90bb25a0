package io.apogee.tools.command.topic;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin allocateMQ}: Allocate MQ. */
public class AllocateMQCommand implements SubCommand {
    @Override
    public String commandName() {
        return "allocateMQ";
    }

    @Override
    public String commandDesc() {
        return "Allocate MQ";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "i", "ipList", true, true, "ipList");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("allocateMQ is not implemented yet");
    }
}
