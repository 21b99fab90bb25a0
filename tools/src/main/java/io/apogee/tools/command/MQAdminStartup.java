package io.apogee.tools.command;

import io.apogee.common.MixAll;
import io.apogee.tools.admin.DefaultMQAdminExt;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Entry point of {@code bin/mqadmin}: {@code mqadmin} lists the sub-commands, {@code mqadmin help CMD}
 * prints one command's usage, {@code mqadmin CMD [options]} runs it. Exit status 0 on success, 1 on
 * an unknown command, a bad option or a failed command.
 */
public final class MQAdminStartup {
    @SuppressWarnings("unchecked")
    private static final Supplier<SubCommand>[] FACTORIES = new Supplier[] {
        io.apogee.tools.command.topic.UpdateTopicCommand::new,
        io.apogee.tools.command.topic.DeleteTopicCommand::new,
        io.apogee.tools.command.consumer.UpdateSubGroupCommand::new,
        io.apogee.tools.command.consumer.DeleteSubGroupCommand::new,
        io.apogee.tools.command.broker.UpdateBrokerConfigCommand::new,
        io.apogee.tools.command.topic.UpdateTopicPermCommand::new,
        io.apogee.tools.command.topic.TopicRouteCommand::new,
        io.apogee.tools.command.topic.TopicStatusCommand::new,
        io.apogee.tools.command.topic.TopicClusterListCommand::new,
        io.apogee.tools.command.broker.BrokerStatusCommand::new,
        io.apogee.tools.command.message.QueryMsgByIdCommand::new,
        io.apogee.tools.command.message.QueryMsgByKeyCommand::new,
        io.apogee.tools.command.message.QueryMsgByUniqueKeyCommand::new,
        io.apogee.tools.command.message.QueryMsgByOffsetCommand::new,
        io.apogee.tools.command.message.QueryMsgTraceByIdCommand::new,
        io.apogee.tools.command.message.PrintMsgCommand::new,
        io.apogee.tools.command.message.PrintMsgByQueueCommand::new,
        io.apogee.tools.command.broker.SendMsgStatusCommand::new,
        io.apogee.tools.command.broker.BrokerConsumeStatsCommand::new,
        io.apogee.tools.command.connection.ProducerConnectionCommand::new,
        io.apogee.tools.command.connection.ConsumerConnectionCommand::new,
        io.apogee.tools.command.consumer.ConsumerProgressCommand::new,
        io.apogee.tools.command.consumer.ConsumerStatusCommand::new,
        io.apogee.tools.command.offset.CloneGroupOffsetCommand::new,
        io.apogee.tools.command.producer.ProducerCommand::new,
        io.apogee.tools.command.cluster.ClusterListCommand::new,
        io.apogee.tools.command.topic.TopicListCommand::new,
        io.apogee.tools.command.namesrv.UpdateKvConfigCommand::new,
        io.apogee.tools.command.namesrv.DeleteKvConfigCommand::new,
        io.apogee.tools.command.namesrv.WipeWritePermCommand::new,
        io.apogee.tools.command.namesrv.AddWritePermCommand::new,
        io.apogee.tools.command.offset.ResetOffsetByTimeCommand::new,
        io.apogee.tools.command.offset.SkipAccumulatedMessageCommand::new,
        io.apogee.tools.command.topic.UpdateOrderConfCommand::new,
        io.apogee.tools.command.broker.CleanExpiredCQCommand::new,
        io.apogee.tools.command.broker.DeleteExpiredCommitLogCommand::new,
        io.apogee.tools.command.broker.CleanUnusedTopicCommand::new,
        io.apogee.tools.command.consumer.StartMonitoringCommand::new,
        io.apogee.tools.command.stats.StatsAllCommand::new,
        io.apogee.tools.command.topic.AllocateMQCommand::new,
        io.apogee.tools.command.message.CheckMsgSendRTCommand::new,
        io.apogee.tools.command.cluster.ClusterRTCommand::new,
        io.apogee.tools.command.namesrv.GetNamesrvConfigCommand::new,
        io.apogee.tools.command.namesrv.UpdateNamesrvConfigCommand::new,
        io.apogee.tools.command.broker.GetBrokerConfigCommand::new,
        io.apogee.tools.command.consumer.GetConsumerConfigCommand::new,
        io.apogee.tools.command.queue.QueryCqCommand::new,
        io.apogee.tools.command.message.SendMessageCommand::new,
        io.apogee.tools.command.message.ConsumeMessageCommand::new,
        io.apogee.tools.command.acl.UpdateAclConfigCommand::new,
        io.apogee.tools.command.acl.DeleteAclConfigCommand::new,
        io.apogee.tools.command.acl.ClusterAclConfigVersionCommand::new,
        io.apogee.tools.command.acl.UpdateGlobalWhiteAddrCommand::new,
        io.apogee.tools.command.acl.GetAclConfigCommand::new,
        io.apogee.tools.command.export.ExportMetadataCommand::new,
        io.apogee.tools.command.export.ExportConfigsCommand::new,
        io.apogee.tools.command.export.ExportMetricsCommand::new,
    };

