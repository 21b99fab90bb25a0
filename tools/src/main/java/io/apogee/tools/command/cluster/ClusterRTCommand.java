package io.apogee.tools.command.cluster;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin clusterRT}: List All clusters Message Send RT. */
public class ClusterRTCommand implements SubCommand {
    @Override
    public String commandName() {
        return "clusterRT";
    }

    @Override
    public String commandDesc() {
        return "List All clusters Message Send RT";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "amount", true, false, "message amount | default 100");
        Opts.add(options, "c", "cluster", true, false, "cluster name | default display all cluster");
        Opts.add(options, "i", "interval", true, false, "print interval | default 10 seconds");
        Opts.add(options, "m", "machine room", true, false, "machine room name | default noname");
        Opts.add(options, "p", "print log", true, false, "print as tlog | default false");
        Opts.add(options, "s", "size", true, false, "message size | default 128 Byte");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("clusterRT is not implemented yet");
    }
}
