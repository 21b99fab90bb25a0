package io.apogee.store.config;

public enum FlushDiskType {
    SYNC_FLUSH,
    ASYNC_FLUSH
}
