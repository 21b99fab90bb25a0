package io.apogee.tools.command.consumer;

import com.alibaba.fastjson.JSONObject;
import io.apogee.common.MQVersion;
import io.apogee.common.protocol.body.Connection;
import io.apogee.common.protocol.body.ConsumerConnection;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin consumerStatus}: Query consumer's internal data structure. */
public class ConsumerStatusCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerStatus";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's internal data structure";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "broker address");
        Opts.add(options, "g", "consumerGroup", true, true, "consumer group name");
        Opts.add(options, "i", "clientId", true, false, "The consumer's client id");
        Opts.add(options, "s", "jstack", false, false, "Run jstack command in the consumer progress");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String group = Opts.str(cl, 'g');
            boolean jstack = cl.hasOption('s');
            if (cl.hasOption('i')) {
                JSONObject info = admin.getConsumerRunningInfo(group, Opts.str(cl, 'i'), jstack);
                if (Opts.json(cl)) {
                    CommandUtil.printJson(info);
                } else {
                    System.out.printf("%s%n", com.alibaba.fastjson.JSON.toJSONString(info, true));
                }
                return;
            }
            ConsumerConnection cc = cl.hasOption('b') ? admin.examineConsumerConnectionInfo(group, Opts.str(cl, 'b'))
                : admin.examineConsumerConnectionInfo(group);
            List<Connection> conns = new ArrayList<>(cc.getConnectionSet());
            conns.sort(Comparator.comparing(Connection::getClientId));
            System.out.printf("%-10s %-40s %-20s %s%n", "#Index", "#ClientId", "#Version", "#ConsumerRunningInfoFile");
            int i = 1;
            java.util.Set<String> subscriptions = new java.util.HashSet<>();
            for (Connection c : conns) {
                String file = "";
                try {
                    JSONObject info = admin.getConsumerRunningInfo(group, c.getClientId(), jstack);
                    java.io.File dir = new java.io.File(System.getProperty("user.home"), "logs/rocketmqlogs/consumerStatus/" + group);
                    dir.mkdirs();
                    java.io.File f = new java.io.File(dir, c.getClientId().replace('@', '_') + "-" + System.currentTimeMillis());
                    java.nio.file.Files.writeString(f.toPath(), com.alibaba.fastjson.JSON.toJSONString(info, true));
                    file = f.getAbsolutePath();
                    subscriptions.add(String.valueOf(info.get("subscriptionSet")));
                } catch (Exception e) {
                    file = "(running info unavailable: " + e.getMessage() + ")";
                }
                System.out.printf("%-10d %-40s %-20s %s%n", i++, c.getClientId(), MQVersion.getVersionDesc(c.getVersion()), file);
            }
            if (subscriptions.size() <= 1) {
                System.out.printf("%n%nSame subscription in the same group of consumer");
                System.out.printf("%n%nRebalance %s%n", "OK");
            } else {
                System.out.printf("%n%nWARN: Different subscription in the same group of consumer!!!");
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
