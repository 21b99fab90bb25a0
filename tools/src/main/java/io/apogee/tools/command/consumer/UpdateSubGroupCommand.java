package io.apogee.tools.command.consumer;

import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateSubGroup}: Update or create subscription group. */
public class UpdateSubGroupCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Update or create subscription group";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "notifyConsumerIdsChanged", true, false, "notify consumerId changed");
        Opts.add(options, "b", "brokerAddr", true, false, "create subscription group to which broker");
        Opts.add(options, "c", "clusterName", true, false, "create subscription group to which cluster");
        Opts.add(options, "d", "consumeBroadcastEnable", true, false, "broadcast");
        Opts.add(options, "g", "groupName", true, true, "consumer group name");
        Opts.add(options, "i", "brokerId", true, false, "consumer from which broker id");
        Opts.add(options, "m", "consumeFromMinEnable", true, false, "from min offset");
        Opts.add(options, "q", "retryQueueNums", true, false, "retry queue nums");
        Opts.add(options, "r", "retryMaxTimes", true, false, "retry max times");
        Opts.add(options, "s", "consumeEnable", true, false, "consume enable");
        Opts.add(options, "w", "whichBrokerWhenConsumeSlowly", true, false, "which broker id when consume slowly");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            SubscriptionGroupConfig g = new SubscriptionGroupConfig();
            g.setGroupName(Opts.str(cl, 'g'));
            g.setConsumeEnable(Opts.bool(cl, 's', true));
            g.setConsumeFromMinEnable(Opts.bool(cl, 'm', true));
            g.setConsumeBroadcastEnable(Opts.bool(cl, 'd', true));
            g.setRetryQueueNums(Opts.integer(cl, 'q', 1));
            g.setRetryMaxTimes(Opts.integer(cl, 'r', 16));
            g.setBrokerId(Opts.lng(cl, 'i', 0));
            g.setWhichBrokerWhenConsumeSlowly(Opts.lng(cl, 'w', 1));
            g.setNotifyConsumerIdsChangedEnable(Opts.bool(cl, 'a', true));
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            for (String addr : addrs) {
                admin.createAndUpdateSubscriptionGroupConfig(addr, g);
                System.out.printf("create subscription group to %s success.%n", addr);
            }
            System.out.printf("%s%n", describe(g));
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    static String describe(SubscriptionGroupConfig g) {
        return "SubscriptionGroupConfig [groupName=" + g.getGroupName() + ", consumeEnable=" + g.isConsumeEnable()
            + ", consumeFromMinEnable=" + g.isConsumeFromMinEnable() + ", consumeBroadcastEnable=" + g.isConsumeBroadcastEnable()
            + ", retryQueueNums=" + g.getRetryQueueNums() + ", retryMaxTimes=" + g.getRetryMaxTimes() + ", brokerId=" + g.getBrokerId()
            + ", whichBrokerWhenConsumeSlowly=" + g.getWhichBrokerWhenConsumeSlowly() + ", notifyConsumerIdsChangedEnable="
            + g.isNotifyConsumerIdsChangedEnable() + "]";
    }
}
