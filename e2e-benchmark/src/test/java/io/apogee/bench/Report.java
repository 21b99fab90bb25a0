package io.apogee.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Collects one figure per metric and implementation, and prints them as a Markdown table with the ratio. */
final class Report {
    /** A count (errors, failed rounds) is printed as an integer and gets no "better" verdict. */
    private record Row(Map<String, Double> values, boolean higherIsBetter, boolean count) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    void put(String metric, Cluster c, double value, boolean higherIsBetter) {
        rows.computeIfAbsent(metric, k -> new Row(new LinkedHashMap<>(), higherIsBetter, false)).values().put(c.label(), value);
    }

    void putCount(String metric, Cluster c, long value) {
        rows.computeIfAbsent(metric, k -> new Row(new LinkedHashMap<>(), false, true)).values().put(c.label(), (double) value);
    }

    double get(String metric, Cluster c) {
        Row row = rows.get(metric);
        return row == null ? Double.NaN : row.values().getOrDefault(c.label(), Double.NaN);
    }

    /**
     * Mean throughput over the rounds that completed; failed rounds (NaN) are left out and counted in a
     * "failed rounds" row, and failures inside rounds (send errors, messages not drained) in an "errors" row.
     */
    void putThroughput(String metric, Map<Cluster, List<Load.Result>> results) {
        Map<Cluster, long[]> problems = new LinkedHashMap<>();
        results.forEach((c, list) -> {
            double sum = 0;
            int ok = 0;
            long errors = 0;
            long failed = 0;
            for (Load.Result r : list) {
                if (Double.isNaN(r.tps())) {
                    failed++;
                    continue;
                }
                sum += r.tps();
                ok++;
                errors += Math.max(0, r.errors());
            }
            put(metric, c, ok == 0 ? Double.NaN : sum / ok, true);
            problems.put(c, new long[] {errors, failed});
        });
        if (problems.values().stream().anyMatch(p -> p[0] > 0)) {
            problems.forEach((c, p) -> putCount(metric + " errors", c, p[0]));
        }
        if (problems.values().stream().anyMatch(p -> p[1] > 0)) {
            problems.forEach((c, p) -> putCount(metric + " failed rounds", c, p[1]));
        }
    }

    /**
     * How the sends of all rounds ended: one count row per outcome seen on either side (SEND_OK first, always
     * present, then each other send status or exception), so a SEND_OK row alone means every send succeeded.
     */
    void putOutcomes(String name, Map<Cluster, List<Load.Result>> results) {
        Map<String, Map<Cluster, Long>> kinds = new TreeMap<>((a, b) -> a.equals(b) ? 0
            : Load.SEND_OK.equals(a) ? -1 : Load.SEND_OK.equals(b) ? 1 : a.compareTo(b));
        kinds.put(Load.SEND_OK, new LinkedHashMap<>());
        results.forEach((c, list) -> list.forEach(r -> r.outcomes().forEach(
            (kind, n) -> kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(c, n, Long::sum))));
        kinds.forEach((kind, counts) -> results.keySet().forEach(
            c -> putCount(name + " " + kind + " (sends)", c, counts.getOrDefault(c, 0L))));
    }

    /** p50 / p99 / p99.9 in milliseconds over all rounds' samples merged. */
    void putLatency(String name, Map<Cluster, List<Load.Result>> results) {
        results.forEach((c, list) -> {
            Histogram all = Load.histogram();
            list.forEach(r -> all.add(r.latencyMicros()));
            for (double p : new double[] {50, 99, 99.9}) {
                String metric = String.format("%s p%s (ms)", name, p == 99.9 ? "999" : Integer.toString((int) p));
                put(metric, c, all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(p) / 1000.0, false);
            }
        });
    }

    String markdown(List<Cluster> clusters) {
        List<String> labels = new ArrayList<>();
        clusters.forEach(c -> labels.add(c.label()));
        boolean ratio = labels.size() == 2;
        StringBuilder sb = new StringBuilder("| metric |");
        labels.forEach(l -> sb.append(' ').append(l).append(" |"));
        if (ratio) {
            sb.append(" ").append(labels.get(1)).append('/').append(labels.get(0)).append(" | better |");
        }
        sb.append("\n|---|");
        labels.forEach(l -> sb.append("---:|"));
        if (ratio) {
            sb.append("---:|:---:|");
        }
        sb.append('\n');
        rows.forEach((metric, row) -> {
            boolean count = row.count();
            sb.append("| ").append(metric).append(" |");
            for (String l : labels) {
                sb.append(' ').append(format(row.values().getOrDefault(l, Double.NaN), count)).append(" |");
            }
            if (ratio) {
                double a = row.values().getOrDefault(labels.get(0), Double.NaN);
                double b = row.values().getOrDefault(labels.get(1), Double.NaN);
                double q = b / a;
                String better = Double.isNaN(q) || Double.isInfinite(q) || count ? ""
                    : (row.higherIsBetter() ? q >= 1.0 : q <= 1.0) ? "yes" : "no";
                sb.append(' ').append(Double.isNaN(q) || Double.isInfinite(q) ? "n/a" : String.format("%.2f", q))
                    .append(" | ").append(better).append(" |");
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /**
     * A table of ratios within each implementation, one row per {label, numerator metric, denominator metric}, e.g.
     * SYNC_MASTER throughput over ASYNC_MASTER throughput.
     */
    String ratioMarkdown(String heading, List<Cluster> clusters, List<String[]> ratios) {
        StringBuilder sb = new StringBuilder("| ").append(heading).append(" |");
        clusters.forEach(c -> sb.append(' ').append(c.label()).append(" |"));
        sb.append("\n|---|");
        clusters.forEach(c -> sb.append("---:|"));
        sb.append('\n');
        for (String[] r : ratios) {
            sb.append("| ").append(r[0]).append(" |");
            for (Cluster c : clusters) {
                double q = get(r[1], c) / get(r[2], c);
                sb.append(' ').append(Double.isNaN(q) || Double.isInfinite(q) ? "n/a" : String.format("%.2f", q)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String format(double v, boolean count) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100 || count) {
            return String.format("%,.0f", v);
        }
        return String.format("%.2f", v);
    }
}
