package io.apogee.tools.command.broker;

import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.protocol.body.ConsumeStatsList;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin brokerConsumeStats}: Fetch broker consume stats data. */
public class BrokerConsumeStatsCommand implements SubCommand {
    @Override
    public String commandName() {
        return "brokerConsumeStats";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker consume stats data";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, true, "Broker address");
        Opts.add(options, "l", "level", true, false, "threshold of print diff");
        Opts.add(options, "o", "order", true, false, "order topic");
        Opts.add(options, "t", "timeoutMillis", true, false, "request timeout Millis");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String addr = Opts.str(cl, 'b');
            long timeout = Opts.lng(cl, 't', 50000);
            long level = Opts.lng(cl, 'l', 0);
            boolean order = Opts.bool(cl, 'o', false);
            ConsumeStatsList list = admin.fetchConsumeStatsInBroker(addr, order, timeout);
            System.out.printf("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n",
                "#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime");
            long total = 0;
            if (list != null && list.getConsumeStatsList() != null) {
                for (Map<String, List<ConsumeStats>> m : list.getConsumeStatsList()) {
                    for (Map.Entry<String, List<ConsumeStats>> e : m.entrySet()) {
                        for (ConsumeStats cs : e.getValue()) {
                            for (Map.Entry<MessageQueue, OffsetWrapper> q : new TreeMap<>(cs.getOffsetTable()).entrySet()) {
                                OffsetWrapper w = q.getValue();
                                long diff = w.getBrokerOffset() - w.getConsumerOffset();
                                total += diff;
                                if (diff < level) {
                                    continue;
                                }
                                String last = w.getLastTimestamp() == 0 ? "-" : CommandUtil.formatTime(w.getLastTimestamp(), "yyyy-MM-dd HH:mm:ss");
                                System.out.printf("%-64s  %-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n", q.getKey().getTopic(), e.getKey(),
                                    q.getKey().getBrokerName(), q.getKey().getQueueId(), w.getBrokerOffset(), w.getConsumerOffset(), diff, last);
                            }
                        }
                    }
                }
            }
            System.out.printf("%nDiff Total: %d%n", list == null ? total : Math.max(total, list.getTotalDiff()));
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
