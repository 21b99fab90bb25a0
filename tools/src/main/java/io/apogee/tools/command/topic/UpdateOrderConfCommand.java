package io.apogee.tools.command.topic;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateOrderConf}: Create or update or delete order conf. */
public class UpdateOrderConfCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateOrderConf";
    }

    @Override
    public String commandDesc() {
        return "Create or update or delete order conf";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "m", "method", true, true, "option type [eg. put|get|delete");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.add(options, "v", "orderConf", true, false, "set order conf [eg. brokerName1:num;brokerName2:num]");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("updateOrderConf is not implemented yet");
    }
}
