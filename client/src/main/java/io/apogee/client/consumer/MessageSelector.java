package io.apogee.client.consumer;

import io.apogee.common.filter.ExpressionType;

/** A subscription expression: a tag expression ({@code TagA || TagB}) or an SQL92 property filter. */
public final class MessageSelector {
    private final String type;
    private final String expression;

    private MessageSelector(String type, String expression) {
        this.type = type;
        this.expression = expression;
    }

    public static MessageSelector bySql(String sql) {
        return new MessageSelector(ExpressionType.SQL92, sql);
    }

    public static MessageSelector byTag(String tag) {
        return new MessageSelector(ExpressionType.TAG, tag);
    }

    public String getExpressionType() {
        return type;
    }

    public String getExpression() {
        return expression;
    }
}
