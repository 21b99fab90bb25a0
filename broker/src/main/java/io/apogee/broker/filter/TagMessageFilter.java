package io.apogee.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;

import io.apogee.common.filter.ExpressionType;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.store.MessageFilter;

/** Tag filtering on the ConsumeQueue tag hash; the client re-checks the tag string itself. */
public class TagMessageFilter implements MessageFilter {
    private final SubscriptionData subscriptionData;

    public TagMessageFilter(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }

    @Override
    public boolean isMatchedByConsumeQueue(Long tagsCode, Object cqExtUnit) {
        if (subscriptionData == null || tagsCode == null || subscriptionData.isClassFilterMode()) {
            return true;
        }
        if (!ExpressionType.isTagType(subscriptionData.getExpressionType())) {
            return true;
        }
        String sub = subscriptionData.getSubString();
        if (sub == null || SubscriptionData.SUB_ALL.equals(sub.trim())) {
            return true;
        }
        return subscriptionData.getCodeSet().contains(tagsCode.intValue());
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        return true;
    }
}
