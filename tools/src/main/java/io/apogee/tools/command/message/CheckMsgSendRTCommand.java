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
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin checkMsgSendRT}: check message send response time. */
public class CheckMsgSendRTCommand implements SubCommand {
    @Override
    public String commandName() {
        return "checkMsgSendRT";
    }

    @Override
    public String commandDesc() {
        return "check message send response time";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "amount", true, false, "message amount | default 100");
        Opts.add(options, "s", "size", true, false, "message size | default 128 Byte");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            int amount = Opts.integer(cl, 'a', 100);
            int size = Opts.integer(cl, 's', 128);
            DefaultMQProducer producer = ToolProducers.start(admin, "PID_RT_" + System.currentTimeMillis() % 100000);
            try {
                List<MessageQueue> mqs = producer.fetchPublishMessageQueues(topic);
                System.out.printf("%-32s  %-4s  %-20s    %s%n", "#Broker Name", "#QID", "#Send Result", "#RT");
                long total = 0;
                for (int i = 0; i < amount; i++) {
                    MessageQueue mq = mqs.get(i % mqs.size());
                    Message msg = new Message(topic, new byte[size]);
                    long begin = System.currentTimeMillis();
                    boolean ok;
                    try {
                        SendResult r = producer.send(msg, mq);
                        ok = r.getSendStatus() != null;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long rt = System.currentTimeMillis() - begin;
                    total += rt;
                    System.out.printf("%-32s  %-4s  %-20s    %s%n", mq.getBrokerName(), mq.getQueueId(), ok, rt);
                }
                System.out.printf("Avg RT: %s%n", String.format("%.2f", amount == 0 ? 0.0 : (double) total / amount));
            } finally {
                producer.shutdown();
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
