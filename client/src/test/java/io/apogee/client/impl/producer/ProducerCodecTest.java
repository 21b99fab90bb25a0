package io.apogee.client.impl.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Inflater;

import io.apogee.client.producer.MessageBatchSplitter;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageBatch;
import io.apogee.common.message.MessageClientIDSetter;
import org.junit.jupiter.api.Test;

class ProducerCodecTest {
    @Test
    void batchRecordMatchesTheVerifiedLayout() {
        Message m = new Message("T", "TagA", "k1 k2", "hi".getBytes(StandardCharsets.UTF_8));
        byte[] encoded = MessageBatch.generateFromList(List.of(m)).encode();
        // protocol.md §4.6: 54 bytes, header then body then int16 properties length (30)
        assertThat(encoded).hasSize(54);
        assertThat(HexFormat.of().formatHex(encoded, 0, 22)).isEqualTo("00000036000000000000000000000000000000026869");
        assertThat(HexFormat.of().formatHex(encoded, 22, 24)).isEqualTo("001e");
    }

    @Test
    void batchRulesAreEnforced() {
        Message a = new Message("T1", "x".getBytes(StandardCharsets.UTF_8));
        Message b = new Message("T2", "y".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(a, b))).isInstanceOf(UnsupportedOperationException.class);
        Message delayed = new Message("T1", "z".getBytes(StandardCharsets.UTF_8));
        delayed.setDelayTimeLevel(3);
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(a, delayed))).isInstanceOf(UnsupportedOperationException.class);
        Message retry = new Message("%RETRY%G", "z".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(retry))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void compressionIsZlibLevel5AndRoundTrips() throws Exception {
        byte[] src = "hello hello hello hello hello hello".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] z = DefaultMQProducerImpl.compress(src, 5);
        assertThat(z[0]).isEqualTo((byte) 0x78);
        assertThat(z[1]).isEqualTo((byte) 0x5e);
        Inflater inf = new Inflater();
        inf.setInput(z);
        byte[] out = new byte[src.length];
        assertThat(inf.inflate(out)).isEqualTo(src.length);
        assertThat(out).isEqualTo(src);
    }

    @Test
    void uniqueIdsAreUppercaseHexAndDistinct() {
        String a = MessageClientIDSetter.createUniqID();
        String b = MessageClientIDSetter.createUniqID();
        assertThat(a).matches("[0-9A-F]+").isNotEqualTo(b);
        assertThat(a.length()).isIn(32, 56);
    }

    @Test
    void splitterKeepsBatchesUnderTheLimit() {
        List<Message> msgs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            msgs.add(new Message("T", new byte[1000]));
        }
        int total = 0;
        for (List<Message> part : new MessageBatchSplitter(msgs, 10_000)) {
            int size = part.stream().mapToInt(MessageBatchSplitter::estimateSize).sum();
            assertThat(size).isLessThanOrEqualTo(10_000);
            total += part.size();
        }
        assertThat(total).isEqualTo(100);
    }

    @Test
    void latencyFaultToleranceAvoidsSlowBrokers() {
        LatencyFaultTolerance f = new LatencyFaultTolerance();
        f.updateFaultItem("slow", 3000, false);
        f.updateFaultItem("fast", 10, false);
        assertThat(f.isAvailable("slow")).isFalse();
        assertThat(f.isAvailable("fast")).isTrue();
        assertThat(f.isAvailable("unknown")).isTrue();
        assertThat(f.pickOneAtLeast()).isEqualTo("fast");
    }
}
