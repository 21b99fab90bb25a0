package io.apogee.common;

import java.util.concurrent.atomic.AtomicLong;

import io.apogee.common.protocol.RemotingSerializable;

/**
 * Version stamp of a broker's metadata (topics, groups): a wall-clock timestamp plus a counter bumped on
 * every change. JSON: {@code {"counter":5,"timestamp":1700000000000}}. Two versions are equal when both
 * parts are equal; the namesrv uses that to skip re-reading an unchanged topic table.
 */
public class DataVersion extends RemotingSerializable {
    private long timestamp = System.currentTimeMillis();
    private AtomicLong counter = new AtomicLong(0);

    public void assignNewOne(DataVersion other) {
        this.timestamp = other.timestamp;
        this.counter.set(other.counter.get());
    }

    public void nextVersion() {
        this.timestamp = System.currentTimeMillis();
        this.counter.incrementAndGet();
    }

    public long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public AtomicLong getCounter() {
        return counter;
    }

    public void setCounter(AtomicLong counter) {
        this.counter = counter == null ? new AtomicLong(0) : counter;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataVersion)) {
            return false;
        }
        DataVersion that = (DataVersion) o;
        return timestamp == that.timestamp && counter.get() == that.counter.get();
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(timestamp) + Long.hashCode(counter.get());
    }

    @Override
    public String toString() {
        return "DataVersion[timestamp=" + timestamp + ", counter=" + counter + "]";
    }
}
