package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin consumeMessage}: Consume message. */
public class ConsumeMessageCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumeMessage";
    }

    @Override
    public String commandDesc() {
        return "Consume message";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, false, "Broker name");
        Opts.add(options, "c", "MessageNumber", true, false, "Number of message to be consumed");
        Opts.add(options, "e", "endTimestamp", true, false, "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "g", "consumerGroup", true, false, "Consumer group name");
        Opts.add(options, "i", "queueId", true, false, "Queue Id");
        Opts.add(options, "o", "offset", true, false, "Queue offset");
        Opts.add(options, "s", "beginTimestamp", true, false, "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "t", "topic", true, true, "Topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("consumeMessage is not implemented yet");
    }
}
