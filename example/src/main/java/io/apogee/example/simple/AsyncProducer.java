package io.apogee.example.simple;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.example.ExampleSupport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous send: 100 messages to TopicTest; each callback prints {@code index OK SendResult} or
 * {@code index Exception reason}. Waits up to 5 s for the callbacks, then shuts down.
 */
public class AsyncProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.setRetryTimesWhenSendAsyncFailed(0);
        producer.start();
        int count = ExampleSupport.intProp("example.count", 100);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Message msg = new Message("TopicTest", "TagA", "OrderID188", ("Hello world " + i).getBytes(StandardCharsets.UTF_8));
            producer.send(msg, new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    System.out.printf("%-10d OK %s %n", index, sendResult.getMsgId());
                    done.countDown();
                }

                @Override
                public void onException(Throwable e) {
                    System.out.printf("%-10d Exception %s %n", index, e);
                    done.countDown();
                }
            });
        }
        done.await(5, TimeUnit.SECONDS);
        producer.shutdown();
    }
}
