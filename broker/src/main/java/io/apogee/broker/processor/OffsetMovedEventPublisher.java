package io.apogee.broker.processor;

import java.net.SocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.body.OffsetMovedEvent;
import io.apogee.common.topic.TopicValidator;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;

/**
 * Records in the {@code OFFSET_MOVED_EVENT} topic that a pull asked for an offset its queue does not have, as
 * RocketMQ does: the group is the tag and the key, the body the JSON {@link OffsetMovedEvent}.
 */
public class OffsetMovedEventPublisher {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final MessageStore store;
    private final String brokerName;
    private final SocketAddress brokerHost;

    public OffsetMovedEventPublisher(MessageStore store, String brokerName, SocketAddress brokerHost) {
        this.store = store;
        this.brokerName = brokerName;
        this.brokerHost = brokerHost;
    }

    public void publish(String group, String topic, int queueId, long offsetRequest, long offsetNew) {
        OffsetMovedEvent event = new OffsetMovedEvent();
        event.setConsumerGroup(group);
        event.setMessageQueue(new MessageQueue(topic, brokerName, queueId));
        event.setOffsetRequest(offsetRequest);
        event.setOffsetNew(offsetNew);
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT);
        msg.setTags(group);
        msg.setKeys(group);
        msg.setBody(event.encode());
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(group));
        msg.setQueueId(0);
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(brokerHost);
        msg.setStoreHost(brokerHost);
        PutMessageResult result = store.putMessage(msg);
        log.warn("PULL_OFFSET_MOVED: group {} asked {}-{} for offset {}, corrected to {}; event stored: {}", group, topic,
            queueId, offsetRequest, offsetNew, result == null ? null : result.getPutMessageStatus());
    }
}
