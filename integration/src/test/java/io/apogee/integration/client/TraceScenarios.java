package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.await;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.common.message.Message;
import io.apogee.common.protocol.heartbeat.ConsumeFromWhere;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageType;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;

/**
 * Message trace: a traced producer and push consumer leave Pub, SubBefore and SubAfter records in
 * RMQ_SYS_TRACE_TOPIC, and a traced transaction producer EndTransaction records, found by the msgId key and read
 * with the official 4.9.7 decoder.
 */
interface TraceScenarios extends ScenarioContext {

    @Test
    default void traceRecordsPubSubBeforeAndSubAfter() throws Exception {
        String topic = newTopic(2);
        String producerGroup = group("PGTR");
        String consumerGroup = group("CGTR");
        DefaultMQProducer p = new DefaultMQProducer(producerGroup, true);
        p.setNamesrvAddr(cluster().namesrvAddr());
        p.setInstanceName(instance("trp"));
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(consumerGroup, true);
        c.setNamesrvAddr(cluster().namesrvAddr());
        c.setInstanceName(instance("trc"));
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        CountDownLatch consumed = new CountDownLatch(1);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            consumed.countDown();
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster().namesrvAddr());
        admin.setInstanceName(instance("tradmin"));
        String msgId;
        try {
            p.start();
            SendResult r = p.send(new Message(topic, "TagT", "trace-key", body("traced")));
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            msgId = r.getMsgId();
            c.start();
            await(consumed, "traced message consumed");
            admin.start();

            List<TraceContext> records = traceRecords(admin, msgId,
                types -> types.containsAll(List.of(TraceType.Pub, TraceType.SubBefore, TraceType.SubAfter)));
            TraceContext pub = records.stream().filter(t -> t.getTraceType() == TraceType.Pub).findFirst().orElseThrow();
            assertThat(pub.getGroupName()).isEqualTo(producerGroup);
            assertThat(pub.isSuccess()).isTrue();
            assertThat(pub.getTraceBeans().get(0).getTopic()).isEqualTo(topic);
            assertThat(pub.getTraceBeans().get(0).getTags()).isEqualTo("TagT");
            assertThat(pub.getTraceBeans().get(0).getKeys()).isEqualTo("trace-key");
            assertThat(pub.getTraceBeans().get(0).getOffsetMsgId()).isEqualTo(r.getOffsetMsgId());
            TraceContext before = records.stream().filter(t -> t.getTraceType() == TraceType.SubBefore).findFirst().orElseThrow();
            assertThat(before.getGroupName()).isEqualTo(consumerGroup);
            TraceContext after = records.stream().filter(t -> t.getTraceType() == TraceType.SubAfter).findFirst().orElseThrow();
            assertThat(after.getRequestId()).isEqualTo(before.getRequestId());
            assertThat(after.isSuccess()).isTrue();
            assertThat(after.getContextCode()).isZero();
        } finally {
            c.shutdown();
            p.shutdown();
            admin.shutdown();
        }
    }

    @Test
    default void traceRecordsEndTransactionAfterLocalTransactionAndCheckBack() throws Exception {
        String topic = newTopic(2);
        String producerGroup = group("PGTXTR");
        TransactionMQProducer p = new TransactionMQProducer(null, producerGroup, null, true, null);
        p.setNamesrvAddr(cluster().namesrvAddr());
        p.setInstanceName(instance("txtr"));
        CountDownLatch checkedBack = new CountDownLatch(1);
        p.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return "commit".equals(arg) ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(io.apogee.common.message.MessageExt msg) {
                checkedBack.countDown();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster().namesrvAddr());
        admin.setInstanceName(instance("txtradmin"));
        try {
            p.start();
            TransactionSendResult committed = p.sendMessageInTransaction(
                new Message(topic, "TagTx", "txtr-commit", body("tx-commit")), "commit");
            TransactionSendResult unknown = p.sendMessageInTransaction(
                new Message(topic, "TagTx", "txtr-unknown", body("tx-unknown")), "unknown");
            assertThat(committed.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(unknown.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
            await(checkedBack, "check-back of the unknown transaction");
            admin.start();

            String commitId = committed.getMsgId();
            List<TraceContext> commitRecords = traceRecords(admin, commitId,
                types -> types.containsAll(List.of(TraceType.Pub, TraceType.EndTransaction)));
            TraceContext pub = commitRecords.stream().filter(t -> t.getTraceType() == TraceType.Pub).findFirst().orElseThrow();
            assertThat(pub.getTraceBeans().get(0).getMsgType()).isEqualTo(MessageType.Trans_Msg_Half);
            TraceContext end = commitRecords.stream().filter(t -> t.getTraceType() == TraceType.EndTransaction)
                .findFirst().orElseThrow();
            assertThat(end.getGroupName()).isEqualTo(producerGroup);
            assertThat(end.getRegionId()).isEqualTo("DefaultRegion");
            TraceBean b = end.getTraceBeans().get(0);
            assertThat(b.getTopic()).isEqualTo(topic);
            assertThat(b.getTags()).isEqualTo("TagTx");
            assertThat(b.getKeys()).isEqualTo("txtr-commit");
            assertThat(b.getStoreHost()).isEqualTo(cluster().brokerAddr());
            assertThat(b.getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
            assertThat(b.getTransactionId()).isEqualTo(commitId);
            assertThat(b.getTransactionState()).isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE);
            assertThat(b.isFromTransactionCheck()).isFalse();

            String unknownId = unknown.getMsgId();
            List<TraceContext> unknownRecords = traceRecords(admin, unknownId, types -> types.stream()
                .filter(t -> t == TraceType.EndTransaction).count() >= 2);
            List<TraceBean> ends = unknownRecords.stream().filter(t -> t.getTraceType() == TraceType.EndTransaction)
                .map(t -> t.getTraceBeans().get(0)).toList();
            assertThat(ends).anySatisfy(e -> {
                assertThat(e.isFromTransactionCheck()).isFalse();
                assertThat(e.getTransactionState()).isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.UNKNOW);
            });
            assertThat(ends).anySatisfy(e -> {
                assertThat(e.isFromTransactionCheck()).isTrue();
                assertThat(e.getTransactionState()).isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE);
                assertThat(e.getTopic()).isEqualTo(topic);
                assertThat(e.getKeys()).isEqualTo("txtr-unknown");
                assertThat(e.getTransactionId()).isEqualTo(unknownId);
            });
        } finally {
            p.shutdown();
            admin.shutdown();
        }
    }

    /**
     * Polls RMQ_SYS_TRACE_TOPIC (by the msgId key) until the records of {@code msgId} satisfy {@code complete}; the
     * trace messages are sent in batches every 500 ms, so the first queries may find nothing.
     */
    static List<TraceContext> traceRecords(DefaultMQAdminExt admin, String msgId, Predicate<List<TraceType>> complete)
        throws InterruptedException {
        List<TraceContext> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            records.clear();
            try {
                QueryResult q = admin.queryMessage("RMQ_SYS_TRACE_TOPIC", msgId, 64, 0, Long.MAX_VALUE);
                for (MessageExt m : q.getMessageList()) {
                    for (TraceContext t : TraceDataEncoder.decoderFromTraceDataString(
                        new String(m.getBody(), StandardCharsets.UTF_8))) {
                        if (msgId.equals(t.getTraceBeans().get(0).getMsgId())) {
                            records.add(t);
                        }
                    }
                }
            } catch (Exception e) {
                // no index hit yet
            }
            List<TraceType> types = records.stream().map(TraceContext::getTraceType).toList();
            if (complete.test(types)) {
                return records;
            }
            assertThat(System.currentTimeMillis()).as("trace records for " + msgId + ", got " + types).isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
