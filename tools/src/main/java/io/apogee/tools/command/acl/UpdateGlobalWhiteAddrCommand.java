package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateGlobalWhiteAddr}: Update global white address for acl Config File in broker. */
public class UpdateGlobalWhiteAddrCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateGlobalWhiteAddr";
    }

    @Override
    public String commandDesc() {
        return "Update global white address for acl Config File in broker";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "globalWhiteRemoteAddresses", true, true, "set globalWhiteRemoteAddress list,eg: 10.10.103.*,192.168.0.*");
        Opts.add(options, "p", "aclFileFullPath", true, false, "update global white address of specified acl file,eg: /xxx/plain_test.yml");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "update global white address to which broker"),
            Opts.opt("c", "clusterName", true, "update global white address to which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            for (String addr : addrs) {
                admin.updateGlobalWhiteAddrConfig(addr, Opts.str(cl, 'g'), Opts.str(cl, 'p'));
                System.out.printf("update global white remote addresses to %s success.%n", addr);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
