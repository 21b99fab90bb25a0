package io.apogee.client.impl.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageExt;
import org.junit.jupiter.api.Test;

class ProcessQueueExpiryTest {
    private static MessageExt msg(long offset, Long startedAt) {
        MessageExt m = new MessageExt();
        m.setQueueOffset(offset);
        m.setBody(new byte[] {1});
        if (startedAt != null) {
            MessageAccessor.setConsumeStartTimeStamp(m, Long.toString(startedAt));
        }
        return m;
    }

    @Test
    void onlyAStartedHeadOlderThanTheTimeoutIsExpired() {
        ProcessQueue pq = new ProcessQueue();
        assertThat(pq.expiredHead(1000, 10_000)).isNull();
        MessageExt head = msg(5, 8_000L);
        pq.putMessage(List.of(head, msg(6, null)));
        assertThat(pq.expiredHead(1000, 9_000)).as("started 1000 ms ago: not past the time-out").isNull();
        assertThat(pq.expiredHead(1000, 9_001)).isSameAs(head);
        assertThat(pq.removeMessage(List.of(head))).isEqualTo(6);
        assertThat(pq.expiredHead(1000, 100_000)).as("head not started yet").isNull();
    }
}
