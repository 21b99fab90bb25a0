package io.apogee.common;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Shared constants (protocol.md §6.8) and a few helpers every daemon needs: the RocketMQ home and
 * namesrv-address lookups, properties text, and crash-safe file writes.
 */
public final class MixAll {
    public static final String ROCKETMQ_HOME_ENV = "ROCKETMQ_HOME";
    public static final String ROCKETMQ_HOME_PROPERTY = "rocketmq.home.dir";
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    public static final String MESSAGE_COMPRESS_TYPE = "rocketmq.message.compressType";
    public static final String MESSAGE_COMPRESS_LEVEL = "rocketmq.message.compressLevel";
    public static final String DEFAULT_NAMESRV_ADDR_LOOKUP = "jmenv.tbsite.net";
    public static final String WS_DOMAIN_NAME = System.getProperty("rocketmq.namesrv.domain", DEFAULT_NAMESRV_ADDR_LOOKUP);
    public static final String WS_DOMAIN_SUBGROUP = System.getProperty("rocketmq.namesrv.domain.subgroup", "nsaddr");

    public static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";
    public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";
    public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    public static final String SCHEDULE_CONSUMER_GROUP = "SCHEDULE_CONSUMER";
    public static final String FILTERSRV_CONSUMER_GROUP = "FILTERSRV_CONSUMER";
    public static final String MONITOR_CONSUMER_GROUP = "__MONITOR_CONSUMER";
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    public static final String SELF_TEST_PRODUCER_GROUP = "SELF_TEST_P_GROUP";
    public static final String SELF_TEST_CONSUMER_GROUP = "SELF_TEST_C_GROUP";
    public static final String ONS_HTTP_PROXY_GROUP = "CID_ONS-HTTP-PROXY";
    public static final String CID_ONSAPI_PERMISSION_GROUP = "CID_ONSAPI_PERMISSION";
    public static final String CID_ONSAPI_OWNER_GROUP = "CID_ONSAPI_OWNER";
    public static final String CID_ONSAPI_PULL_GROUP = "CID_ONSAPI_PULL";
    public static final String CID_RMQ_SYS_PREFIX = "CID_RMQ_SYS_";
    public static final String CID_SYS_RMQ_TRANS = "CID_RMQ_SYS_TRANS";

    public static final long MASTER_ID = 0L;
    public static final long FIRST_SLAVE_ID = 1L;
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String REPLY_TOPIC_POSTFIX = "REPLY_TOPIC";
    public static final String UNIQUE_MSG_QUERY_FLAG = "_UNIQUE_KEY_QUERY";
    public static final String DEFAULT_TRACE_REGION_ID = "DefaultRegion";
    public static final String CONSUME_CONTEXT_TYPE = "ConsumeContextType";
    public static final String REPLY_MESSAGE_FLAG = "reply";
    public static final String LMQ_PREFIX = "%LMQ%";
    public static final String MULTI_DISPATCH_QUEUE_SPLITTER = ",";
    public static final String REQ_T = "ReqT";
    public static final String DEFAULT_CHARSET = "UTF-8";
    public static final String ACL_CONF_TOOLS_FILE = "/conf/tools.yml";

    private MixAll() {
    }

    /** {@code rocketmq.home.dir}, else {@code ROCKETMQ_HOME}, else null. */
    public static String rocketmqHome() {
        String home = System.getProperty(ROCKETMQ_HOME_PROPERTY);
        return home != null ? home : System.getenv(ROCKETMQ_HOME_ENV);
    }

    /** {@code rocketmq.namesrv.addr}, else {@code NAMESRV_ADDR}, else null. */
    public static String namesrvAddr() {
        String addr = System.getProperty(NAMESRV_ADDR_PROPERTY);
        return addr != null ? addr : System.getenv(NAMESRV_ADDR_ENV);
    }

    public static String getRetryTopic(String consumerGroup) {
        return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static String getDLQTopic(String consumerGroup) {
        return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static String getReplyTopic(String clusterName) {
        return clusterName + "_" + REPLY_TOPIC_POSTFIX;
    }

    public static boolean isSysConsumerGroup(String consumerGroup) {
        return consumerGroup.startsWith(CID_RMQ_SYS_PREFIX);
    }

    public static boolean isLmq(String name) {
        return name != null && name.startsWith(LMQ_PREFIX);
    }

    /** Parses properties text ({@code key=value} lines); null when the text is not valid properties syntax. */
    public static Properties string2Properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return p;
    }

    /** {@code key=value\n} per entry, sorted by key; null values are skipped. */
    public static String properties2String(Map<?, ?> props) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sortedStrings(props).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, String> sortedStrings(Map<?, ?> props) {
        Map<String, String> out = new TreeMap<>();
        props.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return out;
    }

    /**
     * Writes a file so that a crash leaves either the old or the new content: the previous file is kept as
     * {@code <name>.bak}, the new content goes to {@code <name>.tmp} and is moved into place.
     */
    public static void string2File(String content, String fileName) throws IOException {
        Path target = Path.of(fileName);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Path.of(fileName + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            Files.copy(target, Path.of(fileName + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException atomicUnsupported) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's content, or null if it does not exist (or is empty). */
    public static String file2String(String fileName) throws IOException {
        File f = new File(fileName);
        if (!f.isFile()) {
            return null;
        }
        String s = Files.readString(f.toPath(), StandardCharsets.UTF_8);
        return s.isEmpty() ? null : s;
    }

    /** Expands a leading {@code ~} to {@code user.home}. */
    public static String expandHome(String path) {
        if (path != null && (path.equals("~") || path.startsWith("~/"))) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
