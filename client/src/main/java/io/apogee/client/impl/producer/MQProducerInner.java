package io.apogee.client.impl.producer;

import java.util.Set;

import io.apogee.common.message.MessageExt;

/** What the client instance needs from a registered producer. */
public interface MQProducerInner {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(String topic);

    void updateTopicPublishInfo(String topic, TopicPublishInfo info);

    /** A broker asks for the state of a half message (CHECK_TRANSACTION_STATE); answer with END_TRANSACTION. */
    void checkTransactionState(String brokerAddr, MessageExt msg, long tranStateTableOffset, long commitLogOffset,
                               String msgId, String transactionId, String offsetMsgId);

    boolean isUnitMode();
}
