package io.apogee.tools.command.broker;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin sendMsgStatus}: send msg to broker. */
public class SendMsgStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "sendMsgStatus";
    }

    @Override
    public String commandDesc() {
        return "send msg to broker.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "Broker Name");
        Opts.add(options, "c", "count", true, false, "send message count, Default: 50");
        Opts.add(options, "s", "messageSize", true, false, "Message Size, Default: 128");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("sendMsgStatus is not implemented yet");
    }
}
