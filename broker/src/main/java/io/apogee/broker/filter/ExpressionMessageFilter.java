package io.apogee.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;

import io.apogee.common.filter.ExpressionType;
import io.apogee.common.filter.expression.Expression;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.store.MessageFilter;

/**
 * The pull filter: TAG subscriptions are decided on the ConsumeQueue tag hash alone; SQL92 subscriptions
 * pass the ConsumeQueue stage and are decided on the stored record's properties (TAGS included, since
 * the tag is a property too).
 */
public final class ExpressionMessageFilter implements MessageFilter {
    private final TagMessageFilter tagFilter;
    private final Expression sql;

    private ExpressionMessageFilter(TagMessageFilter tagFilter, Expression sql) {
        this.tagFilter = tagFilter;
        this.sql = sql;
    }

    /** A filter for the subscription; {@code compiledSql} is required when its type is SQL92. */
    public static MessageFilter of(SubscriptionData subscription, Expression compiledSql) {
        if (subscription == null || ExpressionType.isTagType(subscription.getExpressionType()) || compiledSql == null) {
            return new TagMessageFilter(subscription);
        }
        return new ExpressionMessageFilter(null, compiledSql);
    }

    @Override
    public boolean isMatchedByConsumeQueue(Long tagsCode, Object cqExtUnit) {
        return tagFilter == null || tagFilter.isMatchedByConsumeQueue(tagsCode, cqExtUnit);
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        if (sql == null) {
            return true;
        }
        Map<String, String> props = properties != null ? properties : MessageDecoder.decodeProperties(msgBuffer.slice());
        // A message without properties still answers "a IS NULL" truthfully.
        Map<String, String> view = props != null ? props : Map.of();
        return sql.matches(view::get);
    }
}
