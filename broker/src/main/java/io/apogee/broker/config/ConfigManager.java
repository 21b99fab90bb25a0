package io.apogee.broker.config;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table kept in one JSON file under {@code storePathRootDir/config}. Writes go to {@code file.tmp}, the old
 * content is kept as {@code file.bak}, then the temp file replaces the original; loading falls back to the
 * backup when the main file is missing, empty or unreadable (protocol.md §5.5).
 */
public abstract class ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    public abstract String configFilePath();

    /** Serialises the table; pretty (TAB-indented) like the official files. */
    public abstract String encode(boolean pretty);

    /** Replaces the table with the file's content; throws on malformed JSON. */
    protected abstract void decode(String json);

    public boolean load() {
        String path = configFilePath();
        try {
            if (loadFrom(path)) {
                log.info("load {} OK", path);
                return true;
            }
        } catch (Exception e) {
            log.warn("load {} failed, trying the backup", path, e);
        }
        try {
            loadFrom(path + ".bak");
            log.info("load {}.bak OK", path);
            return true;
        } catch (Exception e) {
            log.error("load {} and its backup failed", path, e);
            return false;
        }
    }

    private boolean loadFrom(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            return !Files.exists(Path.of(path + ".bak")) || path.endsWith(".bak");
        }
        String json = Files.readString(p, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            return false;
        }
        decode(json);
        return true;
    }

    public synchronized void persist() {
        String json = encode(true);
        if (json == null) {
            return;
        }
        try {
            writeAtomically(configFilePath(), json);
        } catch (IOException e) {
            log.error("persist {} failed", configFilePath(), e);
        }
    }

    public static void writeAtomically(String fileName, String content) throws IOException {
        Path target = Path.of(fileName);
        File parent = target.toFile().getParentFile();
        if (parent != null) {
            Files.createDirectories(parent.toPath());
        }
        Path tmp = Path.of(fileName + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            Files.copy(target, Path.of(fileName + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
