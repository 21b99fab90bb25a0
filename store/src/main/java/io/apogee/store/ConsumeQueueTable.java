package io.apogee.store;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Every ConsumeQueue by topic and queue id, created on first dispatch; also the dispatcher that writes
 * units (PREPARED and ROLLBACK transaction messages get none).
 */
public class ConsumeQueueTable implements CommitLogDispatcher {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> table = new ConcurrentHashMap<>(32);
    private final MessageStoreConfig config;
    private final RunningFlags runningFlags;

    public ConsumeQueueTable(MessageStoreConfig config, RunningFlags runningFlags) {
        this.config = config;
        this.runningFlags = runningFlags;
    }

    public boolean load() {
        File dirLogic = new File(config.getStorePathConsumeQueue());
        File[] fileTopicList = dirLogic.listFiles(File::isDirectory);
        if (fileTopicList == null) {
            return true;
        }
        for (File fileTopic : fileTopicList) {
            String topic = fileTopic.getName();
            File[] fileQueueIdList = fileTopic.listFiles(File::isDirectory);
            if (fileQueueIdList == null) {
                continue;
            }
            for (File fileQueueId : fileQueueIdList) {
                int queueId;
                try {
                    queueId = Integer.parseInt(fileQueueId.getName());
                } catch (NumberFormatException e) {
                    continue;
                }
                ConsumeQueue logic = new ConsumeQueue(topic, queueId, config.getStorePathConsumeQueue(),
                    config.getMappedFileSizeConsumeQueue());
                put(topic, queueId, logic);
                if (!logic.load()) {
                    return false;
                }
            }
        }
        log.info("load logics queue all over, OK");
        return true;
    }

    private void put(String topic, int queueId, ConsumeQueue cq) {
        table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>(128)).put(queueId, cq);
    }

    public ConsumeQueue findConsumeQueue(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> map = table.get(topic);
        if (map == null) {
            map = table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>(128));
        }
        ConsumeQueue logic = map.get(queueId);
        if (logic == null) {
            logic = map.computeIfAbsent(queueId, q -> new ConsumeQueue(topic, q, config.getStorePathConsumeQueue(),
                config.getMappedFileSizeConsumeQueue()));
        }
        return logic;
    }

    /** The queue if it exists, without creating it. */
    public ConsumeQueue getConsumeQueue(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> map = table.get(topic);
        return map == null ? null : map.get(queueId);
    }

    public Collection<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        for (ConcurrentMap<Integer, ConsumeQueue> m : table.values()) {
            all.addAll(m.values());
        }
        return all;
    }

    public Map<String, ConcurrentMap<Integer, ConsumeQueue>> asMap() {
        return table;
    }

    public void removeTopic(String topic) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.remove(topic);
        if (queues != null) {
            for (ConsumeQueue cq : queues.values()) {
                cq.destroy();
            }
        }
    }

    @Override
    public void dispatch(DispatchRequest request) {
        int tranType = MessageSysFlag.getTransactionValue(request.getSysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE && tranType != MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            return;
        }
        ConsumeQueue cq = findConsumeQueue(request.getTopic(), request.getQueueId());
        for (int i = 0; i < 30; i++) {
            if (!runningFlags.isCQWriteable()) {
                log.warn("[BUG]put commit log position info to consume queue, but store not writeable");
                return;
            }
            if (cq.putMessagePositionInfo(request.getCommitLogOffset(), request.getMsgSize(), request.getTagsCode(),
                request.getConsumeQueueOffset())) {
                return;
            }
            log.warn("[BUG]put commit log position info to {}:{} failed, retry {} times", request.getTopic(),
                request.getQueueId(), i);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.error("[BUG]consume queue can not write, {} {}", request.getTopic(), request.getQueueId());
        runningFlags.makeLogicsQueueError();
    }
}
