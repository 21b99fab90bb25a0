package io.apogee.store;

/** A consumer of dispatched CommitLog records (ConsumeQueue builder, index builder, broker extensions). */
public interface CommitLogDispatcher {
    void dispatch(DispatchRequest request);
}
