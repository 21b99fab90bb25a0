package io.apogee.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.apogee.testsupport.ChildJvm;

/**
 * Issue 6 against an Apogee broker with the official 4.9.7 client: transactional messages with check-back,
 * SQL92 property filtering, and message trace. Check interval and time-out are shortened by configuration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionFilterTraceIT {
    private static Path dir;
    private static ChildJvm namesrv;
    private static ChildJvm broker;
    private static String nsAddr;
    private static int brokerPort;
    private static Path brokerConf;
    private static String bootLine;
    private static final List<Runnable> cleanup = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startDaemons() throws Exception {
        dir = Files.createTempDirectory("apogee-tx-it");
        System.setProperty("rocketmq.client.logRoot", dir.resolve("clientlogs").toString());
        int nsPort = ChildJvm.freePort();
        nsAddr = "127.0.0.1:" + nsPort;
        namesrv = Daemons.startApogeeNamesrv(dir.resolve("ns"), nsPort);
        brokerPort = ChildJvm.freeBrokerPort();
        brokerConf = Daemons.brokerConf(dir.resolve("broker"), "broker-tx", brokerPort, nsAddr, Map.of(
            "transactionCheckInterval", "1000", "transactionTimeOut", "1500", "transactionCheckMax", "5",
            "enablePropertyFilter", "true", "traceTopicEnable", "true"));
        bootLine = "The broker[broker-tx, 127.0.0.1:" + brokerPort + "] boot success";
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);
    }

    @AfterAll
    static void stopDaemons() {
        for (Runnable r : cleanup) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> consume(String group, String topic, MessageSelector selector) throws MQClientException {
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName(group + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, selector);
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        cleanup.add(c::shutdown);
        return bodies;
    }

    private static void awaitSize(Set<String> set, int size, long seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (set.size() < size && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    /** A transactional producer whose local transaction and check-back answers come from the body text. */
    private static TransactionMQProducer txProducer(String group, Function<String, LocalTransactionState> local,
                                                    Function<String, LocalTransactionState> check) throws MQClientException {
        TransactionMQProducer p = new TransactionMQProducer(group);
        p.setNamesrvAddr(nsAddr);
        p.setInstanceName(group + System.nanoTime());
        p.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return local.apply(new String(msg.getBody(), StandardCharsets.UTF_8));
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return check.apply(new String(msg.getBody(), StandardCharsets.UTF_8));
            }
        });
        p.start();
        cleanup.add(p::shutdown);
        return p;
    }

    private static LocalTransactionState verdict(String body) {
        if (body.startsWith("commit")) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        if (body.startsWith("rollback")) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        return LocalTransactionState.UNKNOW;
    }

    // ------------------------------------------------------------------ transactions

    @Test
    @Order(1)
    void commitIsDeliveredOnceRollbackNeverAndUnknownIsResolvedByCheckBack() throws Exception {
        Set<String> checkedBodies = ConcurrentHashMap.newKeySet();
        TransactionMQProducer p = txProducer("tx-producer", TransactionFilterTraceIT::verdict, body -> {
            checkedBodies.add(body);
            return body.endsWith("-then-commit") ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        });
        for (String body : List.of("commit-1", "rollback-1", "unknown-then-commit", "unknown-then-rollback")) {
            SendResult r = p.sendMessageInTransaction(new Message("TxTopic", "TagA", body.getBytes(StandardCharsets.UTF_8)), null);
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        // the sends created the topic; a new group starts from the first offset
        Set<String> got = consume("tx-consumer", "TxTopic", MessageSelector.byTag("*"));

        awaitSize(got, 2, 30);
        Thread.sleep(3000);

        assertThat(got).containsExactlyInAnyOrder("commit-1", "unknown-then-commit");
        assertThat(checkedBodies).contains("unknown-then-commit", "unknown-then-rollback").doesNotContain("commit-1", "rollback-1");
    }

    @Test
    @Order(2)
    void checksGoToAnotherProducerOfTheGroupWhenTheFirstIsGone() throws Exception {
        TransactionMQProducer first = txProducer("tx-group-2", b -> LocalTransactionState.UNKNOW, b -> LocalTransactionState.UNKNOW);
        first.sendMessageInTransaction(new Message("TxTopic2", "TagA", "handed-over".getBytes(StandardCharsets.UTF_8)), null);
        first.shutdown();
        Set<String> got = consume("tx-consumer-2", "TxTopic2", MessageSelector.byTag("*"));
        txProducer("tx-group-2", b -> LocalTransactionState.UNKNOW, b -> LocalTransactionState.COMMIT_MESSAGE);

        awaitSize(got, 1, 30);
        assertThat(got).containsExactly("handed-over");
    }

    @Test
    @Order(3)
    void aPendingHalfMessageIsStillResolvedAfterABrokerRestart() throws Exception {
        TransactionMQProducer p = txProducer("tx-group-3", b -> LocalTransactionState.UNKNOW, b -> LocalTransactionState.UNKNOW);
        p.sendMessageInTransaction(new Message("TxTopic3", "TagA", "survivor".getBytes(StandardCharsets.UTF_8)), null);
        p.shutdown();

        broker.close();
        broker = Daemons.startBrokerScript(dir.resolve("broker"), brokerConf, bootLine);

        Set<String> got = consume("tx-consumer-3", "TxTopic3", MessageSelector.byTag("*"));
        txProducer("tx-group-3", b -> LocalTransactionState.UNKNOW, b -> LocalTransactionState.COMMIT_MESSAGE);
        awaitSize(got, 1, 45);
        assertThat(got).containsExactly("survivor");
    }

    @Test
    @Order(4)
    void endTransactionForAnUnknownOffsetIsHarmless() throws Exception {
        NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        try {
            RemotingCommand end = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, null);
            end.addExtField("producerGroup", "nobody");
            end.addExtField("tranStateTableOffset", "123456");
            end.addExtField("commitLogOffset", "987654321");
            end.addExtField("commitOrRollback", "8");
            end.addExtField("msgId", "X");
            RemotingCommand resp = raw.invokeSync("127.0.0.1:" + brokerPort, end, 5000);
            assertThat(resp.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(resp.getRemark()).isNotBlank();

            RemotingCommand bad = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, null);
            bad.addExtField("producerGroup", "nobody");
            bad.addExtField("tranStateTableOffset", "1");
            bad.addExtField("commitLogOffset", "1");
            bad.addExtField("commitOrRollback", "5");
            bad.addExtField("msgId", "X");
            assertThat(raw.invokeSync("127.0.0.1:" + brokerPort, bad, 5000).getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        } finally {
            raw.shutdown();
        }
        DefaultMQProducer probe = new DefaultMQProducer("probe-after-bad-end");
        probe.setNamesrvAddr(nsAddr);
        probe.setInstanceName("probe" + System.nanoTime());
        probe.start();
        try {
            assertThat(probe.send(new Message("TxTopic", "x".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
        } finally {
            probe.shutdown();
        }
    }

    @Test
    @Order(5)
    void aCheckBackAnswerForAnAlreadyCommittedMessageDeliversNothingTwice() throws Exception {
        TransactionMQProducer p = txProducer("tx-group-dup", b -> LocalTransactionState.COMMIT_MESSAGE,
            b -> LocalTransactionState.COMMIT_MESSAGE);
        org.apache.rocketmq.client.producer.TransactionSendResult sent = p.sendMessageInTransaction(
            new Message("TxTopicDup", "TagA", "dup-commit".getBytes(StandardCharsets.UTF_8)), null);
        // A TransactionSendResult carries no offset id: find the half message by its unique key instead.
        MessageExt half = null;
        NettyRemotingClient query = new NettyRemotingClient(new NettyClientConfig());
        query.start();
        try {
            long until = System.currentTimeMillis() + 10_000;
            while (half == null && System.currentTimeMillis() < until) {
                RemotingCommand q = RemotingCommand.createRequestCommand(RequestCode.QUERY_MESSAGE, null);
                q.addExtField("topic", "RMQ_SYS_TRANS_HALF_TOPIC");
                q.addExtField("key", sent.getMsgId());
                q.addExtField("maxNum", "32");
                q.addExtField("beginTimestamp", "0");
                q.addExtField("endTimestamp", Long.toString(Long.MAX_VALUE));
                q.addExtField("_UNIQUE_KEY_QUERY", "true");
                RemotingCommand resp = query.invokeSync("127.0.0.1:" + brokerPort, q, 5000);
                if (resp.getCode() == ResponseCode.SUCCESS && resp.getBody() != null) {
                    for (MessageExt m : org.apache.rocketmq.common.message.MessageDecoder.decodes(java.nio.ByteBuffer.wrap(resp.getBody()))) {
                        if (sent.getMsgId().equals(m.getProperty("UNIQ_KEY"))) {
                            half = m;
                        }
                    }
                }
                if (half == null) {
                    Thread.sleep(200);
                }
            }
        } finally {
            query.shutdown();
        }
        assertThat(half).isNotNull();
        long commitLogOffset = half.getCommitLogOffset();

        NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
        try {
            RemotingCommand again = RemotingCommand.createRequestCommand(RequestCode.END_TRANSACTION, null);
            again.addExtField("producerGroup", "tx-group-dup");
            again.addExtField("tranStateTableOffset", Long.toString(half.getQueueOffset()));
            again.addExtField("commitLogOffset", Long.toString(commitLogOffset));
            again.addExtField("commitOrRollback", "8");
            again.addExtField("fromTransactionCheck", "true");
            again.addExtField("msgId", sent.getMsgId());
            assertThat(raw.invokeSync("127.0.0.1:" + brokerPort, again, 5000).getCode()).isEqualTo(ResponseCode.SUCCESS);
        } finally {
            raw.shutdown();
        }

        List<String> got = Collections.synchronizedList(new ArrayList<>());
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("tx-consumer-dup");
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("dup" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe("TxTopicDup", "*");
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        cleanup.add(c::shutdown);
        long deadline = System.currentTimeMillis() + 20_000;
        while (got.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        assertThat(got).containsExactly("dup-commit");
    }

    // ------------------------------------------------------------------ SQL92

    @Test
    @Order(6)
    void sqlSubscriptionsDeliverExactlyTheMatchingMessages() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("sql-producer");
        p.setNamesrvAddr(nsAddr);
        p.setInstanceName("sql" + System.nanoTime());
        p.start();
        cleanup.add(p::shutdown);
        // warm the route so all three consumers see the topic
        p.send(new Message("SqlTopic", "TagZ", "warm".getBytes(StandardCharsets.UTF_8)));

        Set<String> between = consume("sql-between", "SqlTopic", MessageSelector.bySql("a BETWEEN 0 AND 3"));
        Set<String> inAndNotNull = consume("sql-in", "SqlTopic", MessageSelector.bySql("a IN ('x','y') AND b IS NOT NULL"));
        Set<String> tagsOr = consume("sql-tags", "SqlTopic", MessageSelector.bySql("TAGS = 'TagA' OR a > 5"));

        String[][] msgs = {
            {"m0", "TagB", "0", null}, {"m2", "TagB", "2", null}, {"m4", "TagB", "4", null}, {"m7", "TagB", "7", null},
            {"mx", "TagB", "x", "1"}, {"my", "TagB", "y", null}, {"mtag", "TagA", "z", null},
        };
        for (String[] m : msgs) {
            Message msg = new Message("SqlTopic", m[1], m[0].getBytes(StandardCharsets.UTF_8));
            msg.putUserProperty("a", m[2]);
            if (m[3] != null) {
                msg.putUserProperty("b", m[3]);
            }
            assertThat(p.send(msg).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        awaitSize(between, 2, 30);
        awaitSize(inAndNotNull, 1, 30);
        awaitSize(tagsOr, 2, 30);
        Thread.sleep(2000);

        assertThat(between).containsExactlyInAnyOrder("m0", "m2");
        assertThat(inAndNotNull).containsExactly("mx");
        assertThat(tagsOr).containsExactlyInAnyOrder("m7", "mtag");
    }

    @Test
    @Order(8)
    void aMalformedOrTooDeeplyNestedExpressionFailsTheSubscriptionClearly() throws Exception {
        String tooDeep = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
        for (String expr : List.of("a BETWEEN AND", tooDeep)) {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer("sql-bad-" + expr.length());
            c.setNamesrvAddr(nsAddr);
            c.setInstanceName("bad" + System.nanoTime());
            c.subscribe("SqlTopic", MessageSelector.bySql(expr));
            c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
                (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            try {
                assertThatThrownBy(c::start).isInstanceOf(MQClientException.class)
                    .hasMessageContaining("SQL92");
            } finally {
                c.shutdown();
            }
        }
        // a long but flat 10 KB expression is legitimate and accepted
        String flat = "a = 1 OR " + "b = 2 OR ".repeat(1200) + "c = 3";
        DefaultMQPushConsumer ok = new DefaultMQPushConsumer("sql-flat");
        ok.setNamesrvAddr(nsAddr);
        ok.setInstanceName("flat" + System.nanoTime());
        ok.subscribe("SqlTopic", MessageSelector.bySql(flat));
        ok.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        try {
            ok.start();
        } finally {
            ok.shutdown();
        }
    }

    @Test
    @Order(7)
    void withPropertyFilteringOffTheBrokerRefusesSqlSubscriptionsAsTheOfficialBrokerDoes() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(nsAddr);
        admin.setInstanceName("pfadmin" + System.nanoTime());
        admin.start();
        String addr = "127.0.0.1:" + brokerPort;
        java.util.Properties off = new java.util.Properties();
        off.setProperty("enablePropertyFilter", "false");
        admin.updateBrokerConfig(addr, off);
        try {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer("sql-when-off");
            c.setNamesrvAddr(nsAddr);
            c.setInstanceName("off" + System.nanoTime());
            c.subscribe("SqlTopic", MessageSelector.bySql("a > 1"));
            c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
                (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            try {
                assertThatThrownBy(c::start).isInstanceOf(MQClientException.class)
                    .hasMessageContaining("does not support consumer to filter message by SQL92");
            } finally {
                c.shutdown();
            }
        } finally {
            java.util.Properties on = new java.util.Properties();
            on.setProperty("enablePropertyFilter", "true");
            admin.updateBrokerConfig(addr, on);
            admin.shutdown();
        }
    }

    // ------------------------------------------------------------------ trace

    @Test
    @Order(9)
    void traceRecordsOfAMessageAreFindableByItsId() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("trace-producer", true);
        p.setNamesrvAddr(nsAddr);
        p.setInstanceName("trace" + System.nanoTime());
        p.start();
        cleanup.add(p::shutdown);
        // send first: the topic then exists when the consumer starts (a new group reads from the first offset)
        SendResult sent = p.send(new Message("TraceTopicUser", "TagA", "traced".getBytes(StandardCharsets.UTF_8)));
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("trace-consumer", true);
        c.setNamesrvAddr(nsAddr);
        c.setInstanceName("tracec" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe("TraceTopicUser", "*");
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> consumed.add(m.getMsgId()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        cleanup.add(c::shutdown);

        awaitSize(consumed, 1, 30);
        assertThat(consumed).contains(sent.getMsgId());

        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(nsAddr);
        admin.setInstanceName("traceadmin" + System.nanoTime());
        admin.start();
        try {
            Set<String> traceTypes = ConcurrentHashMap.newKeySet();
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !traceTypes.containsAll(List.of("Pub", "SubBefore", "SubAfter"))) {
                try {
                    for (MessageExt m : admin.queryMessage("RMQ_SYS_TRACE_TOPIC", sent.getMsgId(), 32, 0,
                        System.currentTimeMillis() + 60_000).getMessageList()) {
                        String body = new String(m.getBody(), StandardCharsets.UTF_8);
                        for (String type : List.of("Pub", "SubBefore", "SubAfter")) {
                            if (body.startsWith(type) || body.contains((char) 2 + type) || body.contains((char) 1 + type)) {
                                traceTypes.add(type);
                            }
                        }
                    }
                } catch (MQClientException notYet) {
                    // index not built yet
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            assertThat(traceTypes).contains("Pub", "SubBefore", "SubAfter");
        } finally {
            admin.shutdown();
        }
    }
}
