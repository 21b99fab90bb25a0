package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateKvConfig}: Create or update KV config. */
public class UpdateKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Create or update KV config.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "k", "key", true, true, "set the key name");
        Opts.add(options, "s", "namespace", true, true, "set the namespace");
        Opts.add(options, "v", "value", true, true, "set the key value");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            admin.createAndUpdateKvConfig(Opts.str(cl, 's'), Opts.str(cl, 'k'), Opts.str(cl, 'v'));
            System.out.printf("create or update kv config to namespace success.%n");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
