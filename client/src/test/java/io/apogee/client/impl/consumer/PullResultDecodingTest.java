package io.apogee.client.impl.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.common.filter.FilterAPI;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import org.junit.jupiter.api.Test;

class PullResultDecodingTest {
    /** A stored record in the CommitLog layout (protocol.md §5.1), IPv4 hosts. */
    static byte[] record(long queueOffset, String topic, Map<String, String> props, byte[] body) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] p = MessageDecoder.messageProperties2String(props).getBytes(StandardCharsets.UTF_8);
        int size = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + body.length + 1 + t.length + 2 + p.length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(size).putInt(MessageDecoder.MESSAGE_MAGIC_CODE).putInt(0).putInt(0).putInt(0).putLong(queueOffset)
            .putLong(1000 + queueOffset).putInt(0).putLong(1L)
            .put(new byte[] {127, 0, 0, 1}).putInt(5555).putLong(2L).put(new byte[] {127, 0, 0, 1}).putInt(10911)
            .putInt(0).putLong(0).putInt(body.length).put(body).put((byte) t.length).put(t).putShort((short) p.length).put(p);
        return b.array();
    }

    @Test
    void decodesFiltersByTagAndAnnotates() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(5, "T", Map.of(MessageConst.PROPERTY_TAGS, "A", MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
            "AC110001000078308DB1769E1BA30000"), "a".getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(record(6, "T", Map.of(MessageConst.PROPERTY_TAGS, "B"), "b".getBytes(StandardCharsets.UTF_8)));
        PullResultExt raw = new PullResultExt(PullStatus.FOUND, 7, 0, 7, null, 0, out.toByteArray());
        PullAPIWrapper wrapper = new PullAPIWrapper(null, "G");
        MessageQueue mq = new MessageQueue("T", "broker-a", 0);
        PullResult result = wrapper.processPullResult(mq, raw, FilterAPI.buildSubscriptionData("T", "A"));
        List<MessageExt> msgs = result.getMsgFoundList();
        assertThat(msgs).hasSize(1);
        MessageExt m = msgs.get(0);
        assertThat(m.getQueueOffset()).isEqualTo(5);
        assertThat(m.getMsgId()).isEqualTo("AC110001000078308DB1769E1BA30000");
        assertThat(m.getBrokerName()).isEqualTo("broker-a");
        assertThat(m.getProperty(MessageConst.PROPERTY_MAX_OFFSET)).isEqualTo("7");
        assertThat(m.getProperty(MessageConst.PROPERTY_MIN_OFFSET)).isEqualTo("0");
        assertThat(wrapper.recalculatePullFromWhichNode(mq)).isZero();

        PullResult all = new PullAPIWrapper(null, "G").processPullResult(mq,
            new PullResultExt(PullStatus.FOUND, 7, 0, 7, null, 0, out.toByteArray()), FilterAPI.buildSubscriptionData("T", "*"));
        assertThat(all.getMsgFoundList()).hasSize(2);
        assertThat(all.getMsgFoundList().get(1).getMsgId()).hasSize(32); // offset id: no UNIQ_KEY
    }
}
