package io.apogee.tools.command.message;

import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.admin.DefaultMQAdminExt.PullOutcome;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.nio.charset.Charset;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin printMsg}: Print Message Detail. */
public class PrintMsgCommand implements SubCommand {
    @Override
    public String commandName() {
        return "printMsg";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "beginTimestamp", true, false, "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "c", "charsetName", true, false, "CharsetName(eg: UTF-8,GBK)");
        Opts.add(options, "d", "printBody", true, false, "print body");
        Opts.add(options, "e", "endTimestamp", true, false, "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "s", "subExpression", true, false, "Subscribe Expression(eg: TagA || TagB)");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            Charset charset = Charset.forName(Opts.str(cl, 'c', "UTF-8"));
            String sub = Opts.str(cl, 's', "*");
            boolean printBody = Opts.bool(cl, 'd', true);
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            for (QueueData qd : route.getQueueDatas()) {
                String addr = admin.masterAddrOfBroker(qd.getBrokerName());
                for (int q = 0; q < qd.getReadQueueNums(); q++) {
                    MessageQueue mq = new MessageQueue(topic, qd.getBrokerName(), q);
                    long min = admin.minOffset(addr, topic, q);
                    long max = admin.maxOffset(addr, topic, q);
                    if (cl.hasOption('b')) {
                        min = admin.searchOffset(addr, topic, q, CommandUtil.parseTimestamp(Opts.str(cl, 'b')));
                    }
                    if (cl.hasOption('e')) {
                        max = admin.searchOffset(addr, topic, q, CommandUtil.parseTimestamp(Opts.str(cl, 'e')));
                    }
                    System.out.printf("minOffset=%s, maxOffset=%s, %s%n", min, max, mq);
                    long offset = min;
                    while (offset < max) {
                        PullOutcome out = admin.pull(addr, mq, sub, offset, 32);
                        if (out.code != 0 || out.nextBeginOffset <= offset) {
                            System.out.printf("%s no matched msg. status=%s, offset=%s%n", mq, out.status(), offset);
                            break;
                        }
                        for (MessageExt m : out.messages) {
                            String body = printBody ? new String(m.getBody() == null ? new byte[0] : m.getBody(), charset) : "NOT PRINT BODY";
                            System.out.printf("MSGID: %s %s BODY: %s%n", MessagePrinter.uniqIdOf(m), m, body);
                        }
                        offset = out.nextBeginOffset;
                    }
                    System.out.printf("%s print msg finished. status=%s, offset=%s%n", mq, "FOUND", offset);
                    System.out.printf("--------------------------------------------------------\n");
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
