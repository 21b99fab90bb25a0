package io.apogee.client.impl.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.route.QueueData;
import io.apogee.common.protocol.route.TopicRouteData;

/** The writable queues of a topic as a producer sees them, with round-robin selection. */
public class TopicPublishInfo {
    private boolean orderTopic = false;
    private boolean haveTopicRouterInfo = false;
    private List<MessageQueue> messageQueueList = new ArrayList<>();
    private final AtomicInteger sendWhichQueue = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));
    private TopicRouteData topicRouteData;

    public boolean ok() {
        return messageQueueList != null && !messageQueueList.isEmpty();
    }

    public int nextIndex() {
        return sendWhichQueue.incrementAndGet() & Integer.MAX_VALUE;
    }

    /** Round robin, skipping queues of {@code lastBrokerName} (the broker that just failed) when possible. */
    public MessageQueue selectOneMessageQueue(String lastBrokerName) {
        if (lastBrokerName == null) {
            return selectOneMessageQueue();
        }
        for (int i = 0; i < messageQueueList.size(); i++) {
            MessageQueue mq = messageQueueList.get(nextIndex() % messageQueueList.size());
            if (!mq.getBrokerName().equals(lastBrokerName)) {
                return mq;
            }
        }
        return selectOneMessageQueue();
    }

    public MessageQueue selectOneMessageQueue() {
        return messageQueueList.get(nextIndex() % messageQueueList.size());
    }

    public int getQueueIdByBroker(String brokerName) {
        for (QueueData qd : topicRouteData.getQueueDatas()) {
            if (qd.getBrokerName().equals(brokerName)) {
                return qd.getWriteQueueNums();
            }
        }
        return -1;
    }

    public boolean isOrderTopic() {
        return orderTopic;
    }

    public void setOrderTopic(boolean orderTopic) {
        this.orderTopic = orderTopic;
    }

    public boolean isHaveTopicRouterInfo() {
        return haveTopicRouterInfo;
    }

    public void setHaveTopicRouterInfo(boolean haveTopicRouterInfo) {
        this.haveTopicRouterInfo = haveTopicRouterInfo;
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public void setMessageQueueList(List<MessageQueue> messageQueueList) {
        this.messageQueueList = messageQueueList;
    }

    public TopicRouteData getTopicRouteData() {
        return topicRouteData;
    }

    public void setTopicRouteData(TopicRouteData topicRouteData) {
        this.topicRouteData = topicRouteData;
    }

    @Override
    public String toString() {
        return "TopicPublishInfo [orderTopic=" + orderTopic + ", messageQueueList=" + messageQueueList + "]";
    }
}
