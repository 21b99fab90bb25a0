package io.apogee.namesrv.kvconfig;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.MixAll;
import io.apogee.common.constant.LoggerName;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.KVTable;

/**
 * Namespaced key/value settings kept by the namesrv (e.g. {@code ORDER_TOPIC_CONFIG}), persisted as JSON to
 * {@code kvConfigPath} after every change and loaded at start. Thread-safe.
 */
public class KVConfigManager {
    private static final Logger log = LoggerFactory.getLogger(LoggerName.NAMESRV_LOGGER_NAME);

    private final String kvConfigPath;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final HashMap<String, HashMap<String, String>> configTable = new HashMap<>();

    public KVConfigManager(String kvConfigPath) {
        this.kvConfigPath = MixAll.expandHome(kvConfigPath);
    }

    /**
     * Loads the persisted table if the file exists.
     *
     * @throws IOException if the file exists but cannot be read or parsed (starting with an empty table would
     *                     silently lose the operator's settings at the next write)
     */
    public void load() throws IOException {
        String content = MixAll.file2String(kvConfigPath);
        if (content == null) {
            log.info("no KV config file at {}, starting empty", kvConfigPath);
            return;
        }
        KVConfigSerializeWrapper wrapper;
        try {
            wrapper = RemotingSerializable.fromJson(content, KVConfigSerializeWrapper.class);
        } catch (RuntimeException e) {
            throw new IOException("Load KV config table exception: " + kvConfigPath + " is not valid JSON: "
                + e.getMessage(), e);
        }
        lock.writeLock().lock();
        try {
            if (wrapper != null && wrapper.getConfigTable() != null) {
                configTable.putAll(wrapper.getConfigTable());
            }
        } finally {
            lock.writeLock().unlock();
        }
        log.info("load KV config table OK, {} namespaces from {}", configTable.size(), kvConfigPath);
    }

    public void putKVConfig(String namespace, String key, String value) {
        lock.writeLock().lock();
        try {
            HashMap<String, String> table = configTable.computeIfAbsent(namespace, ns -> {
                log.info("putKVConfig create new Namespace {}", ns);
                return new HashMap<>();
            });
            String prev = table.put(key, value);
            if (prev != null) {
                log.info("putKVConfig update config item, Namespace: {} Key: {} Value: {}", namespace, key, value);
            } else {
                log.info("putKVConfig create new config item, Namespace: {} Key: {} Value: {}", namespace, key, value);
            }
            persistLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void deleteKVConfig(String namespace, String key) {
        lock.writeLock().lock();
        try {
            HashMap<String, String> table = configTable.get(namespace);
            if (table == null) {
                return;
            }
            String value = table.remove(key);
            log.info("deleteKVConfig delete a config item, Namespace: {} Key: {} Value: {}", namespace, key, value);
            if (table.isEmpty()) {
                configTable.remove(namespace);
            }
            persistLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The namespace as an encoded {@link KVTable}, or null when it has no entries. */
    public byte[] getKVListByNamespace(String namespace) {
        lock.readLock().lock();
        try {
            HashMap<String, String> table = configTable.get(namespace);
            if (table == null || table.isEmpty()) {
                return null;
            }
            KVTable kv = new KVTable();
            kv.setTable(new HashMap<>(table));
            return kv.encode();
        } finally {
            lock.readLock().unlock();
        }
    }

    public String getKVConfig(String namespace, String key) {
        lock.readLock().lock();
        try {
            Map<String, String> table = configTable.get(namespace);
            return table == null ? null : table.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void persistLocked() {
        KVConfigSerializeWrapper wrapper = new KVConfigSerializeWrapper();
        wrapper.setConfigTable(configTable);
        try {
            MixAll.string2File(wrapper.toJson(), kvConfigPath);
        } catch (IOException e) {
            // The in-memory table stays authoritative; the next successful write persists everything.
            log.error("persist kvconfig Exception, {}", kvConfigPath, e);
        }
    }

    public void printAllPeriodically() {
        lock.readLock().lock();
        try {
            log.info("--------------------------------------------------------");
            log.info("configTable SIZE: {}", configTable.size());
            configTable.forEach((ns, t) -> t.forEach((k, v) ->
                log.info("configTable NS: {} Key: {} Value: {}", ns, k, v)));
        } finally {
            lock.readLock().unlock();
        }
    }
}
