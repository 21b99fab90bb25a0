package io.apogee.namesrv;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.apogee.common.MQVersion;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.namesrv.NamesrvConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;

/**
 * {@code mqnamesrv}: parses the command line ({@code -c file}, {@code -p}, {@code -h}, {@code -n}), binds the
 * properties file onto the typed configs, configures logging ({@code ~/logs/rocketmqlogs/namesrv.log}) and
 * starts the name server. Exit codes: 0 after {@code -h}/{@code -p}, 1 for a bad command line or config file,
 * 2 when the port cannot be bound, 3 when persisted state cannot be loaded.
 */
public final class NamesrvStartup {
    public static final int DEFAULT_LISTEN_PORT = 9876;

    private NamesrvStartup() {
    }

    public static void main(String[] args) {
        int code = main0(args);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Returns an exit code, or -1 when the name server is running. */
    static int main0(String[] args) {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        Options options = buildOptions();
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.printf("%s%n", e.getMessage());
            printHelp(options);
            return 1;
        }
        if (cmd.hasOption('h')) {
            printHelp(options);
            return 0;
        }

        NamesrvConfig namesrvConfig = new NamesrvConfig();
        NettyServerConfig nettyServerConfig = new NettyServerConfig();
        nettyServerConfig.setListenPort(DEFAULT_LISTEN_PORT);
        List<PropertiesBinder.UnknownKey> unknownKeys = List.of();
        if (cmd.hasOption('c')) {
            String file = cmd.getOptionValue('c');
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(new File(file).toPath())) {
                props.load(in);
            } catch (IOException e) {
                System.err.printf("Cannot read config file %s: %s%n", file, e);
                return 1;
            }
            try {
                unknownKeys = PropertiesBinder.bind(props, namesrvConfig, nettyServerConfig);
            } catch (IllegalArgumentException e) {
                System.err.printf("Bad config file %s: %s%n", file, e.getMessage());
                return 1;
            }
            namesrvConfig.setConfigStorePath(file);
            System.out.printf("load config properties file OK, %s%n", file);
            unknownKeys.forEach(k -> System.out.printf("WARN: %s (in %s), ignored%n", k, file));
        }

        if (cmd.hasOption('p')) {
            NamesrvConfiguration all = new NamesrvConfiguration(namesrvConfig, nettyServerConfig);
            for (Map.Entry<String, String> e : all.getAllConfigs().entrySet()) {
                System.out.printf("%s=%s%n", e.getKey(), e.getValue());
            }
            return 0;
        }

        configureLogging(namesrvConfig.getRocketmqHome());
        Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);
        unknownKeys.forEach(k -> log.warn("{}, ignored", k));
        new NamesrvConfiguration(namesrvConfig, nettyServerConfig).getAllConfigs()
            .forEach((k, v) -> log.info("{}={}", k, v));

        NamesrvController controller = new NamesrvController(namesrvConfig, nettyServerConfig);
        try {
            controller.initialize();
        } catch (Exception e) {
            log.error("name server initialization failed", e);
            System.err.printf("The Name Server boot failed: %s%n", e.getMessage());
            controller.shutdown();
            return 3;
        }
        try {
            controller.start();
        } catch (RuntimeException e) {
            log.error("name server start failed", e);
            System.err.printf("The Name Server boot failed: %s%n", e.getMessage());
            controller.shutdown();
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutdown hook was invoked");
            controller.shutdown();
        }, "ShutdownHook"));

        String tip = "The Name Server boot success. serializeType=" + RemotingCommand.getDefaultSerializeType();
        log.info(tip);
        System.out.printf("%s%n", tip);
        return -1;
    }

    static Options buildOptions() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        options.addOption(new Option("c", "configFile", true, "Name server config properties file"));
        options.addOption(new Option("p", "printConfigItem", false, "Print all config items"));
        return options;
    }

    private static void printHelp(Options options) {
        HelpFormatter hf = new HelpFormatter();
        hf.setWidth(110);
        PrintWriter pw = new PrintWriter(System.out);
        hf.printHelp(pw, 110, "mqnamesrv", null, options, 1, 3, null, true);
        pw.flush();
    }

    /**
     * Uses {@code $ROCKETMQ_HOME/conf/logback_namesrv.xml} when present, else the copy inside the jar. An explicit
     * {@code -Dlogback.configurationFile} wins over both.
     */
    static void configureLogging(String rocketmqHome) {
        if (System.getProperty("logback.configurationFile") != null
            || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        URL config = null;
        if (rocketmqHome != null) {
            File f = new File(rocketmqHome, "conf/logback_namesrv.xml");
            if (f.isFile()) {
                try {
                    config = f.toURI().toURL();
                } catch (IOException e) {
                    config = null;
                }
            }
        }
        if (config == null) {
            config = NamesrvStartup.class.getResource("/logback_namesrv.xml");
        }
        if (config == null) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.printf("logging config %s is invalid: %s%n", config, e.getMessage());
        }
    }
}
