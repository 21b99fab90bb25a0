package io.apogee.tools.command.broker;

import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.tools.admin.DefaultMQAdminExt;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** Targets of the maintenance commands: {@code -b addr}, else the masters of {@code -c cluster}, else every master. */
final class BrokerMaintenance {
    private BrokerMaintenance() {
    }

    static List<String> targets(CommandLine cl, DefaultMQAdminExt admin) throws Exception {
        if (cl.hasOption('b')) {
            return List.of(cl.getOptionValue('b').trim());
        }
        if (cl.hasOption('c')) {
            return admin.masterAddrsOfCluster(cl.getOptionValue('c').trim());
        }
        ClusterInfo ci = admin.examineBrokerClusterInfo();
        List<String> all = new ArrayList<>();
        for (String cluster : ci.getClusterAddrTable().keySet()) {
            all.addAll(admin.masterAddrsOfCluster(cluster));
        }
        return all;
    }
}
