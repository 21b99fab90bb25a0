package io.apogee.tools.command.topic;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateOrderConf}: Create or update or delete order conf. */
public class UpdateOrderConfCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateOrderConf";
    }

    @Override
    public String commandDesc() {
        return "Create or update or delete order conf";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "m", "method", true, true, "option type [eg. put|get|delete");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.add(options, "v", "orderConf", true, false, "set order conf [eg. brokerName1:num;brokerName2:num]");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String topic = Opts.str(cl, 't');
            String method = Opts.str(cl, 'm');
            if ("get".equals(method)) {
                String conf = admin.getKVConfig("ORDER_TOPIC_CONFIG", topic);
                System.out.printf("get orderConf success. topic=[%s], orderConf=[%s]%n", topic, conf);
            } else if ("put".equals(method)) {
                if (!cl.hasOption('v')) {
                    throw new SubCommandException("please set orderConf with option -v.");
                }
                String conf = Opts.str(cl, 'v');
                admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", topic, conf);
                System.out.printf("update orderConf success. topic=[%s], orderConf=[%s]%n", topic, conf);
            } else if ("delete".equals(method)) {
                admin.deleteKvConfig("ORDER_TOPIC_CONFIG", topic);
                System.out.printf("delete orderConf success. topic=[%s]%n", topic);
            } else {
                throw new SubCommandException("-m must be one of put, get, delete");
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
