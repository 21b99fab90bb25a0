package io.apogee.tools.command.export;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin exportMetrics}: export metrics. */
public class ExportMetricsCommand implements SubCommand {
    @Override
    public String commandName() {
        return "exportMetrics";
    }

    @Override
    public String commandDesc() {
        return "export metrics";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "c", "clusterName", true, true, "choose a cluster to export");
        Opts.add(options, "f", "filePath", true, false, "export metrics.json path | default /tmp/rocketmq/export");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("exportMetrics is not implemented yet");
    }
}
