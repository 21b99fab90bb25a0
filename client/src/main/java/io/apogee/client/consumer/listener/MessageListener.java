package io.apogee.client.consumer.listener;

/** Marker of the push consumer's listener kinds: {@link MessageListenerConcurrently} and {@link MessageListenerOrderly}. */
public interface MessageListener {
}
