package io.apogee.example.quickstart;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;

/**
 * Sends 1000 messages ("Hello RocketMQ i", tag TagA) to TopicTest synchronously and prints each
 * SendResult. The name server comes from NAMESRV_ADDR (or -Drocketmq.namesrv.addr).
 * Optional: -Dexample.count=N to send another number of messages.
 */
public class Producer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        int count = ExampleSupport.intProp("example.count", 1000);
        for (int i = 0; i < count; i++) {
            try {
                Message msg = new Message("TopicTest", "TagA", ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.send(msg);
                System.out.printf("%s%n", sendResult);
            } catch (Exception e) {
                e.printStackTrace();
                Thread.sleep(1000);
            }
        }
        producer.shutdown();
    }
}
