package io.apogee.tools.command.topic;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin deleteTopic}: Delete topic from broker and NameServer. */
public class DeleteTopicCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteTopic";
    }

    @Override
    public String commandDesc() {
        return "Delete topic from broker and NameServer.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "clusterName", true, true, "delete topic from which cluster");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            String cluster = Opts.str(cl, 'c');
            List<String> masters = admin.masterAddrsOfCluster(cluster);
            admin.deleteTopicInBroker(masters, topic);
            System.out.printf("delete topic [%s] from cluster [%s] success.%n", topic, cluster);
            admin.deleteTopicInNameServer(admin.getNameServerAddressList(), topic, null);
            System.out.printf("delete topic [%s] from NameServer success.%n", topic);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
