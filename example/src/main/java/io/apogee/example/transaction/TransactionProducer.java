package io.apogee.example.transaction;

import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transactional messages: 10 half messages to TopicTest1234 (tags TagA..TagE) whose fate
 * {@link TransactionListenerImpl} decides when the broker checks back. Prints every SendResult, then
 * stays up to answer the checks until Ctrl-C ({@code -Dexample.count=N} changes the count).
 */
public class TransactionProducer {
    public static void main(String[] args) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("please_rename_unique_group_name");
        AtomicInteger threads = new AtomicInteger();
        ExecutorService checkExecutor = new ThreadPoolExecutor(2, 5, 100, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
            Thread t = new Thread(r, "client-transaction-msg-check-thread-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        producer.setExecutorService(checkExecutor);
        producer.setTransactionListener(new TransactionListenerImpl());
        producer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(producer::shutdown, "ProducerShutdown"));

        String[] tags = {"TagA", "TagB", "TagC", "TagD", "TagE"};
        int count = ExampleSupport.intProp("example.count", 10);
        for (int i = 0; i < count; i++) {
            try {
                Message msg = new Message("TopicTest1234", tags[i % tags.length], "KEY" + i,
                    ("Hello RocketMQ " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.sendMessageInTransaction(msg, null);
                System.out.printf("%s%n", sendResult);
                Thread.sleep(10);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        Thread.currentThread().join(); // answer check-backs until Ctrl-C
    }
}
