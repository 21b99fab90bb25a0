package io.apogee.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker.conf the broker was started with (may be absent). Runtime changes from UPDATE_BROKER_CONFIG are
 * written back into it key by key, keeping its comments and every other line, instead of dumping all defaults.
 */
public final class BrokerConfigFile {
    private final Path path;

    public BrokerConfigFile(String path) {
        this.path = path == null ? null : Path.of(path);
    }

    public String path() {
        return path == null ? null : path.toString();
    }

    public synchronized void update(Map<String, String> changes) throws IOException {
        if (path == null || changes.isEmpty()) {
            return;
        }
        List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<String> out = new ArrayList<>(lines.size() + changes.size());
        for (String line : lines) {
            String t = line.trim();
            int eq = t.indexOf('=');
            if (!t.startsWith("#") && eq > 0) {
                String key = t.substring(0, eq).trim();
                if (changes.containsKey(key)) {
                    out.add(key + "=" + changes.get(key));
                    done.add(key);
                    continue;
                }
            }
            out.add(line);
        }
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!done.contains(e.getKey())) {
                out.add(e.getKey() + "=" + e.getValue());
            }
        }
        ConfigManager.writeAtomically(path.toString(), String.join("\n", out) + "\n");
    }
}
