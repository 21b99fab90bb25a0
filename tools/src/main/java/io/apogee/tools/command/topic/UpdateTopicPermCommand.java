package io.apogee.tools.command.topic;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateTopicPerm}: Update topic perm. */
public class UpdateTopicPermCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateTopicPerm";
    }

    @Override
    public String commandDesc() {
        return "Update topic perm";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "create topic to which broker");
        Opts.add(options, "c", "clusterName", true, false, "create topic to which cluster");
        Opts.add(options, "p", "perm", true, true, "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]");
        Opts.add(options, "t", "topic", true, true, "topic name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("updateTopicPerm is not implemented yet");
    }
}
