package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgById}: Query Message by Id. */
public class QueryMsgByIdCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgById";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Id";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "d", "clientId", true, false, "The consumer's client id");
        Opts.add(options, "g", "consumerGroup", true, false, "consumer group name");
        Opts.add(options, "i", "msgId", true, true, "Message Id");
        Opts.add(options, "s", "sendMessage", true, false, "resend message");
        Opts.add(options, "u", "unitName", true, false, "unit name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("queryMsgById is not implemented yet");
    }
}
