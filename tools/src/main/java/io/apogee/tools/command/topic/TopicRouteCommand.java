package io.apogee.tools.command.topic;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin topicRoute}: Examine topic route info. */
public class TopicRouteCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicRoute";
    }

    @Override
    public String commandDesc() {
        return "Examine topic route info";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "l", "list", false, false, "Use list format to print data");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            if (Opts.json(cl)) {
                CommandUtil.printJson(route);
                return;
            }
            if (!cl.hasOption('l')) {
                System.out.printf("%s%n", RemotingSerializable.toJson(route, true));
                return;
            }
            System.out.printf("%-45s %-32s %-50s %-10s %-11s %-5s%n", "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
            List<BrokerData> brokers = new ArrayList<>(route.getBrokerDatas());
            Collections.sort(brokers);
            int totalRead = 0;
            int totalWrite = 0;
            for (BrokerData bd : brokers) {
                QueueData qd = DefaultMQAdminExt.queueData(route, bd.getBrokerName());
                int r = qd == null ? 0 : qd.getReadQueueNums();
                int w = qd == null ? 0 : qd.getWriteQueueNums();
                totalRead += r;
                totalWrite += w;
                System.out.printf("%-45s %-32s %-50s %-10s %-11s %-5s%n", bd.getCluster(), bd.getBrokerName(), bd.getBrokerAddrs(), r, w,
                    qd == null ? "-" : qd.getPerm());
            }
            System.out.printf("%n");
            System.out.printf("%-45s %-32s %-50s %-10s %-11s %-5s%n", "Total:", brokers.size(), "", totalRead, totalWrite, "");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
