package io.apogee.broker.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.common.protocol.body.ProducerInfo;
import io.apogee.common.protocol.body.ProducerTableInfo;
import io.apogee.remoting.common.RemotingHelper;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Producer groups and their live connections (used by producerConnection and transaction checks). */
public class ProducerManager {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");

    private final ConcurrentMap<String, ConcurrentMap<Channel, ClientChannelInfo>> groupChannelTable = new ConcurrentHashMap<>();
    private final long channelExpiredTimeout;

    public ProducerManager(long channelExpiredTimeout) {
        this.channelExpiredTimeout = channelExpiredTimeout;
    }

    public ConcurrentMap<String, ConcurrentMap<Channel, ClientChannelInfo>> getGroupChannelTable() {
        return groupChannelTable;
    }

    public void registerProducer(String group, ClientChannelInfo info) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groupChannelTable.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientChannelInfo old = channels.putIfAbsent(info.getChannel(), info);
        if (old != null) {
            old.setLastUpdateTimestamp(System.currentTimeMillis());
        } else {
            log.info("new producer connected, group {} channel {}", group, RemotingHelper.parseChannelRemoteAddr(info.getChannel()));
        }
    }

    public void unregisterProducer(String group, ClientChannelInfo info) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groupChannelTable.get(group);
        if (channels != null && channels.remove(info.getChannel()) != null && channels.isEmpty()) {
            groupChannelTable.remove(group, channels);
        }
    }

    public void doChannelCloseEvent(String remoteAddr, Channel channel) {
        for (Map.Entry<String, ConcurrentMap<Channel, ClientChannelInfo>> e : groupChannelTable.entrySet()) {
            if (e.getValue().remove(channel) != null && e.getValue().isEmpty()) {
                groupChannelTable.remove(e.getKey(), e.getValue());
            }
        }
    }

    public void scanNotActiveChannel() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, ConcurrentMap<Channel, ClientChannelInfo>> e : groupChannelTable.entrySet()) {
            for (Iterator<ClientChannelInfo> it = e.getValue().values().iterator(); it.hasNext(); ) {
                ClientChannelInfo c = it.next();
                if (now - c.getLastUpdateTimestamp() > channelExpiredTimeout) {
                    log.warn("producer channel {} of group {} expired, closing it", RemotingHelper.parseChannelRemoteAddr(c.getChannel()), e.getKey());
                    c.getChannel().close();
                    it.remove();
                }
            }
            if (e.getValue().isEmpty()) {
                groupChannelTable.remove(e.getKey(), e.getValue());
            }
        }
    }

    public Channel getAvailableChannel(String group) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groupChannelTable.get(group);
        if (channels == null) {
            return null;
        }
        for (Channel c : channels.keySet()) {
            if (c.isActive() && c.isWritable()) {
                return c;
            }
        }
        return null;
    }

    /** Every group with its connections (GET_ALL_PRODUCER_INFO). */
    public ProducerTableInfo getProducerTable() {
        Map<String, List<ProducerInfo>> data = new HashMap<>();
        for (Map.Entry<String, ConcurrentMap<Channel, ClientChannelInfo>> e : groupChannelTable.entrySet()) {
            List<ProducerInfo> infos = new ArrayList<>();
            for (ClientChannelInfo c : e.getValue().values()) {
                // remoteIP as RocketMQ fills it: the socket address's toString(), "/127.0.0.1:54321"
                infos.add(new ProducerInfo(c.getClientId(), String.valueOf(c.getChannel().remoteAddress()),
                    c.getLanguage() == null ? null : c.getLanguage().name(), c.getVersion(), c.getLastUpdateTimestamp()));
            }
            if (!infos.isEmpty()) {
                data.put(e.getKey(), infos);
            }
        }
        return new ProducerTableInfo(data);
    }
}
