package io.apogee.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.apogee.common.filter.expression.SqlParseException;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.store.MessageFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionMessageFilterTest {
    @TempDir
    Path root;

    private static SubscriptionData sql(String topic, String expression) {
        SubscriptionData sd = new SubscriptionData();
        sd.setTopic(topic);
        sd.setSubString(expression);
        sd.setExpressionType("SQL92");
        return sd;
    }

    @Test
    void sqlSubscriptionsPassTheConsumeQueueAndAreDecidedOnProperties() throws SqlParseException {
        ConsumerFilterManager manager = new ConsumerFilterManager(root.toString());
        SubscriptionData sd = sql("T", "a BETWEEN 0 AND 3 AND TAGS = 'TagA'");
        MessageFilter filter = ExpressionMessageFilter.of(sd, manager.compile(sd.getSubString()));

        assertThat(filter.isMatchedByConsumeQueue(12345L, null)).isTrue();
        assertThat(filter.isMatchedByCommitLog(null, Map.of("a", "2", "TAGS", "TagA"))).isTrue();
        assertThat(filter.isMatchedByCommitLog(null, Map.of("a", "5", "TAGS", "TagA"))).isFalse();
        assertThat(filter.isMatchedByCommitLog(null, Map.of("TAGS", "TagA"))).isFalse();
    }

    @Test
    void tagSubscriptionsStillFilterOnTheTagHash() {
        SubscriptionData sd = new SubscriptionData();
        sd.setTopic("T");
        sd.setSubString("TagA");
        sd.getTagsSet().add("TagA");
        sd.getCodeSet().add("TagA".hashCode());

        MessageFilter filter = ExpressionMessageFilter.of(sd, null);

        assertThat(filter.isMatchedByConsumeQueue((long) "TagA".hashCode(), null)).isTrue();
        assertThat(filter.isMatchedByConsumeQueue((long) "TagB".hashCode(), null)).isFalse();
    }

    @Test
    void aBadExpressionIsRefusedWithItsReason() {
        ConsumerFilterManager manager = new ConsumerFilterManager(root.toString());
        assertThatThrownBy(() -> manager.compile("a >"))
            .isInstanceOf(SqlParseException.class).hasMessageContaining("position");
        assertThat(manager.register("T", "G", "a >", "SQL92", 1)).isFalse();
        assertThat(manager.get("T", "G")).isNull();
    }

    @Test
    void registeredFiltersSurviveARestartAndDeadOnesAreDropped() {
        ConsumerFilterManager manager = new ConsumerFilterManager(root.toString());
        assertThat(manager.register("T", "G1", "a = 1", "SQL92", 1)).isTrue();
        assertThat(manager.register("T", "G2", "b = 2", "SQL92", 1)).isTrue();
        manager.unRegister("G2");
        manager.persist();

        ConsumerFilterManager reloaded = new ConsumerFilterManager(root.toString());
        assertThat(reloaded.load()).isTrue();

        ConsumerFilterData g1 = reloaded.get("T", "G1");
        assertThat(g1).isNotNull();
        assertThat(g1.getExpression()).isEqualTo("a = 1");
        assertThat(g1.compiledExpression().matches(Map.of("a", "1")::get)).isTrue();
        assertThat(reloaded.get("T", "G2")).isNull();
    }
}
