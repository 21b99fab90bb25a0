package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgTraceById}: query a message trace. */
public class QueryMsgTraceByIdCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgTraceById";
    }

    @Override
    public String commandDesc() {
        return "query a message trace";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "i", "msgId", true, true, "Message Id");
        Opts.add(options, "t", "traceTopic", true, false, "The name value of message trace topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("queryMsgTraceById is not implemented yet");
    }
}
