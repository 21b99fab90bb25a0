package io.apogee.tools.command.connection;

import io.apogee.common.MQVersion;
import io.apogee.common.protocol.body.Connection;
import io.apogee.common.protocol.body.ConsumerConnection;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin consumerConnection}: Query consumer's socket connection, client version and subscription. */
public class ConsumerConnectionCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's socket connection, client version and subscription";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "broker address");
        Opts.add(options, "g", "consumerGroup", true, true, "consumer group name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String group = Opts.str(cl, 'g');
            ConsumerConnection cc = cl.hasOption('b') ? admin.examineConsumerConnectionInfo(group, Opts.str(cl, 'b'))
                : admin.examineConsumerConnectionInfo(group);
            if (Opts.json(cl)) {
                CommandUtil.printJson(cc);
                return;
            }
            List<Connection> conns = new ArrayList<>(cc.getConnectionSet());
            conns.sort(Comparator.comparing(Connection::getClientId));
            System.out.printf("%-36s %-22s %-10s %s%n", "#ClientId", "#ClientAddr", "#Language", "#Version");
            for (Connection c : conns) {
                System.out.printf("%-36s %-22s %-10s %s%n", c.getClientId(), c.getClientAddr(), c.getLanguage(), MQVersion.getVersionDesc(c.getVersion()));
            }
            System.out.printf("%nBelow is subscription:%n");
            System.out.printf("%-20s %s%n", "#Topic", "#SubExpression");
            if (cc.getSubscriptionTable() != null) {
                for (Map.Entry<String, SubscriptionData> e : new TreeMap<>(cc.getSubscriptionTable()).entrySet()) {
                    System.out.printf("%-20s %s%n", e.getKey(), e.getValue().getSubString());
                }
            }
            System.out.printf("%n");
            System.out.printf("ConsumeType: %s%n", cc.getConsumeType());
            System.out.printf("MessageModel: %s%n", cc.getMessageModel());
            System.out.printf("ConsumeFromWhere: %s%n", cc.getConsumeFromWhere());
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
