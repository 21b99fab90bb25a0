package io.apogee.integration.client;

import static io.apogee.integration.client.ScenarioContext.awaitTrue;
import static io.apogee.integration.client.ScenarioContext.body;
import static io.apogee.integration.client.ScenarioContext.group;
import static io.apogee.integration.client.ScenarioContext.instance;
import static io.apogee.integration.client.ScenarioContext.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Transactional messages: commit, rollback, and an unknown outcome resolved by the broker's check-back. */
interface TransactionScenarios extends ScenarioContext {

    @Test
    default void transactionsCommitRollbackAndCheckBack() throws Exception {
        String topic = newTopic(2);
        List<String> checked = new CopyOnWriteArrayList<>();
        TransactionMQProducer p = new TransactionMQProducer(group("PGTX"));
        p.setNamesrvAddr(cluster().namesrvAddr());
        p.setInstanceName(instance("tx"));
        p.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return switch ((String) arg) {
                    case "commit" -> LocalTransactionState.COMMIT_MESSAGE;
                    case "rollback" -> LocalTransactionState.ROLLBACK_MESSAGE;
                    default -> LocalTransactionState.UNKNOW;
                };
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checked.add(text(msg.getBody()));
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        List<String> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = pushConsumer(group("CGTX"), topic);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(text(m.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        p.start();
        c.start();
        try {
            for (String outcome : List.of("commit", "rollback", "unknown")) {
                Message m = new Message(topic, "TagTx", "tx-" + outcome, body("tx-" + outcome));
                TransactionSendResult r = p.sendMessageInTransaction(m, outcome);
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            awaitTrue(() -> got.contains("tx-commit"), 30_000, "committed message delivered");
            awaitTrue(() -> got.contains("tx-unknown"), 60_000, "checked-back message delivered; checks " + checked);
            Thread.sleep(2000);
            assertThat(got).containsExactlyInAnyOrder("tx-commit", "tx-unknown");
            assertThat(checked).contains("tx-unknown").doesNotContain("tx-commit", "tx-rollback");
        } finally {
            c.shutdown();
            p.shutdown();
        }
    }
}
