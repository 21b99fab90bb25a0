package io.apogee.example.simple;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/** One-way send (no response awaited, e.g. for logs): 100 messages to TopicTest, tag TagA. */
public class OnewayProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ProducerGroupName");
        producer.start();
        int count = ExampleSupport.intProp("example.count", 100);
        for (int i = 0; i < count; i++) {
            producer.sendOneway(new Message("TopicTest", "TagA", ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Thread.sleep(1000); // give the last requests time to leave before the channel closes
        producer.shutdown();
        System.out.printf("%d messages sent one-way%n", count);
    }
}
