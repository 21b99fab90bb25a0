package io.apogee.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end benchmark: the official Apache RocketMQ 4.9.7 name server + broker ("Apache") and Apogee's, started
 * side by side on loopback with the same broker settings and heap, both driven by the same official 4.9.7 client
 * load in alternating rounds (A B, then B A, ...), so drift on a shared machine hits both alike.
 *
 * <pre>
 * java -cp e2e-benchmark/target/test-classes:e2e-benchmark/target/lib/* io.apogee.bench.E2eBenchmark \
 *   --apogee-home target/benchmark/apogee-VERSION --official-lib e2e-benchmark/target/lib --out target/benchmark
 * </pre>
 * Options: {@code --seconds N} per round (10), {@code --rounds N} per workload (2), {@code --heap 1g},
 * {@code --e2e-rate N} messages/s (1000), {@code --drain-max N} (1000000), {@code --only apache|apogee}.
 * bin/benchmark/compare.sh builds everything and passes these.
 */
public final class E2eBenchmark implements Bench.Driver {
    private static final int[] SIZES = {128, 1024, 4096};
    private static final int THREADS = 16;

    private final Map<Cluster, Long> batched = new LinkedHashMap<>();

    public static void main(String[] args) {
        Bench.main(args, Map.of("seconds", "10", "rounds", "2"), new E2eBenchmark());
    }

    @Override
    public String title() {
        return "End-to-end benchmark";
    }

    @Override
    public String filePrefix() {
        return "";
    }

    @Override
    public void measure(Bench b) throws Exception {
        Report report = b.report;
        long millis = b.millis;
        for (Cluster c : b.clusters) {
            c.startNamesrv();
            report.put("broker boot, empty store (ms)", c, c.startBroker("ASYNC_FLUSH"), false);
            System.out.printf("%s: name server %s, broker booted in %d ms%n", c.label(), c.namesrvAddr(), c.lastBrokerBootMillis);
            Load load = b.newLoad(c);
            for (String t : List.of("BenchSync", "BenchAsync", "BenchBatch", "BenchE2E")) {
                load.createTopic(t);
            }
            load.syncSend("BenchSync", 1024, THREADS, 5000);   // warm-up, not recorded
        }

        for (int size : SIZES) {
            String name = "sync send " + label(size);
            Map<Cluster, List<Load.Result>> results = b.rounds(name, (c, l) -> l.syncSend("BenchSync", size, THREADS, millis));
            report.putThroughput(name + ", 16 threads (msg/s)", results);
            report.putLatency(name, results);
        }
        report.putThroughput("async send 1 KiB, 1024 in flight (msg/s)",
            b.rounds("async send", (c, l) -> l.asyncSend("BenchAsync", 1024, 1024, millis)));
        long drainMax = Long.parseLong(b.opts.getOrDefault("drain-max", "1000000"));
        report.putThroughput("batch send 32 x 1 KiB, 8 threads (msg/s)", b.rounds("batch send", (c, l) -> {
            Load.Result r = l.batchSend("BenchBatch", 1024, 32, 8, millis, drainMax);
            batched.merge(c, (long) (r.tps() * millis / 1000), Long::sum);
            return r;
        }));
        int[] drainRound = {0};
        report.putThroughput("consumer drain, push, from first offset (msg/s)", b.rounds("drain", (c, l) -> {
            long target = Math.min(drainMax, Math.max(1, (long) (batched.get(c) * 0.999)));
            return l.drain("BenchBatch", "bench_drain_" + (++drainRound[0]), target, 180_000);
        }));
        int rate = Integer.parseInt(b.opts.getOrDefault("e2e-rate", "1000"));
        Map<Cluster, List<Load.Result>> e2e = b.rounds("end-to-end", (c, l) -> l.endToEnd("BenchE2E", rate, millis));
        report.putLatency("end-to-end at " + rate + " msg/s", e2e);
        for (Cluster c : b.clusters) {
            report.put("broker RSS after load (MiB)", c, c.brokerRssMiB(), false);
        }

        // SYNC_FLUSH: restart each broker on a fresh store. A broker that fails here only loses its SYNC_FLUSH rows.
        for (Cluster c : b.clusters) {
            try {
                b.loads.remove(c).close();
                c.stopBroker();
                report.put("broker boot, empty store, SYNC_FLUSH (ms)", c, c.startBroker("SYNC_FLUSH"), false);
                Load load = b.newLoad(c);
                load.createTopic("BenchSyncFlush");
                load.syncSend("BenchSyncFlush", 1024, THREADS, 3000);
            } catch (Exception e) {
                System.out.printf("  %s: SYNC_FLUSH restart FAILED: %s%n", c.label(), e);
            }
        }
        Map<Cluster, List<Load.Result>> flush = b.rounds("sync send SYNC_FLUSH",
            (c, l) -> l.syncSend("BenchSyncFlush", 1024, THREADS, millis));
        report.putThroughput("SYNC_FLUSH sync send 1 KiB, 16 threads (msg/s)", flush);
        report.putLatency("SYNC_FLUSH sync send 1 KiB", flush);
    }

    private static String label(int size) {
        return size >= 1024 ? (size / 1024) + " KiB" : size + " B";
    }
}
