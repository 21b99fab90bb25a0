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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * End-to-end benchmark: the official Apache RocketMQ 4.9.7 name server + broker ("Apache") and Apogee's, started
 * side by side on loopback with the same broker settings and heap, both driven by the same official 4.9.7 client
 * load in alternating rounds (A B, then B A, ...), so drift on a shared machine hits both alike.
 *
 * <pre>
 * java -cp e2e-benchmark/target/classes:e2e-benchmark/target/lib/* io.apogee.bench.E2eBenchmark \
 *   --apogee-home target/benchmark/apogee-VERSION --official-lib e2e-benchmark/target/lib --out target/benchmark
 * </pre>
 * Options: {@code --seconds N} per round (10), {@code --rounds N} per workload (2), {@code --heap 1g},
 * {@code --e2e-rate N} messages/s (1000), {@code --drain-max N} (1000000), {@code --only apache|apogee}.
 * bin/benchmark/compare.sh builds everything and passes these.
 */
public final class E2eBenchmark {
    private static final int[] SIZES = {128, 1024, 4096};
    private static final int THREADS = 16;

    private final Map<String, String> opts;
    private final Report report = new Report();
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<Cluster, Load> loads = new LinkedHashMap<>();
    private final Map<Cluster, Long> batched = new LinkedHashMap<>();

    private E2eBenchmark(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int code = 0;
        E2eBenchmark b = new E2eBenchmark(opts);
        try {
            b.run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        } finally {
            b.shutdown();
        }
        System.exit(code);
    }

    private void run() throws Exception {
        Path work = Paths.get(opts.getOrDefault("work", "target/benchmark/work")).toAbsolutePath();
        Path out = Paths.get(opts.getOrDefault("out", "target/benchmark")).toAbsolutePath();
        String heap = opts.getOrDefault("heap", "1g");
        long millis = Long.parseLong(opts.getOrDefault("seconds", "10")) * 1000;
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
        String only = opts.getOrDefault("only", "");

        if (!"apogee".equals(only)) {
            Path officialHome = officialHome(work.resolve("apache-home"));
            String cp = Paths.get(opts.getOrDefault("official-lib", "e2e-benchmark/target/lib")).toAbsolutePath() + "/*";
            clusters.add(new Cluster(new Cluster.Impl("Apache 4.9.7", "org.apache.rocketmq.namesrv.NamesrvStartup",
                "org.apache.rocketmq.broker.BrokerStartup", cp, officialHome), work.resolve("apache"), heap));
        }
        if (!"apache".equals(only)) {
            Path home = Paths.get(require("apogee-home")).toAbsolutePath();
            clusters.add(new Cluster(new Cluster.Impl("Apogee", "io.apogee.namesrv.NamesrvStartup",
                "io.apogee.broker.BrokerStartup", home.resolve("lib") + "/*", home), work.resolve("apogee"), heap));
        }

        try {
            measure(millis, rounds);
        } finally {
            writeReport(out, heap, millis, rounds);
        }
    }

