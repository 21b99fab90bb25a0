package io.apogee.client.impl.consumer;

import java.util.List;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.common.message.MessageExt;

/** A pull result as it comes off the wire: still-encoded messages and the broker's suggestion for the next pull. */
public class PullResultExt extends PullResult {
    private final long suggestWhichBrokerId;
    private byte[] messageBinary;

    public PullResultExt(PullStatus pullStatus, long nextBeginOffset, long minOffset, long maxOffset,
                         List<MessageExt> msgFoundList, long suggestWhichBrokerId, byte[] messageBinary) {
        super(pullStatus, nextBeginOffset, minOffset, maxOffset, msgFoundList);
        this.suggestWhichBrokerId = suggestWhichBrokerId;
        this.messageBinary = messageBinary;
    }

    public long getSuggestWhichBrokerId() {
        return suggestWhichBrokerId;
    }

    public byte[] getMessageBinary() {
        return messageBinary;
    }

    public void setMessageBinary(byte[] messageBinary) {
        this.messageBinary = messageBinary;
    }
}
