package io.apogee.store;

/** Logger names operators already know from RocketMQ (store.log, storeerror.log). */
public final class StoreLoggers {
    public static final String STORE = "RocketmqStore";
    public static final String STORE_ERROR = "RocketmqStoreError";

    private StoreLoggers() {
    }
}
