package io.apogee.tools.command.queue;

import io.apogee.common.protocol.body.ConsumeQueueData;
import io.apogee.common.protocol.body.QueryConsumeQueueResponseBody;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin queryCq}: Query cq command. */
public class QueryCqCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryCq";
    }

    @Override
    public String commandDesc() {
        return "Query cq command.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "broker", true, false, "broker addr.");
        Opts.add(options, "c", "count", true, false, "how many.");
        Opts.add(options, "g", "consumer", true, false, "consumer group.");
        Opts.add(options, "i", "index", true, true, "start queue index.");
        Opts.add(options, "q", "queue", true, true, "queue num, ie. 1");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            int queueId = Opts.integer(cl, 'q', 0);
            long index = Opts.lng(cl, 'i', 0);
            int count = Opts.integer(cl, 'c', 10);
            String addr = Opts.str(cl, 'b');
            if (addr == null) {
                TopicRouteData route = admin.examineTopicRouteInfo(topic);
                if (route.getBrokerDatas().isEmpty()) {
                    throw new SubCommandException("No topic route data!");
                }
                addr = route.getBrokerDatas().get(0).selectBrokerAddr();
            }
            QueryConsumeQueueResponseBody r = admin.queryConsumeQueue(addr, topic, queueId, index, count, Opts.str(cl, 'g'));
            if (Opts.json(cl)) {
                CommandUtil.printJson(r);
                return;
            }
            if (r.getSubscriptionData() != null) {
                System.out.printf("Subscription data: \n%s\n", com.alibaba.fastjson.JSON.toJSONString(r.getSubscriptionData(), true));
                System.out.print("======================================\n");
            }
            if (r.getFilterData() != null && cl.hasOption('g')) {
                System.out.printf("Filter data: \n%s\n", r.getFilterData());
                System.out.print("======================================\n");
            }
            System.out.printf("Queue data: \nmax: %d, min: %d\n", r.getMaxQueueIndex(), r.getMinQueueIndex());
            System.out.print("======================================\n");
            if (r.getQueueData() != null) {
                long i = index;
                for (ConsumeQueueData d : r.getQueueData()) {
                    System.out.print("idx: " + i + "\n");
                    System.out.print(com.alibaba.fastjson.JSON.toJSONString(d) + "\n");
                    System.out.print("======================================\n");
                    i++;
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
