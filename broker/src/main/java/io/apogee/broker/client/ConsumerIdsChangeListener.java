package io.apogee.broker.client;

import java.util.List;

import io.netty.channel.Channel;

/** Told when a consumer group's membership changes, with the channels to notify. */
public interface ConsumerIdsChangeListener {
    void consumerIdsChanged(String group, List<Channel> channels);
}
