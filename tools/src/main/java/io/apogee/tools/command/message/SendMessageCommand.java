package io.apogee.tools.command.message;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.nio.charset.StandardCharsets;
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
        try {
            String topic = Opts.str(cl, 't');
            if (cl.hasOption('i') && !cl.hasOption('b')) {
                throw new SubCommandException("Broker name must be set if the queue is chosen!");
            }
            Message msg = new Message(topic, Opts.str(cl, 'c'), Opts.str(cl, 'k'), Opts.str(cl, 'p').getBytes(StandardCharsets.UTF_8));
            DefaultMQProducer producer = ToolProducers.start(admin, "PID_" + System.currentTimeMillis() % 100000);
            try {
                SendResult r;
                if (cl.hasOption('b')) {
                    String brokerName = Opts.str(cl, 'b');
                    if (cl.hasOption('i')) {
                        r = producer.send(msg, new MessageQueue(topic, brokerName, Opts.integer(cl, 'i', 0)));
                    } else {
                        r = producer.send(msg, (mqs, m, arg) -> {
                            java.util.List<MessageQueue> own = new java.util.ArrayList<>();
                            for (MessageQueue q : mqs) {
                                if (q.getBrokerName().equals(brokerName)) {
                                    own.add(q);
                                }
                            }
                            if (own.isEmpty()) {
                                throw new IllegalArgumentException("topic " + topic + " has no queue on broker " + brokerName);
                            }
                            return own.get((int) (System.nanoTime() % own.size()));
                        }, null);
                    }
                } else {
                    r = producer.send(msg);
                }
                System.out.printf("%-32s  %-4s  %-20s    %s%n", "#Broker Name", "#QID", "#Send Result", "#MsgId");
                System.out.printf("%-32s  %-4s  %-20s    %s%n", r.getMessageQueue().getBrokerName(), r.getMessageQueue().getQueueId(),
                    r.getSendStatus(), r.getMsgId());
            } finally {
                producer.shutdown();
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
