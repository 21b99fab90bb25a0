package io.apogee.common.message;

import java.net.SocketAddress;

/** A decoded offset message id: where the message lives (store host) and its commit-log offset. */
public record MessageId(SocketAddress address, long offset) {
    public SocketAddress getAddress() {
        return address;
    }

    public long getOffset() {
        return offset;
    }
}
