package io.apogee.common.message;

import java.nio.ByteBuffer;

/**
 * A batch as received from SEND_BATCH_MESSAGE: the body holds the concatenated per-message records of
 * protocol.md §4.6; the store splits them into separate stored messages.
 */
public class MessageExtBatch extends MessageExtBrokerInner {
    private ByteBuffer encodedBuff;

    public ByteBuffer wrap() {
        return ByteBuffer.wrap(getBody());
    }

    public ByteBuffer getEncodedBuff() {
        return encodedBuff;
    }

    public void setEncodedBuff(ByteBuffer encodedBuff) {
        this.encodedBuff = encodedBuff;
    }
}
