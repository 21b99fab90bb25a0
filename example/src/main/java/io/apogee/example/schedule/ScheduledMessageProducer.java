package io.apogee.example.schedule;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/**
 * Delayed delivery: 100 messages to TestTopic with delay level 3 (10 s with the default
 * {@code messageDelayLevel}); the broker parks them in SCHEDULE_TOPIC_XXXX and delivers them when due.
 * Run {@link ScheduledMessageConsumer} to see how late they arrive. {@code -Dexample.count=N},
 * {@code -Dexample.delayLevel=L} change the count and level.
 */
public class ScheduledMessageProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ExampleProducerGroup");
        producer.start();
        int count = ExampleSupport.intProp("example.count", 100);
        int level = ExampleSupport.intProp("example.delayLevel", 3);
        for (int i = 0; i < count; i++) {
            Message message = new Message("TestTopic", ("Hello scheduled message " + i).getBytes(StandardCharsets.UTF_8));
            message.setDelayTimeLevel(level);
            System.out.printf("%s%n", producer.send(message));
        }
        producer.shutdown();
    }
}
