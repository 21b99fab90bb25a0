package io.apogee.store;

import java.util.Map;

/** Called by the dispatcher after a message reached its ConsumeQueue, so the broker can wake held pulls. */
public interface MessageArrivingListener {
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long msgStoreTime,
                  byte[] filterBitMap, Map<String, String> properties);
}
