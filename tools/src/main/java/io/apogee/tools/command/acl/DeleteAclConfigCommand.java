package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin deleteAclConfig}: Delete Acl Config Account in broker. */
public class DeleteAclConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete Acl Config Account in broker";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "accessKey", true, true, "set accessKey in acl config file for deleting which account");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "delete acl config account from which broker"),
            Opts.opt("c", "clusterName", true, "delete acl config account from which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String ak = Opts.str(cl, 'a');
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            for (String addr : addrs) {
                admin.deletePlainAccessConfig(addr, ak);
                System.out.printf("delete plain access config account from %s success.%n", addr);
            }
            System.out.printf("account's accesskey is:%s%n", ak);
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }

    @Override
    public String[] commandAliases() {
        return new String[] {"deleteAccessConfig"};
    }
}
