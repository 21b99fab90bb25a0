package io.apogee.client.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.apogee.client.producer.LocalTransactionState;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The EndTransaction context a producer hands to its dispatcher holds what the 4.9.7 client's hook records. */
class EndTransactionTraceTest {
    private final List<TraceContext> appended = new CopyOnWriteArrayList<>();
    private final AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher("PG-tx", AsyncTraceDispatcher.Type.PRODUCE, null, null) {
        @Override
        public boolean append(TraceContext ctx) {
            appended.add(ctx);
            return true;
        }
    };

    private static Message txMessage(String topic) {
        Message m = new Message(topic, "TagTx", "k1 k2", new byte[] {1, 2, 3});
        m.setTransactionId("UNIQ-1");
        return m;
    }

    @Test
    void recordsEveryEndOfTransactionAsTransMsgCommit() {
        long before = System.currentTimeMillis();
        MessageTracer.endTransaction(dispatcher, "PG-tx", txMessage("TopicTx"), "MSGID-1", "127.0.0.1:10911",
            LocalTransactionState.ROLLBACK_MESSAGE, false);

        assertThat(appended).hasSize(1);
        TraceContext ctx = appended.get(0);
        assertThat(ctx.getTraceType()).isEqualTo(TraceType.EndTransaction);
        assertThat(ctx.getGroupName()).isEqualTo("PG-tx");
        assertThat(ctx.getRegionId()).isEqualTo(TraceConstants.DEFAULT_REGION);
        assertThat(ctx.getTimeStamp()).isBetween(before, System.currentTimeMillis());
        assertThat(ctx.getTraceBeans()).hasSize(1);
        TraceBean b = ctx.getTraceBeans().get(0);
        assertThat(b.getTopic()).isEqualTo("TopicTx");
        assertThat(b.getTags()).isEqualTo("TagTx");
        assertThat(b.getKeys()).isEqualTo("k1 k2");
        assertThat(b.getMsgId()).isEqualTo("MSGID-1");
        assertThat(b.getStoreHost()).isEqualTo("127.0.0.1:10911");
        // the 4.9.7 hook writes Trans_msg_Commit even for a rollback or an unknown outcome
        assertThat(b.getMsgType()).isEqualTo(TraceMessageType.Trans_msg_Commit);
        assertThat(b.getTransactionId()).isEqualTo("UNIQ-1");
        assertThat(b.getTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(b.isFromTransactionCheck()).isFalse();
        assertThat(TraceDataEncoder.encoderFromContextBean(ctx).getTransKey()).containsExactlyInAnyOrder("MSGID-1", "k1", "k2");
    }

    @Test
    void checkBackKeepsTheRegionOfTheStoredMessage() {
        Message m = txMessage("TopicTx");
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_MSG_REGION, "RegionB");
        MessageTracer.endTransaction(dispatcher, "PG-tx", m, "MSGID-2", "127.0.0.1:10911", LocalTransactionState.COMMIT_MESSAGE, true);

        assertThat(appended).singleElement().satisfies(ctx -> {
            assertThat(ctx.getRegionId()).isEqualTo("RegionB");
            assertThat(ctx.getTraceBeans().get(0).isFromTransactionCheck()).isTrue();
            assertThat(ctx.getTraceBeans().get(0).getTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        });
    }

    @Test
    void messagesOfTheTraceTopicAndMissingDispatchersAreNotTraced() {
        MessageTracer.endTransaction(dispatcher, "PG-tx", txMessage(TraceConstants.TRACE_TOPIC), "MSGID-3", "127.0.0.1:10911",
            LocalTransactionState.COMMIT_MESSAGE, false);
        MessageTracer.endTransaction(null, "PG-tx", txMessage("TopicTx"), "MSGID-4", "127.0.0.1:10911",
            LocalTransactionState.COMMIT_MESSAGE, false);
        assertThat(appended).isEmpty();
    }
}
