package io.apogee.broker.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.common.protocol.heartbeat.ConsumeType;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.common.RemotingHelper;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumer groups and their live members, fed by heartbeats and expired when channels go quiet. */
public class ConsumerManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final ConcurrentMap<String, ConsumerGroupInfo> consumerTable = new ConcurrentHashMap<>(1024);
    private final ConsumerIdsChangeListener listener;
    private final long channelExpiredTimeout;

    public ConsumerManager(ConsumerIdsChangeListener listener, long channelExpiredTimeout) {
        this.listener = listener;
        this.channelExpiredTimeout = channelExpiredTimeout;
    }

    public ConsumerGroupInfo getConsumerGroupInfo(String group) {
        return consumerTable.get(group);
    }

    public ConcurrentMap<String, ConsumerGroupInfo> getConsumerTable() {
        return consumerTable;
    }

    public SubscriptionData findSubscriptionData(String group, String topic) {
        ConsumerGroupInfo info = consumerTable.get(group);
        return info == null ? null : info.findSubscriptionData(topic);
    }

    public ClientChannelInfo findChannel(String group, String clientId) {
        ConsumerGroupInfo info = consumerTable.get(group);
        return info == null ? null : info.findChannel(clientId);
    }

    /** Registers a heartbeat; true when members or subscriptions changed. */
    public boolean registerConsumer(String group, ClientChannelInfo clientChannelInfo, ConsumeType consumeType,
                                    MessageModel messageModel, ConsumeFromWhere consumeFromWhere,
                                    Set<SubscriptionData> subList, boolean notifyOnChange) {
        ConsumerGroupInfo info = consumerTable.computeIfAbsent(group,
            g -> new ConsumerGroupInfo(g, consumeType, messageModel, consumeFromWhere));
        boolean channelChanged = info.updateChannel(clientChannelInfo, consumeType, messageModel, consumeFromWhere);
        boolean subChanged = info.updateSubscription(subList);
        if (channelChanged && notifyOnChange) {
            listener.consumerIdsChanged(group, info.getAllChannel());
        }
        return channelChanged || subChanged;
    }

    public void unregisterConsumer(String group, ClientChannelInfo clientChannelInfo, boolean notifyOnChange) {
        ConsumerGroupInfo info = consumerTable.get(group);
        if (info == null) {
            return;
        }
        if (info.unregisterChannel(clientChannelInfo)) {
            if (info.getChannelInfoTable().isEmpty()) {
                consumerTable.remove(group, info);
                log.info("unregister consumer ok, no member left in group {}", group);
            }
            if (notifyOnChange) {
                listener.consumerIdsChanged(group, info.getAllChannel());
            }
        }
    }

    public void doChannelCloseEvent(String remoteAddr, Channel channel) {
        for (Iterator<Map.Entry<String, ConsumerGroupInfo>> it = consumerTable.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ConsumerGroupInfo> e = it.next();
            ConsumerGroupInfo info = e.getValue();
            if (info.doChannelCloseEvent(channel)) {
                if (info.getChannelInfoTable().isEmpty()) {
                    consumerTable.remove(e.getKey(), info);
                    log.info("channel {} closed, no member left in consumer group {}", remoteAddr, e.getKey());
                }
                listener.consumerIdsChanged(e.getKey(), info.getAllChannel());
            }
        }
    }

    /** Drops members whose last heartbeat is older than the channel expiry (120 s by default). */
    public void scanNotActiveChannel() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, ConsumerGroupInfo> e : consumerTable.entrySet()) {
            ConsumerGroupInfo info = e.getValue();
            boolean removed = false;
            for (Iterator<Map.Entry<Channel, ClientChannelInfo>> it = info.getChannelInfoTable().entrySet().iterator(); it.hasNext(); ) {
                ClientChannelInfo c = it.next().getValue();
                if (now - c.getLastUpdateTimestamp() > channelExpiredTimeout) {
                    log.warn("consumer channel {} of group {} expired, closing it", RemotingHelper.parseChannelRemoteAddr(c.getChannel()), e.getKey());
                    c.getChannel().close();
                    it.remove();
                    removed = true;
                }
            }
            if (info.getChannelInfoTable().isEmpty()) {
                consumerTable.remove(e.getKey(), info);
            } else if (removed) {
                listener.consumerIdsChanged(e.getKey(), info.getAllChannel());
            }
        }
    }

    public Set<String> queryTopicConsumeByWho(String topic) {
        Set<String> groups = new HashSet<>();
        for (Map.Entry<String, ConsumerGroupInfo> e : consumerTable.entrySet()) {
            if (e.getValue().getSubscriptionTable().containsKey(topic)) {
                groups.add(e.getKey());
            }
        }
        return groups;
    }
}
