package io.apogee.example.ordermessage;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ordered messages: 100 messages (tags TagA..TagE) to TopicTest, each pinned to a queue by its order id
 * ({@code i % 10}), so the steps of one order arrive in the order they were sent. Prints every SendResult.
 * Pair it with {@link Consumer}. {@code -Dexample.count=N} changes the count.
 */
public class Producer {
    /** Order id modulo the number of queues: all messages of one order land on the same queue. */
    static final MessageQueueSelector BY_ORDER_ID = (List<MessageQueue> mqs, Message msg, Object arg) ->
        mqs.get(Math.floorMod(((Number) arg).intValue(), mqs.size()));

    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        String[] tags = {"TagA", "TagB", "TagC", "TagD", "TagE"};
        int count = ExampleSupport.intProp("example.count", 100);
        for (int i = 0; i < count; i++) {
            int orderId = i % 10;
            Message msg = new Message("TopicTest", tags[i % tags.length], "KEY" + i,
                ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8));
            SendResult sendResult = producer.send(msg, BY_ORDER_ID, orderId);
            System.out.printf("%s%n", sendResult);
        }
        producer.shutdown();
    }
}
