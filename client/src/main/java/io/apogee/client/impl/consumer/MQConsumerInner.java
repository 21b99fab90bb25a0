package io.apogee.client.impl.consumer;

import java.util.Map;
import java.util.Set;

import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;

/** What the client instance needs from a registered consumer (heartbeat content, rebalance, offsets). */
public interface MQConsumerInner {
    String groupName();

    MessageModel messageModel();

    ConsumeType consumeType();

    ConsumeFromWhere consumeFromWhere();

    Set<SubscriptionData> subscriptions();

    void doRebalance();

    void persistConsumerOffset();

    void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info);

    boolean isSubscribeTopicNeedUpdate(String topic);

    boolean isUnitMode();

    /** RESET_CONSUMER_CLIENT_OFFSET: move this group's queues of {@code topic} to the given offsets. */
    default void resetOffset(String topic, Map<MessageQueue, Long> offsetTable) {
    }

    /** GET_CONSUMER_STATUS_FROM_CLIENT: this client's offsets for {@code topic}. */
    default Map<MessageQueue, Long> consumeStatus(String topic) {
        return Map.of();
    }

    /** GET_CONSUMER_RUNNING_INFO: settings, subscriptions and queue caches of this consumer. */
    default io.apogee.common.protocol.body.ConsumerRunningInfo consumerRunningInfo() {
        io.apogee.common.protocol.body.ConsumerRunningInfo info = new io.apogee.common.protocol.body.ConsumerRunningInfo();
        info.getProperties().put(io.apogee.common.protocol.body.ConsumerRunningInfo.PROP_CONSUME_TYPE, consumeType().name());
        info.getSubscriptionSet().addAll(subscriptions());
        return info;
    }

    /** Called by the pull service with a queued pull request of this consumer. */
    default void pullMessage(PullRequest pullRequest) {
    }
}
