package io.apogee.broker;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.apogee.broker.config.BrokerConfigFile;
import io.apogee.common.BrokerConfig;
import io.apogee.common.MixAll;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.config.BrokerRole;
import io.apogee.store.config.MessageStoreConfig;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqbroker}: parses {@code -c/-n/-p/-m/-h}, binds broker.conf onto the typed configs (reporting unknown
 * keys with the closest known one), starts a {@link BrokerController} and prints RocketMQ's boot line.
 */
public final class BrokerStartup {
    /** Old spellings still found in tutorials, mapped to the current key names. */
    static final Map<String, String> ALIASES = Map.of(
        "mapedFileSizeCommitLog", "mappedFileSizeCommitLog",
        "mapedFileSizeConsumeQueue", "mappedFileSizeConsumeQueue",
        "mapedFileSizeConsumeQueueExt", "mappedFileSizeConsumeQueueExt");

    static final Set<String> IMPORTANT = Set.of("brokerClusterName", "brokerName", "brokerId", "brokerIP1", "brokerIP2",
        "namesrvAddr", "listenPort", "autoCreateTopicEnable", "autoCreateSubscriptionGroup", "defaultTopicQueueNums",
        "brokerRole", "flushDiskType", "storePathRootDir", "storePathCommitLog", "rocketmqHome", "haListenPort",
        "mappedFileSizeCommitLog", "maxMessageSize", "deleteWhen", "fileReservedTime", "brokerPermission");

    private BrokerStartup() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Returns a process exit code; 0 means the broker is running (or only printed its config). */
    static int run(String[] args) {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true, "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        options.addOption(new Option("c", "configFile", true, "Broker config properties file"));
        options.addOption(new Option("p", "printConfigItem", false, "Print all config item"));
        options.addOption(new Option("m", "printImportantConfig", false, "Print important config item"));
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.println(e.getMessage());
            new HelpFormatter().printHelp("mqbroker", options, true);
            return 1;
        }
        if (cmd.hasOption('h')) {
            new HelpFormatter().printHelp("mqbroker", options, true);
            return 0;
        }

        BrokerConfig brokerConfig = new BrokerConfig();
        NettyServerConfig nettyServerConfig = new NettyServerConfig();
        NettyClientConfig nettyClientConfig = new NettyClientConfig();
        MessageStoreConfig messageStoreConfig = new MessageStoreConfig();
        nettyServerConfig.setListenPort(10911);

