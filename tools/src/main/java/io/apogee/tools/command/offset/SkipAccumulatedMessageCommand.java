package io.apogee.tools.command.offset;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin skipAccumulatedMessage}: Skip all messages that are accumulated (not consumed) currently. */
public class SkipAccumulatedMessageCommand implements SubCommand {
    @Override
    public String commandName() {
        return "skipAccumulatedMessage";
    }

    @Override
    public String commandDesc() {
        return "Skip all messages that are accumulated (not consumed) currently";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "f", "force", true, false, "set the force rollback by timestamp switch[true|false]");
        Opts.add(options, "g", "group", true, true, "set the consumer group");
        Opts.add(options, "t", "topic", true, true, "set the topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("skipAccumulatedMessage is not implemented yet");
    }
}
