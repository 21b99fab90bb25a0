package io.apogee.tools.command.topic;

import io.apogee.common.UtilAll;
import io.apogee.common.admin.TopicOffset;
import io.apogee.common.admin.TopicStatsTable;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin topicStatus}: Examine topic Status info. */
public class TopicStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicStatus";
    }

    @Override
    public String commandDesc() {
        return "Examine topic Status info";
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
            String topic = Opts.str(cl, 't');
            TopicStatsTable stats = admin.examineTopicStats(topic);
            TreeMap<MessageQueue, TopicOffset> sorted = new TreeMap<>(stats.getOffsetTable());
            if (Opts.json(cl)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Map.Entry<MessageQueue, TopicOffset> e : sorted.entrySet()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("brokerName", e.getKey().getBrokerName());
                    row.put("queueId", e.getKey().getQueueId());
                    row.put("minOffset", e.getValue().getMinOffset());
                    row.put("maxOffset", e.getValue().getMaxOffset());
                    row.put("lastUpdateTimestamp", e.getValue().getLastUpdateTimestamp());
                    rows.add(row);
                }
                CommandUtil.printJson(rows);
                return;
            }
            System.out.printf("%-32s  %-4s  %-20s  %-20s    %s%n", "#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated");
            for (Map.Entry<MessageQueue, TopicOffset> e : sorted.entrySet()) {
                TopicOffset o = e.getValue();
                String last = o.getLastUpdateTimestamp() > 0 ? UtilAll.timeMillisToHumanString2(o.getLastUpdateTimestamp()) : "";
                System.out.printf("%-32s  %-4d  %-20d  %-20d    %s%n", e.getKey().getBrokerName(), e.getKey().getQueueId(),
                    o.getMinOffset(), o.getMaxOffset(), last);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
