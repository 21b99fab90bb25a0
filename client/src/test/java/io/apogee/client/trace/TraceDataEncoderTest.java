package io.apogee.client.trace;

import java.util.List;

import org.apache.rocketmq.client.trace.TraceTransferBean;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace records must be byte-identical to what the official 4.9.7 client writes, and read back what it writes. */
class TraceDataEncoderTest {

    private static org.apache.rocketmq.client.trace.TraceBean officialBean(String msgId, String keys) {
        org.apache.rocketmq.client.trace.TraceBean b = new org.apache.rocketmq.client.trace.TraceBean();
        b.setTopic("TopicTest");
        b.setMsgId(msgId);
        b.setOffsetMsgId("7F00000100002A9F0000000000000ABC");
        b.setTags("TagA");
        b.setKeys(keys);
        b.setStoreHost("127.0.0.1:10911");
        b.setBodyLength(42);
        b.setRetryTimes(2);
        b.setMsgType(MessageType.Delay_Msg);
        return b;
    }

    private static TraceBean ourBean(String msgId, String keys) {
        TraceBean b = new TraceBean();
        b.setTopic("TopicTest");
        b.setMsgId(msgId);
        b.setOffsetMsgId("7F00000100002A9F0000000000000ABC");
        b.setTags("TagA");
        b.setKeys(keys);
        b.setStoreHost("127.0.0.1:10911");
        b.setBodyLength(42);
        b.setRetryTimes(2);
        b.setMsgType(TraceMessageType.Delay_Msg);
        return b;
    }

    private static org.apache.rocketmq.client.trace.TraceContext officialContext(TraceType type, boolean twoBeans) {
        org.apache.rocketmq.client.trace.TraceContext c = new org.apache.rocketmq.client.trace.TraceContext();
        c.setTraceType(type);
        c.setTimeStamp(1_700_000_000_123L);
        c.setRegionId("DefaultRegion");
        c.setGroupName("PG-trace");
        c.setCostTime(17);
        c.setSuccess(false);
        c.setRequestId("REQ0001");
        c.setContextCode(4);
        c.setAccessChannel(org.apache.rocketmq.client.AccessChannel.LOCAL);
        c.setTraceBeans(new java.util.ArrayList<>());
        c.getTraceBeans().add(officialBean("MSGID-1", "k1 k2"));
        if (twoBeans) {
            c.getTraceBeans().add(officialBean("MSGID-2", ""));
        }
        return c;
    }

    private static TraceContext ourContext(io.apogee.client.trace.TraceType type, boolean twoBeans) {
        TraceContext c = new TraceContext();
        c.setTraceType(type);
        c.setTimeStamp(1_700_000_000_123L);
        c.setRegionId("DefaultRegion");
        c.setGroupName("PG-trace");
        c.setCostTime(17);
        c.setSuccess(false);
        c.setRequestId("REQ0001");
        c.setContextCode(4);
        c.getTraceBeans().add(ourBean("MSGID-1", "k1 k2"));
        if (twoBeans) {
            c.getTraceBeans().add(ourBean("MSGID-2", ""));
        }
        return c;
    }

    private static void assertSameEncoding(TraceType official, io.apogee.client.trace.TraceType ours, boolean twoBeans) {
        TraceTransferBean expected = org.apache.rocketmq.client.trace.TraceDataEncoder
            .encoderFromContextBean(officialContext(official, twoBeans));
        io.apogee.client.trace.TraceTransferBean actual = TraceDataEncoder.encoderFromContextBean(ourContext(ours, twoBeans));
        assertThat(actual.getTransData()).isEqualTo(expected.getTransData());
        assertThat(actual.getTransKey()).containsExactlyInAnyOrderElementsOf(expected.getTransKey());
    }

    @Test
    void pubMatchesOfficial() {
        assertSameEncoding(TraceType.Pub, io.apogee.client.trace.TraceType.Pub, false);
    }

    @Test
    void subBeforeMatchesOfficial() {
        assertSameEncoding(TraceType.SubBefore, io.apogee.client.trace.TraceType.SubBefore, true);
    }

    @Test
    void subAfterMatchesOfficial() {
        assertSameEncoding(TraceType.SubAfter, io.apogee.client.trace.TraceType.SubAfter, true);
    }

    @Test
    void separatorsAreControlCharacters() {
        String data = TraceDataEncoder.encoderFromContextBean(ourContext(io.apogee.client.trace.TraceType.Pub, false)).getTransData();
        assertThat(data).startsWith("Pub\u00011700000000123\u0001DefaultRegion\u0001PG-trace\u0001TopicTest\u0001MSGID-1\u0001").endsWith("false\u0002");
    }

