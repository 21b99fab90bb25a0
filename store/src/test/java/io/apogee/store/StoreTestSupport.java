package io.apogee.store;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/** Tiny-file store configs and message builders shared by the store tests. */
public final class StoreTestSupport {
    public static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 54321);
    public static final InetSocketAddress STORE_HOST = new InetSocketAddress("10.0.0.1", 10911);
    public static final int COMMIT_LOG_FILE_SIZE = 64 * 1024;
    public static final int CQ_FILE_SIZE = 100 * 20;

    private StoreTestSupport() {
    }

    public static MessageStoreConfig config(Path root, FlushDiskType flushDiskType) {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(root.toString());
        c.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_SIZE);
        c.setMappedFileSizeConsumeQueue(CQ_FILE_SIZE);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(4000);
        c.setMaxMessageSize(8 * 1024);
        c.setFlushDiskType(flushDiskType);
        c.setFlushIntervalCommitLog(10);
        c.setFlushIntervalConsumeQueue(50);
        c.setSyncFlushTimeout(3000);
        return c;
    }

    public static DefaultMessageStore open(MessageStoreConfig config) throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(config);
        if (!store.load()) {
            throw new IllegalStateException("load failed");
        }
        store.start();
        return store;
    }

    public static MessageExtBrokerInner message(String topic, int queueId, String tags, String keys, String body) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body.getBytes(StandardCharsets.UTF_8));
        if (tags != null) {
            msg.setTags(tags);
        }
        if (keys != null) {
            msg.setKeys(keys);
        }
        MessageClientIDSetter.setUniqID(msg);
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(tags));
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(BORN_HOST);
        msg.setStoreHost(STORE_HOST);
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        return msg;
    }

    public static String bodyOf(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }
}
