package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin clusterAclConfigVersion}: List all of acl config version information in cluster. */
public class ClusterAclConfigVersionCommand implements SubCommand {
    @Override
    public String commandName() {
        return "clusterAclConfigVersion";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config version information in cluster";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "query acl config version for which broker"),
            Opts.opt("c", "clusterName", true, "query acl config version for specified cluster"));
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("clusterAclConfigVersion is not implemented yet");
    }
}
