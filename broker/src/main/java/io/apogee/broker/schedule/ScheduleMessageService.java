package io.apogee.broker.schedule;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.apogee.broker.BrokerController;
import io.apogee.broker.config.BrokerPathConfigHelper;
import io.apogee.broker.config.ConfigManager;
import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.topic.TopicValidator;
import io.apogee.store.ConsumeQueue;
import io.apogee.store.DelayLevels;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.apogee.store.SelectMappedBufferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delayed messages: the store parks them in {@code SCHEDULE_TOPIC_XXXX} queue {@code level-1} with the due
 * time as tag code; one task per level walks its queue from the offset in {@code delayOffset.json} and re-stores
 * every due message to its REAL_TOPIC / REAL_QID.
 */
public class ScheduleMessageService extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final long DELIVER_PERIOD_MS = 100;

    private final BrokerController brokerController;
    private final DelayLevels delayLevels;
    private final ConcurrentMap<Integer, Long> offsetTable = new ConcurrentHashMap<>(32);
    private ScheduledExecutorService executor;

    public ScheduleMessageService(BrokerController brokerController) {
        this.brokerController = brokerController;
        this.delayLevels = new DelayLevels(brokerController.getMessageStoreConfig().getMessageDelayLevel());
    }

    public int getMaxDelayLevel() {
        return delayLevels.maxLevel();
    }

    public ConcurrentMap<Integer, Long> getOffsetTable() {
        return offsetTable;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newScheduledThreadPool(Math.min(4, delayLevels.maxLevel()), new ThreadFactoryImpl("ScheduleMessageTimerThread_"));
        for (int level = 1; level <= delayLevels.maxLevel(); level++) {
            final int l = level;
            executor.scheduleWithFixedDelay(() -> deliver(l), 1000, DELIVER_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
        long flush = brokerController.getMessageStoreConfig().getFlushDelayOffsetInterval();
        executor.scheduleAtFixedRate(this::persist, flush, flush, TimeUnit.MILLISECONDS);
    }

    public synchronized void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        persist();
    }

    private void deliver(int level) {
        try {
            MessageStore store = brokerController.getMessageStore();
            int queueId = level - 1;
            ConsumeQueue cq = store.getConsumeQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, queueId);
            if (cq == null) {
                return;
            }
            long offset = offsetTable.getOrDefault(level, 0L);
            long min = store.getMinOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, queueId);
            long max = store.getMaxOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, queueId);
            if (offset < min) {
                offset = min;
            }
            while (offset < max) {
                SelectMappedBufferResult units = cq.getIndexBuffer(offset);
                if (units == null) {
                    break;
                }
                boolean stop = false;
                try {
                    ByteBuffer bb = units.getByteBuffer();
                    int n = units.getSize() / ConsumeQueue.CQ_STORE_UNIT_SIZE;
                    for (int i = 0; i < n && offset < max; i++) {
                        long phyOffset = bb.getLong();
                        int size = bb.getInt();
                        long deliverAt = bb.getLong();
                        long now = System.currentTimeMillis();
                        if (deliverAt > now) {
                            stop = true;
                            break;
                        }
                        MessageExt msgExt = store.lookMessageByOffset(phyOffset, size);
                        if (msgExt != null) {
                            PutMessageResult r = store.putMessage(messageTimeup(msgExt));
                            if (r == null || !r.isOk()) {
                                log.warn("delayed message re-store failed ({}), retrying later: {}",
                                    r == null ? null : r.getPutMessageStatus(), msgExt.getMsgId());
                                stop = true;
                                break;
                            }
                            brokerController.getBrokerStats().incTopicPut(msgExt.getProperty(MessageConst.PROPERTY_REAL_TOPIC), 1,
                                msgExt.getBody() == null ? 0 : msgExt.getBody().length);
                        }
                        offset++;
                        offsetTable.put(level, offset);
                    }
                } finally {
                    units.release();
                }
                if (stop) {
                    break;
                }
            }
            offsetTable.put(level, offset);
        } catch (Throwable e) {
            log.error("deliver delay level {} failed", level, e);
        }
    }

    private MessageExtBrokerInner messageTimeup(MessageExt msgExt) {
        MessageExtBrokerInner inner = new MessageExtBrokerInner();
        inner.setBody(msgExt.getBody());
        inner.setFlag(msgExt.getFlag());
        MessageAccessor.setProperties(inner, msgExt.getProperties());
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(msgExt.getTags()));
        inner.setPropertiesString(MessageDecoder.messageProperties2String(msgExt.getProperties()));
        inner.setSysFlag(msgExt.getSysFlag());
        inner.setBornTimestamp(msgExt.getBornTimestamp());
        inner.setBornHost(msgExt.getBornHost());
        inner.setStoreHost(msgExt.getStoreHost());
        inner.setReconsumeTimes(msgExt.getReconsumeTimes());
        inner.setWaitStoreMsgOK(false);
        MessageAccessor.clearProperty(inner, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        inner.setTopic(msgExt.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        inner.setQueueId(Integer.parseInt(msgExt.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)));
        return inner;
    }

    /** "delayOffset,maxOffset" per level for GET_BROKER_RUNTIME_INFO's scheduleMessageOffset_<level>. */
    public Map<Integer, String> runtimeOffsets() {
        Map<Integer, String> out = new java.util.TreeMap<>();
        for (int level = 1; level <= delayLevels.maxLevel(); level++) {
            Long delivered = offsetTable.get(level);
            long max = brokerController.getMessageStore().getMaxOffsetInQueue(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, level - 1);
            if (delivered != null || max > 0) { // only levels that have seen messages, as RocketMQ lists them
                out.put(level, (delivered == null ? 0L : delivered) + "," + max);
            }
        }
        return out;
    }

    @Override
    public String configFilePath() {
        return BrokerPathConfigHelper.getDelayOffsetStorePath(brokerController.getMessageStoreConfig().getStorePathRootDir());
    }

    /** The JSON body of GET_ALL_DELAY_OFFSET and delayOffset.json: {"offsetTable":{1:5,...}}. */
    @Override
    public String encode(boolean pretty) {
        Wrapper w = new Wrapper();
        w.setOffsetTable(offsetTable);
        return RemotingSerializable.toJson(w, pretty);
    }

    @Override
    protected void decode(String json) {
        Wrapper w = RemotingSerializable.fromJson(json, Wrapper.class);
        if (w != null && w.getOffsetTable() != null) {
            offsetTable.putAll(w.getOffsetTable());
        }
    }

    /** Shape of delayOffset.json. */
    public static class Wrapper {
        private ConcurrentMap<Integer, Long> offsetTable = new ConcurrentHashMap<>();

        public ConcurrentMap<Integer, Long> getOffsetTable() {
            return offsetTable;
        }

        public void setOffsetTable(ConcurrentMap<Integer, Long> offsetTable) {
            this.offsetTable = offsetTable;
        }
    }
}
