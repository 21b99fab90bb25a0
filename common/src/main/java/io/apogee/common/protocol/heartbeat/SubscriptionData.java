package io.apogee.common.protocol.heartbeat;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A consumer's subscription to one topic: the expression and, for TAG, its tags and their hash codes. */
public class SubscriptionData implements Comparable<SubscriptionData> {
    public static final String SUB_ALL = "*";

    private boolean classFilterMode = false;
    private String topic;
    private String subString;
    private Set<String> tagsSet = new HashSet<>();
    private Set<Integer> codeSet = new HashSet<>();
    private long subVersion = System.currentTimeMillis();
    private String expressionType = "TAG";

    public boolean isClassFilterMode() {
        return classFilterMode;
    }

    public void setClassFilterMode(boolean classFilterMode) {
        this.classFilterMode = classFilterMode;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSubString() {
        return subString;
    }

    public void setSubString(String subString) {
        this.subString = subString;
    }

    public Set<String> getTagsSet() {
        return tagsSet;
    }

    public void setTagsSet(Set<String> tagsSet) {
        this.tagsSet = tagsSet;
    }

    public Set<Integer> getCodeSet() {
        return codeSet;
    }

    public void setCodeSet(Set<Integer> codeSet) {
        this.codeSet = codeSet;
    }

    public long getSubVersion() {
        return subVersion;
    }

    public void setSubVersion(long subVersion) {
        this.subVersion = subVersion;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SubscriptionData that)) {
            return false;
        }
        return classFilterMode == that.classFilterMode && Objects.equals(topic, that.topic)
            && Objects.equals(subString, that.subString) && Objects.equals(tagsSet, that.tagsSet)
            && Objects.equals(codeSet, that.codeSet) && Objects.equals(expressionType, that.expressionType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classFilterMode, topic, subString, tagsSet, codeSet, expressionType);
    }

    @Override
    public int compareTo(SubscriptionData o) {
        return (topic + "@" + subString).compareTo(o.topic + "@" + o.subString);
    }

    @Override
    public String toString() {
        return "SubscriptionData [topic=" + topic + ", subString=" + subString + ", tagsSet=" + tagsSet
            + ", subVersion=" + subVersion + ", expressionType=" + expressionType + "]";
    }
}