    private void measure(long millis, int rounds) throws Exception {
        for (Cluster c : clusters) {
            c.startNamesrv();
            report.put("broker boot, empty store (ms)", c, c.startBroker("ASYNC_FLUSH"), false);
            System.out.printf("%s: name server %s, broker booted in %d ms%n", c.label(), c.namesrvAddr(), c.lastBrokerBootMillis);
            Load load = new Load(c.namesrvAddr());
            loads.put(c, load);
            for (String t : List.of("BenchSync", "BenchAsync", "BenchBatch", "BenchE2E")) {
                load.createTopic(t);
            }
            load.syncSend("BenchSync", 1024, THREADS, 5000);   // warm-up, not recorded
        }

        for (int size : SIZES) {
            String name = "sync send " + label(size);
            Map<Cluster, List<Load.Result>> results = rounds(rounds, name, (c, l) -> l.syncSend("BenchSync", size, THREADS, millis));
            report.putThroughput(name + ", 16 threads (msg/s)", results);
            report.putLatency(name, results);
        }
        report.putThroughput("async send 1 KiB, 1024 in flight (msg/s)",
            rounds(rounds, "async send", (c, l) -> l.asyncSend("BenchAsync", 1024, 1024, millis)));
        long drainMax = Long.parseLong(opts.getOrDefault("drain-max", "1000000"));
        report.putThroughput("batch send 32 x 1 KiB, 8 threads (msg/s)", rounds(rounds, "batch send", (c, l) -> {
            Load.Result r = l.batchSend("BenchBatch", 1024, 32, 8, millis, drainMax);
            batched.merge(c, (long) (r.tps() * millis / 1000), Long::sum);
            return r;
        }));
        int[] drainRound = {0};
        report.putThroughput("consumer drain, push, from first offset (msg/s)", rounds(rounds, "drain", (c, l) -> {
            long target = Math.min(drainMax, Math.max(1, (long) (batched.get(c) * 0.999)));
            return l.drain("BenchBatch", "bench_drain_" + (++drainRound[0]), target, 180_000);
        }));
        int rate = Integer.parseInt(opts.getOrDefault("e2e-rate", "1000"));
        Map<Cluster, List<Load.Result>> e2e = rounds(rounds, "end-to-end",
            (c, l) -> l.endToEnd("BenchE2E", rate, millis));
        report.putLatency("end-to-end at " + rate + " msg/s", e2e);
        for (Cluster c : clusters) {
            report.put("broker RSS after load (MiB)", c, c.brokerRssMiB(), false);
        }

        // SYNC_FLUSH: restart each broker on a fresh store. A broker that fails here only loses its SYNC_FLUSH rows.
        for (Cluster c : clusters) {
            try {
                loads.remove(c).close();
                c.stopBroker();
                report.put("broker boot, empty store, SYNC_FLUSH (ms)", c, c.startBroker("SYNC_FLUSH"), false);
                Load load = new Load(c.namesrvAddr());
                loads.put(c, load);
                load.createTopic("BenchSyncFlush");
                load.syncSend("BenchSyncFlush", 1024, THREADS, 3000);
            } catch (Exception e) {
                System.out.printf("  %s: SYNC_FLUSH restart FAILED: %s%n", c.label(), e);
            }
        }
        Map<Cluster, List<Load.Result>> flush = rounds(rounds, "sync send SYNC_FLUSH",
            (c, l) -> l.syncSend("BenchSyncFlush", 1024, THREADS, millis));
        report.putThroughput("SYNC_FLUSH sync send 1 KiB, 16 threads (msg/s)", flush);
        report.putLatency("SYNC_FLUSH sync send 1 KiB", flush);
    }

    private void writeReport(Path out, String heap, long millis, int rounds) throws IOException {
        String header = String.format("End-to-end benchmark, %s, host %s, %d CPUs, %s, Java %s; Apogee at %s; %d rounds x %d s"
                + " per workload, alternating; broker heap %s, namesrv heap 256m; official 4.9.7 client for both.",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), InetAddress.getLocalHost().getHostName(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            System.getProperty("java.version"), opts.getOrDefault("apogee-rev", "?"), rounds, millis / 1000, heap);
        String table = report.markdown(clusters);
        System.out.println();
        System.out.println(header);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String doc = header + "\n\n" + table;
        Files.writeString(out.resolve("result-" + stamp + ".md"), doc, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("latest.md"), doc, StandardCharsets.UTF_8);
        System.out.println("written to " + out.resolve("result-" + stamp + ".md"));
    }

    interface Workload {
        Load.Result run(Cluster c, Load l) throws Exception;
    }

    /** Runs the workload {@code rounds} times on every cluster, reversing the order each round. */
    private Map<Cluster, List<Load.Result>> rounds(int rounds, String name, Workload w) throws Exception {
        Map<Cluster, List<Load.Result>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<Cluster> order = new ArrayList<>(clusters);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
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
                System.out.printf("  %-24s %-13s round %d: %,10.0f msg/s  p99 %,8d us  errors %d%n", name, c.label(), r + 1,
                    res.tps(), h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99), res.errors());
                results.computeIfAbsent(c, k -> new ArrayList<>()).add(res);
            }
        }
        return results;
    }

    private String require(String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static String label(int size) {
        return size >= 1024 ? (size / 1024) + " KiB" : size + " B";
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

    private void shutdown() {
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
