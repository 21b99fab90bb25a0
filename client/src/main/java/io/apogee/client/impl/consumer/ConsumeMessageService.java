package io.apogee.client.impl.consumer;

import java.util.List;

import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;

/** Runs the push consumer's listener over pulled messages. */
public interface ConsumeMessageService {
    void start();

    void shutdown(long awaitTerminateMillis);

    void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue, boolean dispatchToConsume);

    int getCorePoolSize();
}
