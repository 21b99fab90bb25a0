package io.apogee.common.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Several messages of one topic sent in one SEND_BATCH_MESSAGE request; the body is their batch encoding
 * (protocol.md §4.6). The producer checks the rules a batch must follow before building one.
 */
public class MessageBatch extends Message implements Iterable<Message> {
    private final List<Message> messages;

    private MessageBatch(List<Message> messages) {
        this.messages = messages;
    }

    public byte[] encode() {
        return MessageDecoder.encodeMessages(messages);
    }

    @Override
    public Iterator<Message> iterator() {
        return messages.iterator();
    }

    public List<Message> getMessages() {
        return messages;
    }

    /**
     * Builds a batch, enforcing the rules: not empty, one topic, no delay level, no retry topic, one
     * {@code waitStoreMsgOK} value. The batch takes the topic and WAIT flag of its messages.
     */
    public static MessageBatch generateFromList(Collection<? extends Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        List<Message> list = new ArrayList<>(messages.size());
        Message first = null;
        for (Message m : messages) {
            if (m.getDelayTimeLevel() > 0) {
                throw new UnsupportedOperationException("TimeDelayLevel is not supported for batching");
            }
            if (m.getTopic() != null && m.getTopic().startsWith("%RETRY%")) {
                throw new UnsupportedOperationException("Retry Group is not supported for batching");
            }
            if (first == null) {
                first = m;
            } else {
                if (!first.getTopic().equals(m.getTopic())) {
                    throw new UnsupportedOperationException("The topic of the messages in one batch should be the same");
                }
                if (first.isWaitStoreMsgOK() != m.isWaitStoreMsgOK()) {
                    throw new UnsupportedOperationException("The waitStoreMsgOK of the messages in one batch should the same");
                }
            }
            list.add(m);
        }
        MessageBatch batch = new MessageBatch(list);
        batch.setTopic(first.getTopic());
        batch.setWaitStoreMsgOK(first.isWaitStoreMsgOK());
        return batch;
    }
}
