package io.apogee.tools.command.cluster;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.ClusterInfo;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.command.CommandUtil;
import io.apogee.tools.command.message.ToolProducers;
import io.apogee.tools.command.Opts;
import io.apogee.tools.command.SubCommand;
import io.apogee.tools.command.SubCommandException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code mqadmin clusterRT}: List All clusters Message Send RT. */
public class ClusterRTCommand implements SubCommand {
    @Override
    public String commandName() {
        return "clusterRT";
    }

    @Override
    public String commandDesc() {
        return "List All clusters Message Send RT";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Opts.add(options, "a", "amount", true, false, "message amount | default 100");
        Opts.add(options, "c", "cluster", true, false, "cluster name | default display all cluster");
        Opts.add(options, "i", "interval", true, false, "print interval | default 10 seconds");
        Opts.add(options, "m", "machine room", true, false, "machine room name | default noname");
        Opts.add(options, "p", "print log", true, false, "print as tlog | default false");
        Opts.add(options, "s", "size", true, false, "message size | default 128 Byte");
        return options;
    }

    @Override
    public void execute(CommandLine cl, Options options, DefaultMQAdminExt admin) throws SubCommandException {
        try {
            int amount = Opts.integer(cl, 'a', 100);
            int size = Opts.integer(cl, 's', 128);
            long interval = Opts.lng(cl, 'i', 0);
            boolean tlog = Opts.bool(cl, 'p', false);
            String room = Opts.str(cl, 'm', "noname");
            DefaultMQProducer producer = ToolProducers.start(admin, "PID_CRT_" + System.currentTimeMillis() % 100000);
            try {
                while (true) {
                    ClusterInfo ci = admin.examineBrokerClusterInfo();
                    Set<String> clusters = new TreeSet<>(ci.getClusterAddrTable().keySet());
                    if (cl.hasOption('c')) {
                        String c = Opts.str(cl, 'c');
                        if (!clusters.contains(c)) {
                            throw new SubCommandException(String.format("cluster [%s] not exist", c));
                        }
                        clusters = Set.of(c);
                    }
                    if (!tlog) {
                        System.out.printf("%-24s  %-24s  %-4s  %-8s  %-8s%n", "#Cluster Name", "#Broker Name", "#RT", "#successCount", "#failCount");
                    }
                    for (String cluster : clusters) {
                        for (String brokerName : new TreeSet<>(ci.getClusterAddrTable().get(cluster))) {
                            int ok = 0;
                            int fail = 0;
                            long total = 0;
                            for (int i = 0; i < amount; i++) {
                                long begin = System.currentTimeMillis();
                                try {
                                    producer.send(new Message(brokerName, new byte[size]));
                                    ok++;
                                    total += System.currentTimeMillis() - begin;
                                } catch (Exception e) {
                                    fail++;
                                }
                            }
                            double rt = ok == 0 ? 0 : (double) total / ok;
                            if (tlog) {
                                System.out.printf("%s|%s|%s|%s|%s%n", CommandUtil.formatTime(System.currentTimeMillis(), "yyyy-MM-dd HH:mm:ss"),
                                    room, cluster, brokerName, String.format("%.2f", rt));
                            } else {
                                System.out.printf("%-24s  %-24s  %-8s  %-16s  %-16s%n", cluster, brokerName, String.format("%.2f", rt), ok, fail);
                            }
                        }
                    }
                    if (interval <= 0) {
                        break;
                    }
                    Thread.sleep(interval * 1000);
                }
            } finally {
                producer.shutdown();
            }
        } catch (Exception e) {
            throw CommandUtil.failed(this, e);
        }
    }
}
