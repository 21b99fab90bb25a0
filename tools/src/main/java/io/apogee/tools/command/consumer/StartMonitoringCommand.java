package io.apogee.tools.command.consumer;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin startMonitoring}: Start Monitoring. */
public class StartMonitoringCommand implements SubCommand {
    @Override
    public String commandName() {
        return "startMonitoring";
    }

    @Override
    public String commandDesc() {
        return "Start Monitoring";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {

        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("startMonitoring is not implemented yet");
    }
}
