package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin deleteKvConfig}: Delete KV config. */
public class DeleteKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete KV config.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "k", "key", true, true, "set the key name");
        Opts.add(options, "s", "namespace", true, true, "set the namespace");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            admin.deleteKvConfig(Opts.str(cl, 's'), Opts.str(cl, 'k'));
            System.out.printf("delete kv config from namespace success.%n");
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
