package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateAclConfig}: Update acl config yaml file in broker. */
public class UpdateAclConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Update acl config yaml file in broker";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "accessKey", true, true, "set accessKey in acl config file");
        Opts.add(options, "g", "groupPerms", true, false, "set groupPerms list,eg: groupD=DENY,groupD=SUB");
        Opts.add(options, "i", "defaultTopicPerm", true, false, "set default topicPerm in acl config file");
        Opts.add(options, "m", "admin", true, false, "set admin flag in acl config file");
        Opts.add(options, "s", "secretKey", true, true, "set secretKey in acl config file");
        Opts.add(options, "t", "topicPerms", true, false, "set topicPerms list,eg: topicA=DENY,topicD=SUB");
        Opts.add(options, "u", "defaultGroupPerm", true, false, "set default GroupPerm in acl config file");
        Opts.add(options, "w", "whiteRemoteAddress", true, false, "set white ip Address for account in acl config file");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "update acl config file to which broker"),
            Opts.opt("c", "clusterName", true, "update acl config file to which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("updateAclConfig is not implemented yet");
    }
}
