package io.apogee.example.batch;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.MessageBatchSplitter;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A large batch (100,000 messages to BatchTest by default, {@code -Dexample.count=N}) cut into parts under
 * 1 MiB with {@link MessageBatchSplitter}; each part is one send and prints its SendResult.
 */
public class SplitBatchProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("BatchProducerGroupName");
        producer.start();
        int count = ExampleSupport.intProp("example.count", 100 * 1000);
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(new Message("BatchTest", "Tag", "OrderID" + i, ("Hello world " + i).getBytes(StandardCharsets.UTF_8)));
        }
        for (List<Message> part : new MessageBatchSplitter(messages, 1024 * 1024)) {
            System.out.printf("%s%n", producer.send(part));
        }
        producer.shutdown();
    }
}
