package io.apogee.tools.command.consumer;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin getConsumerConfig}: Get consumer config by subscription group name!. */
public class GetConsumerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getConsumerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get consumer config by subscription group name!";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "groupName", true, true, "subscription group name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("getConsumerConfig is not implemented yet");
    }
}
