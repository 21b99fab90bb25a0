package io.apogee.tools.command.consumer;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.common.protocol.route.BrokerData;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin getConsumerConfig}: Get consumer config by subscription group name!. */
public class GetConsumerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getConsumerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get consumer config by subscription group name!";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "g", "groupName", true, true, "subscription group name");
        Opts.addJsonOutput(options);
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            String group = Opts.str(cl, 'g');
            ClusterInfo ci = admin.examineBrokerClusterInfo();
            Map<String, Object> json = new LinkedHashMap<>();
            boolean found = false;
            for (String cluster : new TreeSet<>(ci.getClusterAddrTable().keySet())) {
                for (String name : new TreeSet<>(ci.getClusterAddrTable().get(cluster))) {
                    BrokerData bd = ci.getBrokerAddrTable().get(name);
                    String addr = bd == null || bd.getBrokerAddrs() == null ? null : bd.getBrokerAddrs().get(MixAll.MASTER_ID);
                    if (addr == null) {
                        continue;
                    }
                    SubscriptionGroupConfig cfg = admin.examineSubscriptionGroupConfig(addr, group);
                    if (cfg == null) {
                        continue;
                    }
                    found = true;
                    JSONObject fields = (JSONObject) JSON.toJSON(cfg);
                    if (Opts.json(cl)) {
                        json.put(cluster + ":" + name, fields);
                        continue;
                    }
                    System.out.printf("=============================%s:%s=============================\n", cluster, name);
                    for (Map.Entry<String, Object> f : new TreeMap<>(fields).entrySet()) {
                        System.out.printf("%s%-40s=  %s\n", "", f.getKey(), f.getValue());
                    }
                }
            }
            if (!found) {
                throw new SubCommandException("subscription group [" + group + "] not found on any master broker");
            }
            if (Opts.json(cl)) {
                CommandUtil.printJson(json);
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
