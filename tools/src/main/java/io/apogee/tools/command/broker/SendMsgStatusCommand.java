package io.apogee.tools.command.broker;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.message.ToolProducers;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin sendMsgStatus}: send msg to broker. */
public class SendMsgStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "sendMsgStatus";
    }

    @Override
    public String commandDesc() {
        return "send msg to broker.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "Broker Name");
        Opts.add(options, "c", "count", true, false, "send message count, Default: 50");
        Opts.add(options, "s", "messageSize", true, false, "Message Size, Default: 128");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String brokerName = Opts.str(cl, 'b');
            int size = Opts.integer(cl, 's', 128);
            int count = Opts.integer(cl, 'c', 50);
            DefaultMQProducer producer = ToolProducers.start(admin, "PID_SMSC_" + System.currentTimeMillis() % 100000);
            try {
                byte[] body = new byte[size];
                for (int i = 0; i < count; i++) {
                    long begin = System.currentTimeMillis();
                    SendResult r = producer.send(new Message(brokerName, body));
                    System.out.printf("rt=%sms, SendResult=%s%n", System.currentTimeMillis() - begin, r);
                }
            } finally {
                producer.shutdown();
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
