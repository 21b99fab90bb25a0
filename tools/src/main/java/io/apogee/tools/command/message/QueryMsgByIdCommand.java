package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import io.apogee.tools.command.message.MessagePrinter;
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
        try {
            for (String id : Opts.str(cl, 'i').split(",")) {
                String msgId = id.trim();
                MessageExt m = admin.viewMessage(msgId);
                if (Opts.json(cl)) {
                    CommandUtil.printJson(m);
                    continue;
                }
                MessagePrinter.print(admin, m, msgId);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
