package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin getNamesrvConfig}: Get configs of name server. */
public class GetNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Get configs of name server.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            Map<String, Properties> configs = admin.getNameServerConfig(null);
            if (Opts.json(cl)) {
                Map<String, Object> json = new TreeMap<>();
                configs.forEach((k, v) -> json.put(k, new TreeMap<>(v)));
                CommandUtil.printJson(json);
                return;
            }
            for (Map.Entry<String, Properties> e : configs.entrySet()) {
                System.out.printf("============%s============\n", e.getKey());
                for (Map.Entry<Object, Object> kv : new TreeMap<>(e.getValue()).entrySet()) {
                    System.out.printf("%-50s=  %s\n", kv.getKey(), kv.getValue());
                }
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
