package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
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
        try {
            String topic = Opts.str(cl, 't');
            String id = Opts.str(cl, 'i');
            List<MessageExt> msgs = admin.queryMessage(topic, id, 32, 0, Long.MAX_VALUE, true);
            if (msgs.isEmpty()) {
                throw new SubCommandException("message with unique key " + id + " not found in topic " + topic);
            }
            if (!cl.hasOption('a')) {
                msgs = msgs.subList(0, 1);
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(msgs);
                return;
            }
            for (MessageExt m : msgs) {
                MessagePrinter.print(admin, m, MessagePrinter.offsetMsgIdOf(m));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
