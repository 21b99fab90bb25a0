package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin sendMessage}: Send a message. */
public class SendMessageCommand implements SubCommand {
    @Override
    public String commandName() {
        return "sendMessage";
    }

    @Override
    public String commandDesc() {
        return "Send a message";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "broker", true, false, "Send message to target broker");
        Opts.add(options, "c", "tags", true, false, "Message tags");
        Opts.add(options, "i", "qid", true, false, "Send message to target queue");
        Opts.add(options, "k", "key", true, false, "Message keys");
        Opts.add(options, "m", "msgTraceEnable", true, false, "Message Trace Enable, Default: false");
        Opts.add(options, "p", "body", true, true, "UTF-8 string format of the message body");
        Opts.add(options, "t", "topic", true, true, "Topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("sendMessage is not implemented yet");
    }
}
