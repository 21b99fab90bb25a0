package io.apogee.example.filter;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import io.apogee.example.ExampleSupport;

/**
 * SQL92 filtering on the broker: receives SqlFilterTest messages tagged TagA or TagB whose property
 * {@code a} is between 0 and 3. The broker needs {@code enablePropertyFilter=true}. Runs until Ctrl-C.
 */
public class SqlFilterConsumer {
    static final String SELECTOR = "(TAGS is not null and TAGS in ('TagA', 'TagB')) and (a is not null and a between 0 and 3)";

    public static void main(String[] args) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("please_rename_unique_group_name");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("SqlFilterTest", MessageSelector.bySql(SELECTOR));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            System.out.printf("%s Receive New Messages: %s %n", Thread.currentThread().getName(), ExampleSupport.format(msgs));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "ConsumerShutdown"));
    }
}
