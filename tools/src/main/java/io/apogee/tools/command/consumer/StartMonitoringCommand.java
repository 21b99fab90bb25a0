package io.apogee.tools.command.consumer;

import io.apogee.common.MixAll;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin startMonitoring}: Start Monitoring. */
public class StartMonitoringCommand implements SubCommand {
    @Override
    public String commandName() {
        return "startMonitoring";
    }

    @Override
    public String commandDesc() {
        return "Start Monitoring";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {

        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            long interval = Long.getLong("apogee.monitor.intervalMs", 20000L);
            System.out.printf("Monitoring started, every %d ms (Ctrl-C to stop)%n", interval);
            while (!Thread.currentThread().isInterrupted()) {
                TreeSet<String> groups = new TreeSet<>();
                for (String t : admin.fetchAllTopicList().getTopicList()) {
                    if (t.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                        groups.add(t.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length()));
                    }
                }
                String now = CommandUtil.formatTime(System.currentTimeMillis(), "yyyy-MM-dd HH:mm:ss");
                for (String g : groups) {
                    try {
                        ConsumeStats cs = admin.examineConsumeStats(g);
                        long diff = 0;
                        for (OffsetWrapper w : cs.getOffsetTable().values()) {
                            diff += w.getBrokerOffset() - w.getConsumerOffset();
                        }
                        System.out.printf("%s %-64s diff=%d tps=%.2f%n", now, g, diff, cs.getConsumeTps());
                    } catch (Exception e) {
                        System.out.printf("%s %-64s %s%n", now, g, e.getMessage());
                    }
                }
                if (Boolean.getBoolean("apogee.monitor.once")) {
                    break;
                }
                Thread.sleep(interval);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
