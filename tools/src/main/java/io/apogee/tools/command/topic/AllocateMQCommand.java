package io.apogee.tools.command.topic;

import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin allocateMQ}: Allocate MQ. */
public class AllocateMQCommand implements SubCommand {
    @Override
    public String commandName() {
        return "allocateMQ";
    }

    @Override
    public String commandDesc() {
        return "Allocate MQ";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "i", "ipList", true, true, "ipList");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            List<MessageQueue> mqs = new ArrayList<>();
            for (QueueData qd : route.getQueueDatas()) {
                for (int i = 0; i < qd.getReadQueueNums(); i++) {
                    mqs.add(new MessageQueue(topic, qd.getBrokerName(), i));
                }
            }
            Collections.sort(mqs);
            List<String> ips = new ArrayList<>();
            for (String ip : Opts.str(cl, 'i').split(",")) {
                if (!ip.isBlank()) {
                    ips.add(ip.trim());
                }
            }
            Collections.sort(ips);
            Map<String, List<MessageQueue>> result = new LinkedHashMap<>();
            AllocateMessageQueueAveragely strategy = new AllocateMessageQueueAveragely();
            for (String ip : ips) {
                result.put(ip, strategy.allocate("aa", ip, mqs, ips));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("result", result);
            if (Opts.json(cl)) {
                CommandUtil.printJson(out);
            } else {
                System.out.printf("%s%n", com.alibaba.fastjson.JSON.toJSONString(out, true));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
