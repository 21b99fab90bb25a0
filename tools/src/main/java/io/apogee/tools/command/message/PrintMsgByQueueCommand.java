package io.apogee.tools.command.message;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin printMsgByQueue}: Print Message Detail. */
public class PrintMsgByQueueCommand implements SubCommand {
    @Override
    public String commandName() {
        return "printMsgByQueue";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "brokerName", true, true, "broker name");
        Opts.add(options, "b", "beginTimestamp", true, false, "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "c", "charsetName", true, false, "CharsetName(eg: UTF-8,GBK)");
        Opts.add(options, "d", "printBody", true, false, "print body. eg: true | false(default)");
        Opts.add(options, "e", "endTimestamp", true, false, "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "f", "calculate", true, false, "calculate by tag. eg: true | false(default)");
        Opts.add(options, "i", "queueId", true, true, "queue id");
        Opts.add(options, "p", "print msg", true, false, "print msg. eg: true | false(default)");
        Opts.add(options, "s", "subExpression", true, false, "Subscribe Expression(eg: TagA || TagB)");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("printMsgByQueue is not implemented yet");
    }
}
