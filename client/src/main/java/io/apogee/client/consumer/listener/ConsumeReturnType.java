package io.apogee.client.consumer.listener;

/** How a listener call ended, for hooks and running info. */
public enum ConsumeReturnType {
    SUCCESS,
    TIME_OUT,
    EXCEPTION,
    RETURNNULL,
    FAILED,
}
