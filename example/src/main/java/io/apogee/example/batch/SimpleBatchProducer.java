package io.apogee.example.batch;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch send: three messages to BatchTest (tag Tag, keys OrderID001..003) in one request. A batch must
 * share its topic and may not carry delayed or transactional messages; the whole batch should stay
 * under the broker's maxMessageSize (4 MiB) - {@link SplitBatchProducer} shows how to split a big list.
 */
public class SimpleBatchProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("BatchProducerGroupName");
        producer.start();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(new Message("BatchTest", "Tag", String.format("OrderID%03d", i + 1),
                ("Hello world " + i).getBytes(StandardCharsets.UTF_8)));
        }
        System.out.printf("%s%n", producer.send(messages));
        producer.shutdown();
    }
}
