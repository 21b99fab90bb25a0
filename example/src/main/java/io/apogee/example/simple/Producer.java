package io.apogee.example.simple;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/** Synchronous send: 128 messages (tag TagA, key OrderID188) to TopicTest, one SendResult per line. */
public class Producer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ProducerGroupName");
        producer.start();
        int count = ExampleSupport.intProp("example.count", 128);
        for (int i = 0; i < count; i++) {
            Message msg = new Message("TopicTest", "TagA", "OrderID188", ("Hello world " + i).getBytes(StandardCharsets.UTF_8));
            System.out.printf("%s%n", producer.send(msg));
        }
        producer.shutdown();
    }
}
