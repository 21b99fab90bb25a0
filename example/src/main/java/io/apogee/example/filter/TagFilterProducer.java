package io.apogee.example.filter;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/** 60 messages to TagFilterTest, tags TagA, TagB, TagC in turn; see {@link TagFilterConsumer}. */
public class TagFilterProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        String[] tags = {"TagA", "TagB", "TagC"};
        int count = ExampleSupport.intProp("example.count", 60);
        for (int i = 0; i < count; i++) {
            Message msg = new Message("TagFilterTest", tags[i % tags.length],
                ("Hello world " + i).getBytes(StandardCharsets.UTF_8));
            System.out.printf("%s%n", producer.send(msg));
        }
        producer.shutdown();
    }
}
