package io.apogee.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.BrokerConfig;
import io.apogee.common.config.PropertiesBinder;
import io.apogee.common.namesrv.NamesrvConfig;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.config.MessageStoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key the daemons bind: one table row {@code | `key` | default | meaning |}
 * per key of the five config classes, and no row for a key that no longer exists.
 */
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyConfigKeyIsDocumented() throws IOException {
        Set<String> known = knownKeys();
        Set<String> documented = documentedKeys();
        Set<String> missing = new TreeSet<>(known);
        missing.removeAll(documented);
        assertThat(missing).as("config keys without a row in docs/configuration.md: add '| `key` | default | meaning |'"
            + " to the table of the key's class (keep the table sorted)").isEmpty();
    }

    @Test
    void everyDocumentedKeyExists() throws IOException {
        Set<String> stale = new TreeSet<>(documentedKeys());
        stale.removeAll(knownKeys());
        assertThat(stale).as("rows in docs/configuration.md for keys no config class has: remove them (or move them to the"
            + " prose list of RocketMQ keys not accepted yet)").isEmpty();
    }

    private static Set<String> knownKeys() {
        return new TreeSet<>(PropertiesBinder.knownKeys(new NamesrvConfig(), new BrokerConfig(), new MessageStoreConfig(),
            new NettyServerConfig(), new NettyClientConfig()));
    }

    private static Set<String> documentedKeys() throws IOException {
        Path doc = Paths.get("..", "docs", "configuration.md");
        assertThat(doc).as("run from the distribution module directory").exists();
        Matcher m = ROW.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        Set<String> keys = new TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
