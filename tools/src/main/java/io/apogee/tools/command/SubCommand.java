package io.apogee.tools.command;

import io.apogee.tools.admin.DefaultMQAdminExt;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One mqadmin sub-command: its name, one-line description, options and action. */
public interface SubCommand {
    String commandName();

    /** Other names accepted on the command line (not listed). */
    default String[] commandAliases() {
        return new String[0];
    }

    String commandDesc();

    /** Adds this command's options to {@code options} (which already holds -h and -n) and returns it. */
    Options buildCommandlineOptions(Options options);

    /**
     * Runs the command. {@code admin} is started lazily by its first remote call, so commands that
     * only validate input never open a connection.
     */
    void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException;
}
