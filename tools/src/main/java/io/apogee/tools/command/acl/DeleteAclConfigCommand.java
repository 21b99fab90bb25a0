package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin deleteAclConfig}: Delete Acl Config Account in broker. */
public class DeleteAclConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete Acl Config Account in broker";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "accessKey", true, true, "set accessKey in acl config file for deleting which account");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "delete acl config account from which broker"),
            Opts.opt("c", "clusterName", true, "delete acl config account from which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("deleteAclConfig is not implemented yet");
    }
}
