package io.apogee.broker.longpolling;

import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageFilter;
import io.netty.channel.Channel;

/** A parked PULL_MESSAGE waiting for a message at or beyond {@code pullFromThisOffset}. */
public record PullRequest(RemotingCommand request, Channel channel, long timeoutMillis, long suspendTimestamp,
                          long pullFromThisOffset, SubscriptionData subscriptionData, MessageFilter messageFilter) {
}
