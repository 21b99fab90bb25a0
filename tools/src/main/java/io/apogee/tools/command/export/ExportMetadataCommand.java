package io.apogee.tools.command.export;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin exportMetadata}: export metadata. */
public class ExportMetadataCommand implements SubCommand {
    @Override
    public String commandName() {
        return "exportMetadata";
    }

    @Override
    public String commandDesc() {
        return "export metadata";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerAddr", true, false, "choose a broker to export");
        Opts.add(options, "c", "clusterName", true, false, "choose a cluster to export");
        Opts.add(options, "f", "filePath", true, false, "export metadata.json path | default /tmp/rocketmq/export");
        Opts.add(options, "g", "subscriptionGroup", false, false, "only export subscriptionGroup metadata");
        Opts.add(options, "s", "specialTopic", false, false, "need retryTopic and dlqTopic");
        Opts.add(options, "t", "topic", false, false, "only export topic metadata");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        throw new SubCommandException("exportMetadata is not implemented yet");
    }
}
