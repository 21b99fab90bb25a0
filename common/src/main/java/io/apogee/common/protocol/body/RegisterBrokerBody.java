package io.apogee.common.protocol.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import com.alibaba.fastjson.JSON;

import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.protocol.RemotingSerializable;

/**
 * Body of REGISTER_BROKER (protocol.md §3.1). Plain form is JSON:
 * {@code {"filterServerList":[],"topicConfigSerializeWrapper":{"dataVersion":{..},"topicConfigTable":{..}}}}.
 *
 * <p>Compressed form ({@code compressed=true} header) is a zlib stream (level 9) of, big-endian:
 * <pre>
 *   int32 len, DataVersion JSON
 *   int32 topicCount
 *   topicCount x (int32 len, TopicConfig text "name read write perm filterType")
 *   int32 len, JSON array of filter server addresses
 * </pre>
 * The text form drops topicSysFlag and order; a decoded topic has the defaults for them.
 */
public class RegisterBrokerBody extends RemotingSerializable {
    /** Upper bound of one length-prefixed item; anything larger is corruption, not data. */
    private static final int MAX_ITEM_BYTES = 16 * 1024 * 1024;

    private TopicConfigSerializeWrapper topicConfigSerializeWrapper = new TopicConfigSerializeWrapper();
    private List<String> filterServerList = new ArrayList<>();

    /** The plain JSON form, or the compressed form when {@code compress} is set. */
    public byte[] encode(boolean compress) {
        if (!compress) {
            return encode();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            DataVersion version = topicConfigSerializeWrapper.getDataVersion();
            writeItem(out, (version == null ? new DataVersion() : version).encode());
            ConcurrentMap<String, TopicConfig> table = topicConfigSerializeWrapper.getTopicConfigTable();
            List<TopicConfig> topics = table == null ? List.of() : new ArrayList<>(table.values());
            out.writeInt(topics.size());
            for (TopicConfig tc : topics) {
                writeItem(out, tc.encode().getBytes(StandardCharsets.UTF_8));
            }
            writeItem(out, JSON.toJSONString(filterServerList == null ? List.of() : filterServerList)
                .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes either form.
     *
     * @throws IOException if the data is not a well-formed body of the announced form
     */
    public static RegisterBrokerBody decode(byte[] data, boolean compressed) throws IOException {
        if (!compressed) {
            RegisterBrokerBody body;
            try {
                body = RemotingSerializable.decode(data, RegisterBrokerBody.class);
            } catch (RuntimeException e) {
                throw new IOException("RegisterBrokerBody is not valid JSON: " + e.getMessage(), e);
            }
            if (body == null) {
                throw new IOException("RegisterBrokerBody is empty JSON");
            }
            if (body.topicConfigSerializeWrapper == null) {
                body.topicConfigSerializeWrapper = new TopicConfigSerializeWrapper();
            }
            if (body.topicConfigSerializeWrapper.getTopicConfigTable() == null) {
                body.topicConfigSerializeWrapper.setTopicConfigTable(new ConcurrentHashMap<>());
            }
            if (body.topicConfigSerializeWrapper.getDataVersion() == null) {
                body.topicConfigSerializeWrapper.setDataVersion(new DataVersion());
            }
            return body;
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            DataVersion version = RemotingSerializable.decode(readItem(in), DataVersion.class);
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("negative topic count " + count);
            }
            ConcurrentMap<String, TopicConfig> table = new ConcurrentHashMap<>(Math.min(count, 1 << 20) * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                TopicConfig tc = new TopicConfig();
                String text = new String(readItem(in), StandardCharsets.UTF_8);
                if (!tc.decode(text)) {
                    throw new IOException("malformed topic config text '" + text + "'");
                }
                table.put(tc.getTopicName(), tc);
            }
            List<String> filters = JSON.parseArray(new String(readItem(in), StandardCharsets.UTF_8), String.class);
            RegisterBrokerBody body = new RegisterBrokerBody();
            body.topicConfigSerializeWrapper.setDataVersion(version == null ? new DataVersion() : version);
            body.topicConfigSerializeWrapper.setTopicConfigTable(table);
            body.filterServerList = filters == null ? new ArrayList<>() : filters;
            return body;
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("malformed compressed RegisterBrokerBody: " + e, e);
        }
    }

    private static void writeItem(DataOutputStream out, byte[] item) throws IOException {
        out.writeInt(item.length);
        out.write(item);
    }

    private static byte[] readItem(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_ITEM_BYTES) {
            throw new IOException("bad item length " + len);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }

    public TopicConfigSerializeWrapper getTopicConfigSerializeWrapper() {
        return topicConfigSerializeWrapper;
    }

    public void setTopicConfigSerializeWrapper(TopicConfigSerializeWrapper topicConfigSerializeWrapper) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper;
    }

    public List<String> getFilterServerList() {
        return filterServerList;
    }

    public void setFilterServerList(List<String> filterServerList) {
        this.filterServerList = filterServerList;
    }
}
