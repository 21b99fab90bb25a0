package io.apogee.broker.filter;

import io.apogee.common.filter.expression.Expression;

/**
 * One group's property filter on one topic, as kept in {@code consumerFilter.json}. The compiled
 * expression is derived state and never persisted.
 */
public class ConsumerFilterData {
    private String consumerGroup;
    private String topic;
    private String expression;
    private String expressionType;
    private transient Expression compiledExpression;
    private long bornTime;
    private long deadTime = 0;
    private long clientVersion;

    public boolean isDead() {
        return deadTime >= bornTime;
    }

    public String getConsumerGroup() { return consumerGroup; }
    public void setConsumerGroup(String consumerGroup) { this.consumerGroup = consumerGroup; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getExpression() { return expression; }
    public void setExpression(String expression) { this.expression = expression; }
    public String getExpressionType() { return expressionType; }
    public void setExpressionType(String expressionType) { this.expressionType = expressionType; }
    public Expression compiledExpression() { return compiledExpression; }
    public void compiledExpression(Expression compiledExpression) { this.compiledExpression = compiledExpression; }
    public long getBornTime() { return bornTime; }
    public void setBornTime(long bornTime) { this.bornTime = bornTime; }
    public long getDeadTime() { return deadTime; }
    public void setDeadTime(long deadTime) { this.deadTime = deadTime; }
    public long getClientVersion() { return clientVersion; }
    public void setClientVersion(long clientVersion) { this.clientVersion = clientVersion; }
}
