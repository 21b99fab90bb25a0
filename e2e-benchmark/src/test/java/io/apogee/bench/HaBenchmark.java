package io.apogee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HA benchmark: per implementation a name server, a master and its slave replicating over haListenPort on loopback,
 * and 16 threads of the official producer sync-sending fixed-size messages to the master. The brokers run once as
 * ASYNC_MASTER and once as SYNC_MASTER (fresh stores each time; the slave and the flushDiskType stay the same),
 * with the implementations alternating in rounds. The SYNC_MASTER figures include waiting for the slave's ack, so
 * their ratio to the ASYNC_MASTER ones is the price of replication per implementation.
 *
 * <pre>
 * java -cp e2e-benchmark/target/test-classes:e2e-benchmark/target/lib/* io.apogee.bench.HaBenchmark \
 *   --apogee-home target/benchmark/apogee-VERSION --official-lib e2e-benchmark/target/lib --out target/benchmark
 * </pre>
 * Options: {@code --seconds N} per round (20), {@code --rounds N} per role (2), {@code --size BYTES} (1024),
 * {@code --flush ASYNC_FLUSH|SYNC_FLUSH} (ASYNC_FLUSH), {@code --heap 1g}, {@code --only apache|apogee}.
 * {@code bin/benchmark/compare.sh --ha} builds everything and passes these.
 */
public final class HaBenchmark implements Bench.Driver {
    private static final List<String> ROLES = List.of("ASYNC_MASTER", "SYNC_MASTER");
    private static final String TOPIC = "BenchHa";
    private static final int THREADS = 16;

    public static void main(String[] args) {
        Bench.main(args, Map.of("seconds", "20", "rounds", "2", "size", "1024", "flush", "ASYNC_FLUSH"), new HaBenchmark());
    }

    @Override
    public String title() {
        return "HA benchmark";
    }

    @Override
    public String filePrefix() {
        return "ha-";
    }

    @Override
    public String settings(Bench b) {
        return String.format(" Per implementation one master + one slave (brokerId 1, replicating over haListenPort, "
                + "brokerIP2=127.0.0.1), each broker with the same heap; flushDiskType=%s on master and slave; %d threads "
                + "sync-sending %d B bodies; other broker keys at their defaults (syncFlushTimeout 5000 ms). "
                + "Ratio = Apogee/Apache: for msg/s above 1 is better, for latency below 1 is better (see 'better'). "
                + "Latency counts every answered send, whatever its status; the (sends) rows count how sends ended.",
            b.opts.get("flush"), THREADS, size(b));
    }

    private static int size(Bench b) {
        return Integer.parseInt(b.opts.get("size"));
    }

    private static String name(String role, Bench b) {
        int size = size(b);
        return role + " sync send " + (size % 1024 == 0 ? (size / 1024) + " KiB" : size + " B");
    }

    @Override
    public void measure(Bench b) throws Exception {
        String flush = b.opts.get("flush");
        int size = size(b);
        for (Cluster c : b.clusters) {
            c.startNamesrv();
        }
        for (String role : ROLES) {
            for (Cluster c : b.clusters) {
                try {
                    startPair(b, c, role, flush, size);
                } catch (Exception e) {
                    // This side's rounds of this role then fail and show as "failed rounds"; the other side goes on.
                    System.out.printf("  %s %s: start FAILED: %s%n", c.label(), role, e);
                    Load l = b.loads.remove(c);
                    if (l != null) {
                        l.close();
                    }
                }
            }
            String name = name(role, b);
            Map<Cluster, List<Load.Result>> results = b.rounds(name, (c, l) -> {
                if (l == null) {
                    throw new IllegalStateException("master and slave did not start");
                }
                return l.syncSend(TOPIC, size, THREADS, b.millis);
            });
            b.report.putThroughput(name + ", " + THREADS + " threads (msg/s)", results);
            b.report.putLatency(name, results);
            b.report.putOutcomes(name, results);
            for (Cluster c : b.clusters) {
                try {
                    checkReplicated(b, c, name);
                } finally {
                    c.stopBroker();
                }
            }
        }
    }

    /** After the load the slave must have everything the master has: proves no round ran without a slave. */
    private static void checkReplicated(Bench b, Cluster c, String name) {
        Load load = b.loads.remove(c);
        if (load == null) {
            return;
        }
        try {
            System.out.printf("  %-24s %-13s slave caught up %d ms after the last round%n", name, c.label(),
                load.awaitReplica(c.brokerAddr(), c.slaveAddr(), 60_000));
        } catch (Exception e) {
            System.out.printf("  %-24s %-13s slave check FAILED: %s%n", name, c.label(), e);
            b.report.putCount(name + " slave not caught up 60 s after the load", c, 1);
        } finally {
            load.close();
        }
    }

    private static void startPair(Bench b, Cluster c, String role, String flush, int size) throws Exception {
        long boot = c.startBroker(flush, role);
        c.startSlave(flush);
        Load load = b.newLoad(c);
        load.createTopic(TOPIC);
        // The slave has the first message only once it is connected, so the warm-up does not start without it
        // (a SYNC_MASTER answers SLAVE_NOT_AVAILABLE until then; the slave finds the master through the name server).
        String first = load.sendOne(TOPIC, size);
        long connected = load.awaitReplica(c.brokerAddr(), c.slaveAddr(), 60_000);
        Load.Result warm = load.syncSend(TOPIC, size, THREADS, 5000);   // not recorded
        long catchUp = load.awaitReplica(c.brokerAddr(), c.slaveAddr(), 60_000);
        System.out.printf("%s %s: name server %s, master %s booted in %d ms, slave %s replicating %d ms after a first "
                + "send (%s); warm-up %,.0f msg/s %s, slave caught up %d ms after it%n", c.label(), role, c.namesrvAddr(),
            c.brokerAddr(), boot, c.slaveAddr(), connected, first, warm.tps(), warm.outcomes(), catchUp);
    }

    @Override
    public String appendix(Bench b) {
        List<String[]> ratios = new ArrayList<>();
        String async = name(ROLES.get(0), b);
        String sync = name(ROLES.get(1), b);
        ratios.add(new String[] {"msg/s", sync + ", " + THREADS + " threads (msg/s)", async + ", " + THREADS + " threads (msg/s)"});
        for (String p : List.of("p50", "p99", "p999")) {
            ratios.add(new String[] {p, sync + " " + p + " (ms)", async + " " + p + " (ms)"});
        }
        return "\nCost of SYNC_MASTER within each implementation (SYNC_MASTER figure / ASYNC_MASTER figure; "
            + "msg/s below 1 and latency above 1 are the price of waiting for the slave):\n\n"
            + b.report.ratioMarkdown("SYNC / ASYNC", b.clusters, ratios);
    }
}