    private MQAdminStartup() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Every registered sub-command, in listing order. */
    public static List<SubCommand> commands() {
        List<SubCommand> list = new ArrayList<>();
        for (Supplier<SubCommand> f : FACTORIES) {
            list.add(f.get());
        }
        return Collections.unmodifiableList(list);
    }

    public static SubCommand find(String name) {
        for (SubCommand c : commands()) {
            if (c.commandName().equals(name)) {
                return c;
            }
            for (String alias : c.commandAliases()) {
                if (alias.equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Runs mqadmin with {@code args} against System.out/System.err and returns the exit status. */
    public static int run(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (args.length == 0) {
            printCommands(out);
            return 0;
        }
        if ("help".equals(args[0]) || "-h".equals(args[0]) || "--help".equals(args[0])) {
            if (args.length == 1) {
                printCommands(out);
                return 0;
            }
            SubCommand cmd = find(args[1]);
            if (cmd == null) {
                err.printf("The sub command %s not exist.%n", args[1]);
                printCommands(err);
                return 1;
            }
            printUsage(cmd, out);
            return 0;
        }
        SubCommand cmd = find(args[0]);
        if (cmd == null) {
            err.printf("The sub command %s not exist.%n", args[0]);
            printCommands(err);
            return 1;
        }
        Options options = cmd.buildCommandlineOptions(baseOptions());
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        for (String a : rest) {
            if ("-h".equals(a) || "--help".equals(a)) {
                printUsage(cmd, out);
                return 0;
            }
        }
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, rest);
        } catch (ParseException e) {
            err.println(e.getMessage());
            printUsage(cmd, err);
            return 1;
        }
        if (!cl.getArgList().isEmpty()) {
            err.println("Unexpected argument(s): " + String.join(" ", cl.getArgList()));
            printUsage(cmd, err);
            return 1;
        }
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr(cl));
        admin.setCommandName(cmd.commandName());
        try {
            cmd.execute(cl, options, admin);
            return 0;
        } catch (SubCommandException e) {
            err.println(cmd.commandName() + " command failed: " + describe(e));
            if (Boolean.getBoolean("apogee.tools.debug")) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (RuntimeException e) {
            err.println(cmd.commandName() + " command failed: " + describe(e));
            e.printStackTrace(err);
            return 1;
        } finally {
            admin.shutdown();
            out.flush();
        }
    }

    /** -n, then NAMESRV_ADDR, then -Drocketmq.namesrv.addr; null when none is set. */
    static String namesrvAddr(CommandLine cl) {
        String addr = cl.hasOption('n') ? cl.getOptionValue('n') : null;
        if (addr == null || addr.isBlank()) {
            addr = System.getenv(MixAll.NAMESRV_ADDR_ENV);
        }
        if (addr == null || addr.isBlank()) {
            addr = System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY);
        }
        return addr == null || addr.isBlank() ? null : addr.trim();
    }

    /** The message of an exception and of its causes, without repeating identical texts. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m == null || m.isBlank()) {
                m = c.getClass().getSimpleName();
            }
            if (last == null || !last.contains(m)) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
                last = m;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }

    static Options baseOptions() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        return options;
    }

    public static void printCommands(PrintStream out) {
        out.printf("The most commonly used mqadmin commands are:%n");
        for (SubCommand c : commands()) {
            out.printf("   %-20s %s%n", c.commandName(), c.commandDesc());
        }
        out.printf("%nSee 'mqadmin help <command>' for more information on a specific command.%n");
    }

    public static void printUsage(SubCommand cmd, PrintStream out) {
        Options options = cmd.buildCommandlineOptions(baseOptions());
        HelpFormatter hf = new HelpFormatter();
        hf.setWidth(110);
        PrintWriter pw = new PrintWriter(out);
        hf.printHelp(pw, 110, "mqadmin " + cmd.commandName(), null, options, hf.getLeftPadding(), hf.getDescPadding(), null, true);
        pw.flush();
    }
}
