package io.apogee.client.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.apogee.common.message.Message;

/**
 * Splits a large list of messages into batches whose encoded size stays under a limit (default 4 MiB,
 * the broker's maxMessageSize), for {@code DefaultMQProducer.send(Collection)}:
 * <pre>{@code for (List<Message> part : new MessageBatchSplitter(messages)) producer.send(part); }</pre>
 * A single message bigger than the limit travels alone (the broker will judge it).
 */
public class MessageBatchSplitter implements Iterable<List<Message>> {
    public static final int DEFAULT_SIZE_LIMIT = 4 * 1024 * 1024;
    private static final int LOG_OVERHEAD = 20;
    private final List<Message> messages;
    private final int sizeLimit;

    public MessageBatchSplitter(List<Message> messages) {
        this(messages, DEFAULT_SIZE_LIMIT);
    }

    public MessageBatchSplitter(List<Message> messages, int sizeLimit) {
        this.messages = messages;
        this.sizeLimit = sizeLimit;
    }

    /** Bytes a message takes in a batch body, plus the per-message overhead the broker adds. */
    public static int estimateSize(Message m) {
        int size = m.getTopic().length() + (m.getBody() == null ? 0 : m.getBody().length);
        for (Map.Entry<String, String> e : m.getProperties().entrySet()) {
            size += e.getKey().length() + e.getValue().length() + 2;
        }
        return size + LOG_OVERHEAD + 64; // 64: the UNIQ_KEY the producer will add
    }

    @Override
    public Iterator<List<Message>> iterator() {
        return new Iterator<>() {
            private int index = 0;

            @Override
            public boolean hasNext() {
                return index < messages.size();
            }

            @Override
            public List<Message> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Message> part = new ArrayList<>();
                int total = 0;
                while (index < messages.size()) {
                    int size = estimateSize(messages.get(index));
                    if (!part.isEmpty() && total + size > sizeLimit) {
                        break;
                    }
                    part.add(messages.get(index++));
                    total += size;
                }
                return part;
            }
        };
    }
}
