package io.apogee.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Collects one figure per metric and implementation, and prints them as a Markdown table with the ratio. */
final class Report {
    private record Row(Map<String, Double> values, boolean higherIsBetter, String unit) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    void put(String metric, Cluster c, double value, boolean higherIsBetter) {
        rows.computeIfAbsent(metric, k -> new Row(new LinkedHashMap<>(), higherIsBetter, "")).values().put(c.label(), value);
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
            problems.forEach((c, p) -> put(metric + " errors", c, p[0], false));
        }
        if (problems.values().stream().anyMatch(p -> p[1] > 0)) {
            problems.forEach((c, p) -> put(metric + " failed rounds", c, p[1], false));
        }
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
            boolean count = metric.endsWith("errors") || metric.endsWith("failed rounds");
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
