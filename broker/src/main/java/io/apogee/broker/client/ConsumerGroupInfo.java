package io.apogee.broker.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.netty.channel.Channel;

/** The live members of one consumer group and the subscriptions they last reported. */
public class ConsumerGroupInfo {
    private final String groupName;
    private final ConcurrentMap<String, SubscriptionData> subscriptionTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<Channel, ClientChannelInfo> channelInfoTable = new ConcurrentHashMap<>(16);
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;
    private volatile long lastUpdateTimestamp = System.currentTimeMillis();

    public ConsumerGroupInfo(String groupName, ConsumeType consumeType, MessageModel messageModel, ConsumeFromWhere consumeFromWhere) {
        this.groupName = groupName;
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
    }

    public ClientChannelInfo findChannel(String clientId) {
        for (ClientChannelInfo info : channelInfoTable.values()) {
            if (info.getClientId().equals(clientId)) {
                return info;
            }
        }
        return null;
    }

    public List<Channel> getAllChannel() {
        return new ArrayList<>(channelInfoTable.keySet());
    }

    public List<String> getAllClientId() {
        List<String> ids = new ArrayList<>();
        for (ClientChannelInfo info : channelInfoTable.values()) {
            ids.add(info.getClientId());
        }
        return ids;
    }

    public boolean unregisterChannel(ClientChannelInfo info) {
        return channelInfoTable.remove(info.getChannel()) != null;
    }

    public boolean doChannelCloseEvent(Channel channel) {
        return channelInfoTable.remove(channel) != null;
    }

    /** Adds or refreshes a member; true when the membership changed. */
    public boolean updateChannel(ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel, ConsumeFromWhere consumeFromWhere) {
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
        this.lastUpdateTimestamp = System.currentTimeMillis();
        ClientChannelInfo old = channelInfoTable.get(info.getChannel());
        if (old == null) {
            channelInfoTable.put(info.getChannel(), info);
            return true;
        }
        if (!old.getClientId().equals(info.getClientId())) {
            channelInfoTable.put(info.getChannel(), info);
        }
        old.setLastUpdateTimestamp(System.currentTimeMillis());
        info.setLastUpdateTimestamp(System.currentTimeMillis());
        return false;
    }

    /** Replaces the subscriptions with the reported set; true when topics were added or removed. */
    public boolean updateSubscription(Set<SubscriptionData> subList) {
        boolean changed = false;
        ConcurrentMap<String, SubscriptionData> incoming = new ConcurrentHashMap<>();
        for (SubscriptionData sub : subList) {
            incoming.put(sub.getTopic(), sub);
            SubscriptionData old = subscriptionTable.get(sub.getTopic());
            if (old == null) {
                subscriptionTable.put(sub.getTopic(), sub);
                changed = true;
            } else if (sub.getSubVersion() > old.getSubVersion()) {
                subscriptionTable.put(sub.getTopic(), sub);
            }
        }
        for (String topic : subscriptionTable.keySet()) {
            if (!incoming.containsKey(topic)) {
                subscriptionTable.remove(topic);
                changed = true;
            }
        }
        lastUpdateTimestamp = System.currentTimeMillis();
        return changed;
    }

    public SubscriptionData findSubscriptionData(String topic) {
        return subscriptionTable.get(topic);
    }

    public String getGroupName() {
        return groupName;
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionTable() {
        return subscriptionTable;
    }

    public ConcurrentMap<Channel, ClientChannelInfo> getChannelInfoTable() {
        return channelInfoTable;
    }

    public ConsumeType getConsumeType() {
        return consumeType;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }
}
