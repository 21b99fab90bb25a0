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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        try {
            String topic = Opts.str(cl, 't');
            long count = Opts.lng(cl, 'c', 128);
            if (count <= 0) {
                throw new SubCommandException("Please input a positive messageNumber!");
            }
            if (cl.hasOption('i') && !cl.hasOption('b')) {
                throw new SubCommandException("Please set the brokerName before queueId!");
            }
            if (cl.hasOption('o') && !cl.hasOption('i')) {
                throw new SubCommandException("Please set queueId before offset!");
            }
            long now = System.currentTimeMillis();
            long begin = cl.hasOption('s') ? CommandUtil.parseTimestamp(Opts.str(cl, 's')) : 0;
            long end = cl.hasOption('e') ? CommandUtil.parseTimestamp(Opts.str(cl, 'e')) : now;
            if (begin > now) {
                throw new SubCommandException("Please set the beginTimestamp before now!");
            }
            if (begin > end) {
                throw new SubCommandException("Please make sure that the beginTimestamp is less than or equal to the endTimestamp");
            }
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            List<MessageQueue> mqs = new ArrayList<>();
            for (QueueData qd : route.getQueueDatas()) {
                if (cl.hasOption('b') && !qd.getBrokerName().equals(Opts.str(cl, 'b'))) {
                    continue;
                }
                for (int q = 0; q < qd.getReadQueueNums(); q++) {
                    if (!cl.hasOption('i') || q == Opts.integer(cl, 'i', 0)) {
                        mqs.add(new MessageQueue(topic, qd.getBrokerName(), q));
                    }
                }
            }
            if (mqs.isEmpty()) {
                throw new SubCommandException("no matching queue of topic " + topic);
            }
            long printed = 0;
            for (MessageQueue mq : mqs) {
                String addr = admin.masterAddrOfBroker(mq.getBrokerName());
                long offset = cl.hasOption('o') ? Opts.lng(cl, 'o', 0)
                    : cl.hasOption('s') ? admin.searchOffset(addr, topic, mq.getQueueId(), begin) : admin.minOffset(addr, topic, mq.getQueueId());
                long max = admin.maxOffset(addr, topic, mq.getQueueId());
                while (offset < max && printed < count) {
                    PullOutcome out = admin.pull(addr, mq, "*", offset, (int) Math.min(32, count - printed));
                    if (out.code != 0 || out.nextBeginOffset <= offset) {
                        System.out.printf("%s no matched msg. status=%s, offset=%s\n", mq, out.status(), offset);
                        break;
                    }
                    for (MessageExt m : out.messages) {
                        if (m.getStoreTimestamp() > end || printed >= count) {
                            continue;
                        }
                        printed++;
                        System.out.printf("MSGID: %s %s BODY: %s%n", MessagePrinter.uniqIdOf(m), m,
                            new String(m.getBody() == null ? new byte[0] : m.getBody(), StandardCharsets.UTF_8));
                    }
                    offset = out.nextBeginOffset;
                }
                if (printed >= count) {
                    break;
                }
            }
            System.out.printf("Consume ok\n");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
