package io.apogee.tools.command.connection;

import io.apogee.common.MQVersion;
import io.apogee.common.protocol.body.Connection;
import io.apogee.common.protocol.body.ProducerConnection;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin producerConnection}: Query producer's socket connection and client version. */
public class ProducerConnectionCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query producer's socket connection and client version";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "producerGroup", true, true, "producer group name");
        Opts.add(options, "t", "topic", true, true, "topic name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            ProducerConnection pc = admin.examineProducerConnectionInfo(Opts.str(cl, 'g'), Opts.str(cl, 't'));
            if (Opts.json(cl)) {
                CommandUtil.printJson(pc);
                return;
            }
            List<Connection> conns = new ArrayList<>(pc.getConnectionSet());
            conns.sort(Comparator.comparing(Connection::getClientId));
            int i = 1;
            for (Connection c : conns) {
                System.out.printf("%04d  %-32s %-22s %-8s %s%n", i++, c.getClientId(), c.getClientAddr(), c.getLanguage(),
                    MQVersion.getVersionDesc(c.getVersion()));
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
