package io.apogee.tools.command.offset;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
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
        try {
            String src = Opts.str(cl, 's');
            String dest = Opts.str(cl, 'd');
            String topic = Opts.str(cl, 't');
            admin.cloneGroupOffset(src, dest, topic, Opts.bool(cl, 'o', false));
            System.out.printf("clone group offset success. srcGroup[%s], destGroup=[%s], topic[%s]%n", src, dest, topic);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
