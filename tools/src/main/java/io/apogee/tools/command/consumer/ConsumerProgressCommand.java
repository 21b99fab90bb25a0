package io.apogee.tools.command.consumer;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin consumerProgress}: Query consumers's progress, speed. */
public class ConsumerProgressCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerProgress";
    }

    @Override
    public String commandDesc() {
        return "Query consumers's progress, speed";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "groupName", true, false, "consumer group name");
        Opts.add(options, "s", "showClientIP", true, false, "Show Client IP per Queue");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("consumerProgress is not implemented yet");
    }
}
