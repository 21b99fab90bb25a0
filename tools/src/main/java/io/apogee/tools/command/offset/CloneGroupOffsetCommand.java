package io.apogee.tools.command.offset;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin cloneGroupOffset}: clone offset from other group. */
public class CloneGroupOffsetCommand implements SubCommand {
    @Override
    public String commandName() {
        return "cloneGroupOffset";
    }

    @Override
    public String commandDesc() {
        return "clone offset from other group.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "d", "destGroup", true, true, "set destination consumer group");
        Opts.add(options, "o", "offline", true, false, "the group or the topic is offline");
        Opts.add(options, "s", "srcGroup", true, true, "set source consumer group");
        Opts.add(options, "t", "topic", true, true, "set the topic");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("cloneGroupOffset is not implemented yet");
    }
}
