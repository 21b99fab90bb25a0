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

/** {@code mqadmin queryMsgByKey}: Query Message by Key. */
public class QueryMsgByKeyCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Key";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "k", "msgKey", true, true, "Message Key");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            String key = Opts.str(cl, 'k');
            List<MessageExt> msgs = admin.queryMessage(topic, key, 64, 0, Long.MAX_VALUE, false);
            if (Opts.json(cl)) {
                CommandUtil.printJson(msgs);
                return;
            }
            System.out.printf("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset");
            for (MessageExt m : msgs) {
                System.out.printf("%-50s %4d %40d%n", MessagePrinter.uniqIdOf(m), m.getQueueId(), m.getQueueOffset());
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
