package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgByUniqueKey}: Query Message by Unique key. */
public class QueryMsgByUniqueKeyCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByUniqueKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Unique key";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "showAll", false, false, "Print all message, the limit is 32");
        Opts.add(options, "d", "clientId", true, false, "The consumer's client id");
        Opts.add(options, "g", "consumerGroup", true, false, "consumer group name");
        Opts.add(options, "i", "msgId", true, true, "Message Id");
        Opts.add(options, "t", "topic", true, true, "The topic of msg");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("queryMsgByUniqueKey is not implemented yet");
    }
}
