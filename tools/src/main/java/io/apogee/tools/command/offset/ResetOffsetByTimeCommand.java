package io.apogee.tools.command.offset;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin resetOffsetByTime}: Reset consumer offset by timestamp(without client restart). */
public class ResetOffsetByTimeCommand implements SubCommand {
    @Override
    public String commandName() {
        return "resetOffsetByTime";
    }

    @Override
    public String commandDesc() {
        return "Reset consumer offset by timestamp(without client restart).";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "cplus", false, false, "reset c++ client offset");
        Opts.add(options, "f", "force", true, false, "set the force rollback by timestamp switch[true|false]");
        Opts.add(options, "g", "group", true, true, "set the consumer group");
        Opts.add(options, "s", "timestamp", true, true, "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "t", "topic", true, true, "set the topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("resetOffsetByTime is not implemented yet");
    }
}
