package io.apogee.tools.command.stats;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin statsAll}: Topic and Consumer tps stats. */
public class StatsAllCommand implements SubCommand {
    @Override
    public String commandName() {
        return "statsAll";
    }

    @Override
    public String commandDesc() {
        return "Topic and Consumer tps stats";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "activeTopic", false, false, "print active topic only");
        Opts.add(options, "t", "topic", true, false, "print select topic only");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("statsAll is not implemented yet");
    }
}
