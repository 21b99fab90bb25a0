package io.apogee.example.simple;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.example.ExampleSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Lite pull, assign mode: takes the first half of TopicTest's queues itself (no rebalancing), starts the
 * first of them at offset 10, prints every non-empty {@code poll()} result and commits by hand after each
 * one, until Ctrl-C. {@code -Dexample.topic=T} reads another topic.
 */
public class LitePullConsumerAssign {
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        DefaultLitePullConsumer litePullConsumer = new DefaultLitePullConsumer("please_rename_unique_group_name");
        litePullConsumer.setAutoCommit(false);
        litePullConsumer.start();
        List<MessageQueue> queues = new ArrayList<>(litePullConsumer.fetchMessageQueues(System.getProperty("example.topic", "TopicTest")));
        queues.sort(null);
        List<MessageQueue> assigned = new ArrayList<>(queues.subList(0, Math.max(1, queues.size() / 2)));
        litePullConsumer.assign(assigned);
        litePullConsumer.seek(assigned.get(0), 10);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running = false;
            litePullConsumer.shutdown(); // persists the committed offsets
        }, "LitePullShutdown"));
        while (running) {
            List<MessageExt> messageExts = litePullConsumer.poll();
            if (!messageExts.isEmpty()) {
                System.out.printf("%s %n", ExampleSupport.format(messageExts));
                litePullConsumer.commitSync();
            }
        }
    }
}

