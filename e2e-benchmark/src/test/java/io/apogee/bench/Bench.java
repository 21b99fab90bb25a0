package io.apogee.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What every benchmark driver shares: the options, one {@link Cluster} per implementation (Apache 4.9.7 first, so
 * ratios read Apogee/Apache), one {@link Load} per cluster, alternating rounds, and the report files. A driver
 * ({@link E2eBenchmark}, {@link HaBenchmark}) only says what to start and what to measure.
 */
final class Bench implements AutoCloseable {
    /** One benchmark: what it measures and how its report is titled and named. */
    interface Driver {
        void measure(Bench b) throws Exception;

        /** The first words of the report header, e.g. "End-to-end benchmark". */
        String title();

        /** Extra header text after the common part (settings specific to this driver), or "". */
        default String settings(Bench b) {
            return "";
        }

        /** Report file names: PREFIX + "latest.md" and PREFIX + "result-DATE.md". */
        String filePrefix();

        /** Markdown after the main table, or "". */
        default String appendix(Bench b) {
            return "";
        }
    }

    interface Workload {
        Load.Result run(Cluster c, Load l) throws Exception;
    }

    final Map<String, String> opts;
    final Report report = new Report();
    final List<Cluster> clusters = new ArrayList<>();
    final Map<Cluster, Load> loads = new LinkedHashMap<>();
    final String heap;
    final long millis;
    final int rounds;

    private Bench(Map<String, String> opts) {
        this.opts = opts;
        this.heap = opts.get("heap");
        this.millis = Long.parseLong(opts.get("seconds")) * 1000;
        this.rounds = Integer.parseInt(opts.get("rounds"));
    }

    /** Parses {@code --key value} pairs over the driver's defaults, runs the driver, writes the report, exits. */
    static void main(String[] args, Map<String, String> defaults, Driver driver) {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("heap", "1g"));
        opts.putAll(defaults);
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int code = 0;
        Bench b = new Bench(opts);
        try {
            b.startClusters();
            try {
                driver.measure(b);
            } finally {
                b.writeReport(driver);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        } finally {
            b.close();
        }
        System.exit(code);
    }

    private void startClusters() throws IOException {
        Path work = Paths.get(opts.getOrDefault("work", "target/benchmark/work")).toAbsolutePath();
        String only = opts.getOrDefault("only", "");
        if (!"apogee".equals(only)) {
            Path officialHome = officialHome(work.resolve("apache-home"));
            String cp = Paths.get(opts.getOrDefault("official-lib", "e2e-benchmark/target/lib")).toAbsolutePath() + "/*";
            clusters.add(new Cluster(new Cluster.Impl("Apache 4.9.7", "org.apache.rocketmq.namesrv.NamesrvStartup",
                "org.apache.rocketmq.broker.BrokerStartup", cp, officialHome), work.resolve("apache"), heap));
        }
        if (!"apache".equals(only)) {
            String apogeeHome = opts.get("apogee-home");
            if (apogeeHome == null) {
                throw new IllegalArgumentException("--apogee-home is required");
            }
            Path home = Paths.get(apogeeHome).toAbsolutePath();
            clusters.add(new Cluster(new Cluster.Impl("Apogee", "io.apogee.namesrv.NamesrvStartup",
                "io.apogee.broker.BrokerStartup", home.resolve("lib") + "/*", home), work.resolve("apogee"), heap));
        }
    }

    /** Runs the workload {@code rounds} times on every cluster, reversing the order each round. */
    Map<Cluster, List<Load.Result>> rounds(String name, Workload w) throws Exception {
        Map<Cluster, List<Load.Result>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<Cluster> order = new ArrayList<>(clusters);
            if (r % 2 == 1) {
                Collections.reverse(order);
            }
            for (Cluster c : order) {
                Load.Result res;
                try {
                    res = w.run(c, loads.get(c));
                } catch (Exception e) {
                    System.out.printf("  %-24s %-13s round %d FAILED: %s%n", name, c.label(), r + 1, e);
                    res = new Load.Result(Double.NaN, Load.histogram(), -1);
                }
                Histogram h = res.latencyMicros();
                System.out.printf("  %-24s %-13s round %d: %,10.0f msg/s  p99 %,8d us  errors %d%s%n", name, c.label(),
                    r + 1, res.tps(), h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99), res.errors(),
                    res.errors() > 0 ? " " + res.outcomes() : "");
                results.computeIfAbsent(c, k -> new ArrayList<>()).add(res);
            }
        }
        return results;
    }

    /** Closes the cluster's load (if any) and opens a new one, e.g. after its brokers were restarted. */
    Load newLoad(Cluster c) throws Exception {
        Load old = loads.remove(c);
        if (old != null) {
            old.close();
        }
        Load load = new Load(c.namesrvAddr());
        loads.put(c, load);
        return load;
    }

    private void writeReport(Driver driver) throws IOException {
        Path out = Paths.get(opts.getOrDefault("out", "target/benchmark")).toAbsolutePath();
        String header = String.format("%s, %s, host %s, %d CPUs, %s, Java %s; Apogee at %s; %d rounds x %d s"
                + " per workload, alternating; broker heap %s, namesrv heap 256m; official 4.9.7 client for both.%s",
            driver.title(), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
            InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
            opts.getOrDefault("apogee-rev", "?"), rounds, millis / 1000, heap, driver.settings(this));
        String doc = header + "\n\n" + report.markdown(clusters) + driver.appendix(this);
        System.out.println();
        System.out.println(doc);
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = out.resolve(driver.filePrefix() + "result-" + stamp + ".md");
        Files.writeString(file, doc, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(driver.filePrefix() + "latest.md"), doc, StandardCharsets.UTF_8);
        System.out.println("written to " + file);
    }

    /** rocketmq.home.dir for the official daemons: only conf/logback_*.xml, files under user.home/logs/rocketmqlogs. */
    private static Path officialHome(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String name : List.of("namesrv", "broker")) {
            Files.writeString(conf.resolve("logback_" + name + ".xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>${user.home}/logs/rocketmqlogs/%s.log</file>
                    <encoder><pattern>%%d{yyyy-MM-dd HH:mm:ss.SSS} %%p %%t - %%m%%n</pattern></encoder>
                  </appender>
                  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
                    <appender-ref ref="FILE"/>
                    <discardingThreshold>0</discardingThreshold>
                  </appender>
                  <root level="INFO"><appender-ref ref="ASYNC"/></root>
                </configuration>
                """.formatted(name));
        }
        return dir;
    }

    @Override
    public void close() {
        loads.values().forEach(l -> {
            try {
                l.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        });
        for (Cluster c : clusters) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
