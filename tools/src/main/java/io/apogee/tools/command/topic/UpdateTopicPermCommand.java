package io.apogee.tools.command.topic;

import io.apogee.common.TopicConfig;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateTopicPerm}: Update topic perm. */
public class UpdateTopicPermCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateTopicPerm";
    }

    @Override
    public String commandDesc() {
        return "Update topic perm";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "create topic to which broker");
        Opts.add(options, "c", "clusterName", true, false, "create topic to which cluster");
        Opts.add(options, "p", "perm", true, true, "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            int perm = Opts.integer(cl, 'p', 6);
            admin.examineTopicRouteInfo(topic);
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            for (String addr : addrs) {
                TopicConfig tc = admin.examineTopicConfig(addr, topic);
                if (tc == null) {
                    System.out.printf("updateTopicPerm error broker not exit or broker is not master!.%n");
                    continue;
                }
                int old = tc.getPerm();
                if (old == perm) {
                    System.out.printf("new perm equals to the old one!%n");
                    continue;
                }
                tc.setPerm(perm);
                admin.createAndUpdateTopicConfig(addr, tc);
                System.out.printf("update topic perm from %s to %s in %s success.%n", old, perm, addr);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
