package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin checkMsgSendRT}: check message send response time. */
public class CheckMsgSendRTCommand implements SubCommand {
    @Override
    public String commandName() {
        return "checkMsgSendRT";
    }

    @Override
    public String commandDesc() {
        return "check message send response time";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "amount", true, false, "message amount | default 100");
        Opts.add(options, "s", "size", true, false, "message size | default 128 Byte");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("checkMsgSendRT is not implemented yet");
    }
}
