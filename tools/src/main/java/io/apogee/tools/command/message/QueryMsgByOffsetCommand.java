package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.admin.DefaultMQAdminExt.PullOutcome;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryMsgByOffset}: Query Message by offset. */
public class QueryMsgByOffsetCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByOffset";
    }

    @Override
    public String commandDesc() {
        return "Query Message by offset";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "Broker Name");
        Opts.add(options, "i", "queueId", true, true, "Queue Id");
        Opts.add(options, "o", "offset", true, true, "Queue Offset");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            String brokerName = Opts.str(cl, 'b');
            int queueId = Opts.integer(cl, 'i', 0);
            long offset = Opts.lng(cl, 'o', 0);
            admin.examineTopicRouteInfo(topic);
            String addr = admin.masterAddrOfBroker(brokerName);
            PullOutcome out = admin.pull(addr, new MessageQueue(topic, brokerName, queueId), "*", offset, 1);
            if (out.messages.isEmpty()) {
                throw new SubCommandException("no message at " + topic + "/" + brokerName + "/" + queueId + " offset " + offset
                    + " (pull status " + out.status() + ", queue offsets " + out.minOffset + ".." + out.maxOffset + ")");
            }
            MessageExt m = out.messages.get(0);
            MessagePrinter.print(admin, m, MessagePrinter.offsetMsgIdOf(m));
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
