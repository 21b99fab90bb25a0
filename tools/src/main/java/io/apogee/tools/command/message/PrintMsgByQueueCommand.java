package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.admin.DefaultMQAdminExt.PullOutcome;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.TreeMap;
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
        try {
            String topic = Opts.str(cl, 't');
            String brokerName = Opts.str(cl, 'a');
            int queueId = Opts.integer(cl, 'i', 0);
            Charset charset = Charset.forName(Opts.str(cl, 'c', "UTF-8"));
            String sub = Opts.str(cl, 's', "*");
            boolean printMsg = Opts.bool(cl, 'p', false);
            boolean printBody = Opts.bool(cl, 'd', false);
            boolean calculate = Opts.bool(cl, 'f', false);
            admin.examineTopicRouteInfo(topic);
            String addr = admin.masterAddrOfBroker(brokerName);
            MessageQueue mq = new MessageQueue(topic, brokerName, queueId);
            long min = cl.hasOption('b') ? admin.searchOffset(addr, topic, queueId, CommandUtil.parseTimestamp(Opts.str(cl, 'b')))
                : admin.minOffset(addr, topic, queueId);
            long max = cl.hasOption('e') ? admin.searchOffset(addr, topic, queueId, CommandUtil.parseTimestamp(Opts.str(cl, 'e')))
                : admin.maxOffset(addr, topic, queueId);
            Map<String, Long> tagCount = new TreeMap<>();
            long offset = min;
            while (offset < max) {
                PullOutcome out = admin.pull(addr, mq, sub, offset, 32);
                if (out.code != 0 || out.nextBeginOffset <= offset) {
                    break;
                }
                for (MessageExt m : out.messages) {
                    if (calculate) {
                        tagCount.merge(m.getTags() == null ? "" : m.getTags(), 1L, Long::sum);
                    }
                    if (printMsg) {
                        String body = printBody ? new String(m.getBody() == null ? new byte[0] : m.getBody(), charset) : "NOT PRINT BODY";
                        System.out.printf("MSGID: %s %s BODY: %s%n", MessagePrinter.uniqIdOf(m), m, body);
                    }
                }
                offset = out.nextBeginOffset;
            }
            if (calculate) {
                tagCount.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> System.out.printf("Tag: %-30s Count: %s%n", e.getKey(), e.getValue()));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