    @Test
    void decodesOfficialRecords() {
        StringBuilder body = new StringBuilder();
        for (TraceType t : new TraceType[] {TraceType.Pub, TraceType.SubBefore, TraceType.SubAfter}) {
            body.append(org.apache.rocketmq.client.trace.TraceDataEncoder.encoderFromContextBean(officialContext(t, false)).getTransData());
        }
        List<TraceContext> decoded = TraceDataEncoder.decoderFromTraceDataString(body.toString());
        assertThat(decoded).hasSize(3);

        TraceContext pub = decoded.get(0);
        assertThat(pub.getTraceType()).isEqualTo(io.apogee.client.trace.TraceType.Pub);
        assertThat(pub.getTimeStamp()).isEqualTo(1_700_000_000_123L);
        assertThat(pub.getGroupName()).isEqualTo("PG-trace");
        assertThat(pub.getCostTime()).isEqualTo(17);
        assertThat(pub.isSuccess()).isFalse();
        TraceBean pb = pub.getTraceBeans().get(0);
        assertThat(pb.getTopic()).isEqualTo("TopicTest");
        assertThat(pb.getMsgId()).isEqualTo("MSGID-1");
        assertThat(pb.getKeys()).isEqualTo("k1 k2");
        assertThat(pb.getStoreHost()).isEqualTo("127.0.0.1:10911");
        assertThat(pb.getBodyLength()).isEqualTo(42);
        assertThat(pb.getMsgType()).isEqualTo(TraceMessageType.Delay_Msg);
        assertThat(pb.getOffsetMsgId()).isEqualTo("7F00000100002A9F0000000000000ABC");

        TraceContext before = decoded.get(1);
        assertThat(before.getTraceType()).isEqualTo(io.apogee.client.trace.TraceType.SubBefore);
        assertThat(before.getRequestId()).isEqualTo("REQ0001");
        assertThat(before.getTraceBeans().get(0).getRetryTimes()).isEqualTo(2);

        TraceContext after = decoded.get(2);
        assertThat(after.getTraceType()).isEqualTo(io.apogee.client.trace.TraceType.SubAfter);
        assertThat(after.getRequestId()).isEqualTo("REQ0001");
        assertThat(after.getContextCode()).isEqualTo(4);
        assertThat(after.getTimeStamp()).isEqualTo(1_700_000_000_123L);
        assertThat(after.getGroupName()).isEqualTo("PG-trace");
        assertThat(after.getTraceBeans().get(0).getMsgId()).isEqualTo("MSGID-1");
    }

    @Test
    void officialDecoderReadsOurRecords() {
        StringBuilder body = new StringBuilder();
        for (io.apogee.client.trace.TraceType t : new io.apogee.client.trace.TraceType[] {
            io.apogee.client.trace.TraceType.Pub, io.apogee.client.trace.TraceType.SubBefore, io.apogee.client.trace.TraceType.SubAfter}) {
            body.append(TraceDataEncoder.encoderFromContextBean(ourContext(t, false)).getTransData());
        }
        List<org.apache.rocketmq.client.trace.TraceContext> decoded =
            org.apache.rocketmq.client.trace.TraceDataEncoder.decoderFromTraceDataString(body.toString());
        assertThat(decoded).extracting(org.apache.rocketmq.client.trace.TraceContext::getTraceType)
            .containsExactly(TraceType.Pub, TraceType.SubBefore, TraceType.SubAfter);
        assertThat(decoded.get(0).getTraceBeans().get(0).getMsgId()).isEqualTo("MSGID-1");
    }

    /** An EndTransaction context as the 4.9.7 EndTransactionTraceHookImpl fills it. */
    private static org.apache.rocketmq.client.trace.TraceContext officialEndTransaction(
        org.apache.rocketmq.client.producer.LocalTransactionState state, boolean fromCheck) {
        org.apache.rocketmq.client.trace.TraceContext c = new org.apache.rocketmq.client.trace.TraceContext();
        c.setTraceType(TraceType.EndTransaction);
        c.setTimeStamp(1_700_000_000_456L);
        c.setRegionId("DefaultRegion");
        c.setGroupName("PG-tx");
        org.apache.rocketmq.client.trace.TraceBean b = officialBean("MSGID-TX", "tk1 tk2");
        b.setMsgType(MessageType.Trans_msg_Commit);
        b.setTransactionId("TXID-1");
        b.setTransactionState(state);
        b.setFromTransactionCheck(fromCheck);
        c.setTraceBeans(new java.util.ArrayList<>(List.of(b)));
        return c;
    }

    private static TraceContext ourEndTransaction(io.apogee.client.producer.LocalTransactionState state, boolean fromCheck) {
        TraceContext c = new TraceContext();
        c.setTraceType(io.apogee.client.trace.TraceType.EndTransaction);
        c.setTimeStamp(1_700_000_000_456L);
        c.setRegionId("DefaultRegion");
        c.setGroupName("PG-tx");
        TraceBean b = ourBean("MSGID-TX", "tk1 tk2");
        b.setMsgType(TraceMessageType.Trans_msg_Commit);
        b.setTransactionId("TXID-1");
        b.setTransactionState(state);
        b.setFromTransactionCheck(fromCheck);
        c.getTraceBeans().add(b);
        return c;
    }

