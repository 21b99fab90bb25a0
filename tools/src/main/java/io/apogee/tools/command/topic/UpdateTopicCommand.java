package io.apogee.tools.command.topic;

import io.apogee.common.TopicConfig;
import io.apogee.common.TopicFilterType;
import io.apogee.common.constant.PermName;
import io.apogee.common.constant.TopicSysFlag;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateTopic}: Update or create topic. */
public class UpdateTopicCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateTopic";
    }

    @Override
    public String commandDesc() {
        return "Update or create topic";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "o", "order", true, false, "set topic's order(true|false)");
        Opts.add(options, "p", "perm", true, false, "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]");
        Opts.add(options, "r", "readQueueNums", true, false, "set read queue nums");
        Opts.add(options, "s", "hasUnitSub", true, false, "has unit sub (true|false)");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.add(options, "u", "unit", true, false, "is unit topic (true|false)");
        Opts.add(options, "w", "writeQueueNums", true, false, "set write queue nums");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "create topic to which broker"),
            Opts.opt("c", "clusterName", true, "create topic to which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            TopicConfig tc = new TopicConfig(topic);
            tc.setReadQueueNums(Opts.integer(cl, 'r', 8));
            tc.setWriteQueueNums(Opts.integer(cl, 'w', 8));
            tc.setPerm(Opts.integer(cl, 'p', PermName.PERM_READ | PermName.PERM_WRITE));
            tc.setTopicFilterType(TopicFilterType.SINGLE_TAG);
            boolean unit = Opts.bool(cl, 'u', false);
            boolean unitSub = Opts.bool(cl, 's', false);
            tc.setTopicSysFlag(TopicSysFlag.buildSysFlag(unit, unitSub));
            boolean order = Opts.bool(cl, 'o', false);
            tc.setOrder(order);
            if (cl.hasOption('b')) {
                String addr = Opts.str(cl, 'b');
                admin.createAndUpdateTopicConfig(addr, tc);
                if (order) {
                    String brokerName = brokerNameOf(admin, addr);
                    String orderConf = brokerName + ":" + tc.getWriteQueueNums();
                    admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", topic, orderConf);
                    System.out.printf("%s", String.format("set broker orderConf. isOrder=%s, orderConf=[%s]", order, orderConf));
                }
                System.out.printf("create topic to %s success.%n", addr);
                System.out.printf("%s%n", tc);
                return;
            }
            String cluster = Opts.str(cl, 'c');
            List<String> masters = admin.masterAddrsOfCluster(cluster);
            List<String> orderParts = new ArrayList<>();
            for (String addr : masters) {
                admin.createAndUpdateTopicConfig(addr, tc);
                System.out.printf("create topic to %s success.%n", addr);
                if (order) {
                    orderParts.add(brokerNameOf(admin, addr) + ":" + tc.getWriteQueueNums());
                }
            }
            if (order) {
                String orderConf = String.join(";", orderParts);
                admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", topic, orderConf);
                System.out.printf("%s", String.format("set cluster orderConf. isOrder=%s, orderConf=[%s]", order, orderConf));
            }
            System.out.printf("%s%n", tc);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    static String brokerNameOf(DefaultMQAdminExt admin, String addr) throws Exception {
        ClusterInfo ci = admin.examineBrokerClusterInfo();
        for (BrokerData bd : ci.getBrokerAddrTable().values()) {
            if (bd.getBrokerAddrs() != null) {
                for (Map.Entry<Long, String> e : bd.getBrokerAddrs().entrySet()) {
                    if (e.getValue().equals(addr)) {
                        return bd.getBrokerName();
                    }
                }
            }
        }
        throw new SubCommandException("broker address " + addr + " is not registered on the name server");
    }
}
