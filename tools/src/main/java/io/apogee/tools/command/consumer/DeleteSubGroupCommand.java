package io.apogee.tools.command.consumer;

import io.apogee.common.MixAll;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin deleteSubGroup}: Delete subscription group from broker. */
public class DeleteSubGroupCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Delete subscription group from broker.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "delete subscription group from which broker");
        Opts.add(options, "c", "clusterName", true, false, "delete subscription group from which cluster");
        Opts.add(options, "g", "groupName", true, true, "subscription group name");
        Opts.add(options, "r", "removeOffset", true, false, "remove offset");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String group = Opts.str(cl, 'g');
            boolean removeOffset = Opts.bool(cl, 'r', false);
            if (cl.hasOption('b')) {
                String addr = Opts.str(cl, 'b');
                admin.deleteSubscriptionGroup(addr, group, removeOffset);
                System.out.printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
                return;
            }
            if (!cl.hasOption('c')) {
                throw new SubCommandException("either -b (broker address) or -c (cluster name) is required");
            }
            String cluster = Opts.str(cl, 'c');
            List<String> masters = admin.masterAddrsOfCluster(cluster);
            for (String addr : masters) {
                admin.deleteSubscriptionGroup(addr, group, removeOffset);
                System.out.printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n", group, addr, cluster);
            }
            for (String topic : new String[] {MixAll.getRetryTopic(group), MixAll.getDLQTopic(group)}) {
                try {
                    admin.deleteTopicInBroker(masters, topic);
                    admin.deleteTopicInNameServer(admin.getNameServerAddressList(), topic, null);
                } catch (Exception ignored) {
                    // the group may never have had a retry or dead-letter topic
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
