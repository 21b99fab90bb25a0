package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgByOffset}: Query Message by offset. */
public class QueryMsgByOffsetCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByOffset";
    }

    @Override
    public String commandDesc() {
        return "Query Message by offset";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "Broker Name");
        Opts.add(options, "i", "queueId", true, true, "Queue Id");
        Opts.add(options, "o", "offset", true, true, "Queue Offset");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("queryMsgByOffset is not implemented yet");
    }
}