        String configPath = cmd.getOptionValue('c');
        if (configPath == null) {
            String home = brokerConfig.getRocketmqHome();
            if (home != null && new File(home, "conf/broker.conf").isFile()) {
                configPath = new File(home, "conf/broker.conf").getPath();
            }
        }
        Properties props = new Properties();
        if (configPath != null) {
            try (InputStream in = new FileInputStream(configPath)) {
                props.load(in);
            } catch (Exception e) {
                System.err.println("cannot read config file " + configPath + ": " + e.getMessage());
                return 1;
            }
            List<PropertiesBinder.UnknownKey> unknown;
            try {
                normaliseEnums(props);
                unknown = PropertiesBinder.bind(props, ALIASES, brokerConfig, nettyServerConfig, nettyClientConfig, messageStoreConfig);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            for (PropertiesBinder.UnknownKey k : unknown) {
                System.out.println("WARN: " + k + " in " + configPath);
            }
            System.setProperty("apogee.broker.unknownKeys", unknown.toString());
            System.out.println("load config properties file OK, " + configPath);
        }
        if (cmd.hasOption('n')) {
            brokerConfig.setNamesrvAddr(cmd.getOptionValue('n'));
        }
        if (brokerConfig.getNamesrvAddr() != null) {
            for (String addr : brokerConfig.getNamesrvAddr().split(";")) {
                if (!addr.isBlank() && !addr.trim().matches("[^:\\s]+:\\d+")) {
                    System.out.printf("The Name Server Address[%s] illegal, please set it as follows, \"127.0.0.1:9876;192.168.0.1:9876\"%n",
                        brokerConfig.getNamesrvAddr());
                    return -3;
                }
            }
        }
        switch (messageStoreConfig.getBrokerRole()) {
            case ASYNC_MASTER:
            case SYNC_MASTER:
                brokerConfig.setBrokerId(0L);
                break;
            case SLAVE:
                if (brokerConfig.getBrokerId() <= 0) {
                    System.out.println("Slave's brokerId must be > 0");
                    return -3;
                }
                break;
            default:
                break;
        }
        messageStoreConfig.setHaListenPort(nettyServerConfig.getListenPort() + 1);
        messageStoreConfig.setStorePathRootDir(MixAll.expandHome(messageStoreConfig.getStorePathRootDir()));

        if (cmd.hasOption('p') || cmd.hasOption('m')) {
            boolean onlyImportant = !cmd.hasOption('p');
            for (Object cfg : new Object[] {brokerConfig, nettyServerConfig, nettyClientConfig, messageStoreConfig}) {
                for (Map.Entry<String, String> e : new TreeMap<>(PropertiesBinder.toMap(cfg)).entrySet()) {
                    if (!onlyImportant || IMPORTANT.contains(e.getKey())) {
                        System.out.println(e.getKey() + "=" + e.getValue());
                    }
                }
            }
            return 0;
        }

        configureLogging(brokerConfig.getRocketmqHome());
        Logger log = LoggerFactory.getLogger("RocketmqBroker");
        String unknownKeys = System.getProperty("apogee.broker.unknownKeys");
        if (unknownKeys != null && !"[]".equals(unknownKeys)) {
            log.warn("config file {} has {}", configPath, unknownKeys);
        }
        for (Object cfg : new Object[] {brokerConfig, nettyServerConfig, nettyClientConfig, messageStoreConfig}) {
            log.info("{}: {}", cfg.getClass().getSimpleName(), PropertiesBinder.toMap(cfg));
        }

        BrokerController controller = new BrokerController(brokerConfig, nettyServerConfig, nettyClientConfig,
            messageStoreConfig, new BrokerConfigFile(configPath));
        try {
            if (!controller.initialize()) {
                controller.shutdown();
                System.out.println("The broker failed to initialize, see ~/logs/rocketmqlogs/broker.log");
                return -3;
            }
        } catch (Throwable e) {
            log.error("broker initialize failed", e);
            e.printStackTrace();
            return -1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long begin = System.currentTimeMillis();
            controller.shutdown();
            log.info("Shutdown hook over, consuming total time(ms): {}", System.currentTimeMillis() - begin);
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
                ctx.stop();
            }
        }, "ShutdownHook"));
        try {
            controller.start();
        } catch (Throwable e) {
            log.error("broker start failed", e);
            e.printStackTrace();
            controller.shutdown();
            return -1;
        }
        String tip = String.format("The broker[%s, %s] boot success. serializeType=%s", brokerConfig.getBrokerName(),
            controller.getBrokerAddr(), RemotingCommand.getDefaultSerializeType());
        if (brokerConfig.getNamesrvAddr() != null) {
            tip += " and name server is " + brokerConfig.getNamesrvAddr();
        }
        log.info(tip);
        System.out.println(tip);
        return 0;
    }

    /** Accepts {@code ASYNC MASTER} / {@code async_flush} spellings seen in tutorials for the enum keys. */
    static void normaliseEnums(Properties props) {
        for (String key : new String[] {"brokerRole", "flushDiskType"}) {
            String v = props.getProperty(key);
            if (v != null) {
                props.setProperty(key, v.trim().replace(' ', '_').toUpperCase());
            }
        }
        String role = props.getProperty("brokerRole");
        if (role != null) {
            try {
                BrokerRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid brokerRole '" + role + "', expected one of ASYNC_MASTER, SYNC_MASTER, SLAVE");
            }
        }
    }

    /** $ROCKETMQ_HOME/conf/logback_broker.xml when present (an explicit -Dlogback.configurationFile wins). */
    private static void configureLogging(String rocketmqHome) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        URL config = null;
        try {
            if (rocketmqHome != null) {
                File f = new File(rocketmqHome, "conf/logback_broker.xml");
                if (f.isFile()) {
                    config = f.toURI().toURL();
                }
            }
            if (config == null) {
                config = BrokerStartup.class.getResource("/logback_broker.xml");
            }
            if (config != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
                JoranConfigurator configurator = new JoranConfigurator();
                configurator.setContext(ctx);
                ctx.reset();
                configurator.doConfigure(config);
            }
        } catch (Exception e) {
            System.err.println("logback configuration failed: " + e);
        }
    }

}
