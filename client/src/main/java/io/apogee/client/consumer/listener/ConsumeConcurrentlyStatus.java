package io.apogee.client.consumer.listener;

/** Verdict of a concurrent listener on a batch. */
public enum ConsumeConcurrentlyStatus {
    CONSUME_SUCCESS,
    RECONSUME_LATER,
}
