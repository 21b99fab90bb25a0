package io.apogee.tools.command.offset;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin resetOffsetByTime}: Reset consumer offset by timestamp(without client restart). */
public class ResetOffsetByTimeCommand implements SubCommand {
    @Override
    public String commandName() {
        return "resetOffsetByTime";
    }

    @Override
    public String commandDesc() {
        return "Reset consumer offset by timestamp(without client restart).";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "cplus", false, false, "reset c++ client offset");
        Opts.add(options, "f", "force", true, false, "set the force rollback by timestamp switch[true|false]");
        Opts.add(options, "g", "group", true, true, "set the consumer group");
        Opts.add(options, "s", "timestamp", true, true, "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        Opts.add(options, "t", "topic", true, true, "set the topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String group = Opts.str(cl, 'g');
            String topic = Opts.str(cl, 't');
            String ts = Opts.str(cl, 's');
            long timestamp = CommandUtil.parseTimestamp(ts);
            boolean force = Opts.bool(cl, 'f', true);
            try {
                Map<MessageQueue, Long> offsets = admin.resetOffsetByTimestamp(topic, group, timestamp, force);
                System.out.printf("rollback consumer offset by specified group[%s], topic[%s], force[%s], timestamp(string)[%s], timestamp(long)[%s]%n",
                    group, topic, force, ts, timestamp);
                System.out.printf("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset");
                for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
                    System.out.printf("%-40s  %-40d  %-40d%n", e.getKey().getBrokerName(), e.getKey().getQueueId(), e.getValue());
                }
            } catch (MQBrokerException e) {
                if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                    throw e;
                }
                OffsetResetSupport.resetOffline(admin, group, topic, timestamp, force, ts);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
