package io.apogee.example.simple;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.example.ExampleSupport;

/**
 * Push consumer of every TopicTest message (group CID_JODIE_1, from the first offset); runs until Ctrl-C.
 * {@code -Dexample.topic=T} consumes another topic.
 */
public class PushConsumer {
    public static void main(String[] args) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CID_JODIE_1");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(System.getProperty("example.topic", "TopicTest"), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            System.out.printf("%s Receive New Messages: %s %n", Thread.currentThread().getName(), ExampleSupport.format(msgs));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "ConsumerShutdown"));
    }
}
