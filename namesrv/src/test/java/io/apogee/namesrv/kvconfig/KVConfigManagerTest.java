package io.apogee.namesrv.kvconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.body.KVTable;

class KVConfigManagerTest {
    @TempDir
    Path dir;

    @Test
    void persistsAndReloads() throws IOException {
        Path file = dir.resolve("sub/kvConfig.json");
        KVConfigManager kv = new KVConfigManager(file.toString());
        kv.load();
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "T", "broker-a:4");
        kv.putKVConfig("NS", "k", "v");
        kv.putKVConfig("NS", "k", "v2");
        kv.putKVConfig("NS", "gone", "x");
        kv.deleteKVConfig("NS", "gone");
        assertThat(Files.readString(file)).startsWith("{\"configTable\":{").contains("\"NS\":{\"k\":\"v2\"}")
            .contains("\"ORDER_TOPIC_CONFIG\":{\"T\":\"broker-a:4\"}");

        KVConfigManager reloaded = new KVConfigManager(file.toString());
        reloaded.load();
        assertThat(reloaded.getKVConfig("NS", "k")).isEqualTo("v2");
        assertThat(reloaded.getKVConfig("NS", "gone")).isNull();
        assertThat(reloaded.getKVConfig("nope", "k")).isNull();
        KVTable table = RemotingSerializable.decode(reloaded.getKVListByNamespace("ORDER_TOPIC_CONFIG"), KVTable.class);
        assertThat(table.getTable()).containsEntry("T", "broker-a:4");
        assertThat(reloaded.getKVListByNamespace("nope")).isNull();
        reloaded.deleteKVConfig("nope", "x");
    }

    @Test
    void corruptFileFailsLoudly() throws IOException {
        Path file = dir.resolve("kvConfig.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new KVConfigManager(file.toString()).load()).isInstanceOf(IOException.class)
            .hasMessageContaining(file.toString());
    }
}
