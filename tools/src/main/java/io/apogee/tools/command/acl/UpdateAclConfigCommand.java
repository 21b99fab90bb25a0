package io.apogee.tools.command.acl;

import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin updateAclConfig}: Update acl config yaml file in broker. */
public class UpdateAclConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Update acl config yaml file in broker";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "accessKey", true, true, "set accessKey in acl config file");
        Opts.add(options, "g", "groupPerms", true, false, "set groupPerms list,eg: groupD=DENY,groupD=SUB");
        Opts.add(options, "i", "defaultTopicPerm", true, false, "set default topicPerm in acl config file");
        Opts.add(options, "m", "admin", true, false, "set admin flag in acl config file");
        Opts.add(options, "s", "secretKey", true, true, "set secretKey in acl config file");
        Opts.add(options, "t", "topicPerms", true, false, "set topicPerms list,eg: topicA=DENY,topicD=SUB");
        Opts.add(options, "u", "defaultGroupPerm", true, false, "set default GroupPerm in acl config file");
        Opts.add(options, "w", "whiteRemoteAddress", true, false, "set white ip Address for account in acl config file");
        Opts.group(options, true,
            Opts.opt("b", "brokerAddr", true, "update acl config file to which broker"),
            Opts.opt("c", "clusterName", true, "update acl config file to which cluster"));
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("accessKey", Opts.str(cl, 'a'));
            f.put("secretKey", Opts.str(cl, 's'));
            f.put("whiteRemoteAddress", Opts.str(cl, 'w'));
            f.put("admin", String.valueOf(Opts.bool(cl, 'm', false)));
            f.put("defaultTopicPerm", Opts.str(cl, 'i'));
            f.put("defaultGroupPerm", Opts.str(cl, 'u'));
            f.put("topicPerms", Opts.str(cl, 't'));
            f.put("groupPerms", Opts.str(cl, 'g'));
            List<String> addrs = CommandUtil.targetBrokers(cl, admin, 'b', 'c');
            for (String addr : addrs) {
                admin.createAndUpdatePlainAccessConfig(addr, f);
                System.out.printf("create or update plain access config to %s success.%n", addr);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
