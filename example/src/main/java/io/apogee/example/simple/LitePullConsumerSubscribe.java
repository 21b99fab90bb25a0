package io.apogee.example.simple;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.common.message.MessageExt;
import io.apogee.example.ExampleSupport;
import java.util.List;

/**
 * Lite pull, subscribe mode: group lite_pull_consumer_test subscribes to TopicTest (queues balanced across
 * the group's members, offsets committed automatically) and prints every non-empty {@code poll()} result
 * until Ctrl-C. {@code -Dexample.topic=T} reads another topic.
 */
public class LitePullConsumerSubscribe {
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        DefaultLitePullConsumer litePullConsumer = new DefaultLitePullConsumer("lite_pull_consumer_test");
        litePullConsumer.subscribe(System.getProperty("example.topic", "TopicTest"), "*");
        litePullConsumer.setPullBatchSize(20);
        litePullConsumer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running = false;
            litePullConsumer.shutdown(); // persists the committed offsets
        }, "LitePullShutdown"));
        while (running) {
            List<MessageExt> messageExts = litePullConsumer.poll();
            if (!messageExts.isEmpty()) {
                System.out.printf("%s%n", ExampleSupport.format(messageExts));
            }
        }
    }
}

