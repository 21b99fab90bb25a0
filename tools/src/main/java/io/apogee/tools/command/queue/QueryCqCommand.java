package io.apogee.tools.command.queue;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryCq}: Query cq command. */
public class QueryCqCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryCq";
    }

    @Override
    public String commandDesc() {
        return "Query cq command.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "broker", true, false, "broker addr.");
        Opts.add(options, "c", "count", true, false, "how many.");
        Opts.add(options, "g", "consumer", true, false, "consumer group.");
        Opts.add(options, "i", "index", true, true, "start queue index.");
        Opts.add(options, "q", "queue", true, true, "queue num, ie. 1");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("queryCq is not implemented yet");
    }
}
