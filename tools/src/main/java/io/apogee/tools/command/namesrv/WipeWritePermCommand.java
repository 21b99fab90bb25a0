package io.apogee.tools.command.namesrv;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin wipeWritePerm}: Wipe write perm of broker in all name server you defined in the -n param. */
public class WipeWritePermCommand implements SubCommand {
    @Override
    public String commandName() {
        return "wipeWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Wipe write perm of broker in all name server you defined in the -n param";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "b", "brokerName", true, true, "broker name");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String brokerName = Opts.str(cl, 'b');
            List<String> namesrvs = admin.getNameServerAddressList();
            if (namesrvs.isEmpty()) {
                throw new SubCommandException("No name server address: pass -n host:port or set NAMESRV_ADDR");
            }
            boolean failed = false;
            for (String ns : namesrvs) {
                try {
                    int count = admin.wipeWritePermOfBroker(ns, brokerName);
                    System.out.printf("wipe write perm of broker[%s] in name server[%s] OK, %d%n", brokerName, ns, count);
                } catch (Exception e) {
                    failed = true;
                    System.out.printf("wipe write perm of broker[%s] in name server[%s] Failed%n", brokerName, ns);
                    System.err.println(e.getMessage());
                }
            }
            if (failed) {
                throw new SubCommandException("not every name server accepted the change");
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
