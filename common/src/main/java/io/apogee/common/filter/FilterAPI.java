package io.apogee.common.filter;

import io.apogee.common.protocol.heartbeat.SubscriptionData;

/** Builds a {@link SubscriptionData} from a topic and a subscription expression such as {@code TagA || TagB}. */
public final class FilterAPI {
    private FilterAPI() {
    }

    public static SubscriptionData buildSubscriptionData(String topic, String subString) {
        SubscriptionData data = new SubscriptionData();
        data.setTopic(topic);
        data.setSubString(subString);
        if (subString == null || subString.isBlank() || SubscriptionData.SUB_ALL.equals(subString.trim())) {
            data.setSubString(SubscriptionData.SUB_ALL);
            return data;
        }
        for (String tag : subString.split("\\|\\|")) {
            String t = tag.trim();
            if (!t.isEmpty()) {
                data.getTagsSet().add(t);
                data.getCodeSet().add(t.hashCode());
            }
        }
        return data;
    }

    public static SubscriptionData build(String topic, String subString, String type) {
        if (ExpressionType.isTagType(type)) {
            return buildSubscriptionData(topic, subString);
        }
        SubscriptionData data = new SubscriptionData();
        data.setTopic(topic);
        data.setSubString(subString);
        data.setExpressionType(type);
        return data;
    }
}
