package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin wipeWritePerm}: Wipe write perm of broker in all name server you defined in the -n param. */
public class WipeWritePermCommand implements SubCommand {
    @Override
    public String commandName() {
        return "wipeWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Wipe write perm of broker in all name server you defined in the -n param";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "broker name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("wipeWritePerm is not implemented yet");
    }
}
