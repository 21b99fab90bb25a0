package io.apogee.example.filter;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/**
 * 10 messages to SqlFilterTest, tags TagA/TagB/TagC in turn and a user property {@code a = i}, for
 * {@link SqlFilterConsumer}'s SQL92 selector.
 */
public class SqlFilterProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        String[] tags = {"TagA", "TagB", "TagC"};
        int count = ExampleSupport.intProp("example.count", 10);
        for (int i = 0; i < count; i++) {
            Message msg = new Message("SqlFilterTest", tags[i % tags.length],
                ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8));
            msg.putUserProperty("a", String.valueOf(i));
            System.out.printf("%s%n", producer.send(msg));
        }
        producer.shutdown();
    }
}
