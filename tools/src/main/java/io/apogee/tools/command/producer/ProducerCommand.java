package io.apogee.tools.command.producer;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin producer}: Query producer's instances, connection, status, etc. */
public class ProducerCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producer";
    }

    @Override
    public String commandDesc() {
        return "Query producer's instances, connection, status, etc.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "broker", true, true, "broker address");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            JSONObject info = admin.getAllProducerInfo(Opts.str(cl, 'b'));
            if (Opts.json(cl)) {
                CommandUtil.printJson(info);
                return;
            }
            JSONObject data = info.getJSONObject("data");
            if (data == null) {
                return;
            }
            for (String group : new TreeSet<>(data.keySet())) {
                JSONArray list = data.getJSONArray(group);
                if (list == null || list.isEmpty()) {
                    System.out.printf("producer group (%s) instances are empty\n", group);
                    continue;
                }
                for (Object p : list) {
                    System.out.printf("producer group (%s) instance : %s\n", group, p);
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
