package io.apogee.tools.command.topic;

import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin topicClusterList}: get cluster info for topic. */
public class TopicClusterListCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicClusterList";
    }

    @Override
    public String commandDesc() {
        return "get cluster info for topic";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            TopicRouteData route = admin.examineTopicRouteInfo(Opts.str(cl, 't'));
            TreeSet<String> clusters = new TreeSet<>();
            for (BrokerData bd : route.getBrokerDatas()) {
                if (bd.getCluster() != null) {
                    clusters.add(bd.getCluster());
                }
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(clusters);
                return;
            }
            for (String c : clusters) {
                System.out.printf("%s%n", c);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
