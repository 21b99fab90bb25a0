package io.apogee.example.ordermessage;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.example.ExampleSupport;

/**
 * Orderly consumer of TopicTest (tags TagA, TagC, TagD): each queue is locked to one thread at a time,
 * so messages of one queue are printed in queue order. Runs until Ctrl-C.
 */
public class Consumer {
    public static void main(String[] args) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("please_rename_unique_group_name_3");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("TopicTest", "TagA || TagC || TagD");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, context) -> {
            context.setAutoCommit(true);
            System.out.printf("%s Receive New Messages: %s %n", Thread.currentThread().getName(), ExampleSupport.format(msgs));
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "ConsumerShutdown"));
    }
}
