package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateNamesrvConfig}: Update configs of name server. */
public class UpdateNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Update configs of name server.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "k", "key", true, true, "config key");
        Opts.add(options, "v", "value", true, true, "config value");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String key = Opts.str(cl, 'k');
            String value = Opts.str(cl, 'v');
            Properties p = new Properties();
            p.setProperty(key, value);
            admin.updateNameServerConfig(p, null);
            System.out.printf("update name server config success!%s\n%s : %s\n", admin.getNameServerAddressList(), key, value);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