    @Test
    void endTransactionMatchesOfficialForEveryStateAndOrigin() {
        for (io.apogee.client.producer.LocalTransactionState state : io.apogee.client.producer.LocalTransactionState.values()) {
            for (boolean fromCheck : new boolean[] {false, true}) {
                TraceTransferBean expected = org.apache.rocketmq.client.trace.TraceDataEncoder.encoderFromContextBean(
                    officialEndTransaction(org.apache.rocketmq.client.producer.LocalTransactionState.valueOf(state.name()), fromCheck));
                io.apogee.client.trace.TraceTransferBean actual =
                    TraceDataEncoder.encoderFromContextBean(ourEndTransaction(state, fromCheck));
                assertThat(actual.getTransData()).as(state + " fromCheck=" + fromCheck).isEqualTo(expected.getTransData());
                assertThat(actual.getTransKey()).containsExactlyInAnyOrderElementsOf(expected.getTransKey());
            }
        }
        assertThat(TraceDataEncoder.encoderFromContextBean(
            ourEndTransaction(io.apogee.client.producer.LocalTransactionState.COMMIT_MESSAGE, true)).getTransData())
            .isEqualTo("EndTransaction\u00011700000000456\u0001DefaultRegion\u0001PG-tx\u0001TopicTest\u0001MSGID-TX"
                + "\u0001TagA\u0001tk1 tk2\u0001127.0.0.1:10911\u00012\u0001TXID-1\u0001COMMIT_MESSAGE\u0001true\u0002");
    }

    @Test
    void officialDecoderReadsOurEndTransactionRecord() {
        String data = TraceDataEncoder.encoderFromContextBean(
            ourEndTransaction(io.apogee.client.producer.LocalTransactionState.ROLLBACK_MESSAGE, true)).getTransData();
        List<org.apache.rocketmq.client.trace.TraceContext> decoded =
            org.apache.rocketmq.client.trace.TraceDataEncoder.decoderFromTraceDataString(data);
        assertThat(decoded).hasSize(1);
        org.apache.rocketmq.client.trace.TraceContext ctx = decoded.get(0);
        assertThat(ctx.getTraceType()).isEqualTo(TraceType.EndTransaction);
        assertThat(ctx.getTimeStamp()).isEqualTo(1_700_000_000_456L);
        assertThat(ctx.getRegionId()).isEqualTo("DefaultRegion");
        assertThat(ctx.getGroupName()).isEqualTo("PG-tx");
        org.apache.rocketmq.client.trace.TraceBean b = ctx.getTraceBeans().get(0);
        assertThat(b.getTopic()).isEqualTo("TopicTest");
        assertThat(b.getMsgId()).isEqualTo("MSGID-TX");
        assertThat(b.getTags()).isEqualTo("TagA");
        assertThat(b.getKeys()).isEqualTo("tk1 tk2");
        assertThat(b.getStoreHost()).isEqualTo("127.0.0.1:10911");
        assertThat(b.getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
        assertThat(b.getTransactionId()).isEqualTo("TXID-1");
        assertThat(b.getTransactionState()).isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(b.isFromTransactionCheck()).isTrue();
    }

    @Test
    void decodesOfficialEndTransactionRecord() {
        String data = org.apache.rocketmq.client.trace.TraceDataEncoder.encoderFromContextBean(
            officialEndTransaction(org.apache.rocketmq.client.producer.LocalTransactionState.UNKNOW, false)).getTransData();
        List<TraceContext> decoded = TraceDataEncoder.decoderFromTraceDataString(data);
        assertThat(decoded).hasSize(1);
        TraceBean b = decoded.get(0).getTraceBeans().get(0);
        assertThat(decoded.get(0).getTraceType()).isEqualTo(io.apogee.client.trace.TraceType.EndTransaction);
        assertThat(b.getMsgType()).isEqualTo(TraceMessageType.Trans_msg_Commit);
        assertThat(b.getTransactionId()).isEqualTo("TXID-1");
        assertThat(b.getTransactionState()).isEqualTo(io.apogee.client.producer.LocalTransactionState.UNKNOW);
        assertThat(b.isFromTransactionCheck()).isFalse();
    }

    @Test
    void fullQueueDropsWithoutBlocking() {
        AsyncTraceDispatcher d = new AsyncTraceDispatcher("G", AsyncTraceDispatcher.Type.PRODUCE, null, null, 2);
        assertThat(d.getTraceTopic()).isEqualTo("RMQ_SYS_TRACE_TOPIC");
        // not started: contexts queue up to the capacity, then are dropped without blocking
        assertThat(d.append(ourContext(io.apogee.client.trace.TraceType.Pub, false))).isTrue();
        assertThat(d.append(ourContext(io.apogee.client.trace.TraceType.Pub, false))).isTrue();
        assertThat(d.append(ourContext(io.apogee.client.trace.TraceType.Pub, false))).isFalse();
        assertThat(d.getDroppedCount()).isEqualTo(1);
    }
}
