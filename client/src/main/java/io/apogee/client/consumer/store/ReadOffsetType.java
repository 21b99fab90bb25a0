package io.apogee.client.consumer.store;

/** Where an offset store reads from. */
public enum ReadOffsetType {
    READ_FROM_MEMORY,
    READ_FROM_STORE,
    MEMORY_FIRST_THEN_STORE,
}
