package io.apogee.example.benchmark;

import java.util.HashMap;
import java.util.Map;

/** Minimal "-x value" parser for the benchmark programs (same letters as RocketMQ's benchmarks). */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].replaceFirst("^-+", ""), args[i + 1]);
        }
    }

    String str(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    int integer(String key, int dflt) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
    }
}
