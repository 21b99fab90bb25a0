package io.apogee.common;

import java.util.Objects;

import io.apogee.common.constant.PermName;

/**
 * A topic as a broker configures it. JSON (alphabetical, every property):
 * {@code {"order":false,"perm":6,"readQueueNums":4,"topicFilterType":"SINGLE_TAG","topicName":"T","topicSysFlag":0,"writeQueueNums":4}}.
 *
 * <p>The compressed REGISTER_BROKER body carries the short text form of {@link #encode()}:
 * {@code "<topicName> <readQueueNums> <writeQueueNums> <perm> <topicFilterType>"} (sysFlag and order are
 * not part of it).
 */
public class TopicConfig {
    private static final String SEPARATOR = " ";
    public static int defaultReadQueueNums = 16;
    public static int defaultWriteQueueNums = 16;

    private String topicName;
    private int readQueueNums = defaultReadQueueNums;
    private int writeQueueNums = defaultWriteQueueNums;
    private int perm = PermName.PERM_READ | PermName.PERM_WRITE;
    private TopicFilterType topicFilterType = TopicFilterType.SINGLE_TAG;
    private int topicSysFlag = 0;
    private boolean order = false;

    public TopicConfig() {
    }

    public TopicConfig(String topicName) {
        this.topicName = topicName;
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        this.topicName = topicName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
    }

    /** The short text form used inside compressed registration bodies. */
    public String encode() {
        return topicName + SEPARATOR + readQueueNums + SEPARATOR + writeQueueNums + SEPARATOR + perm + SEPARATOR
            + topicFilterType;
    }

    /** Parses {@link #encode()}'s form; false (nothing changed) when it does not have five fields. */
    public boolean decode(String in) {
        String[] parts = in.split(SEPARATOR);
        if (parts.length != 5) {
            return false;
        }
        String name = parts[0];
        int read = Integer.parseInt(parts[1]);
        int write = Integer.parseInt(parts[2]);
        int p = Integer.parseInt(parts[3]);
        TopicFilterType type = TopicFilterType.valueOf(parts[4]);
        this.topicName = name;
        this.readQueueNums = read;
        this.writeQueueNums = write;
        this.perm = p;
        this.topicFilterType = type;
        return true;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(int readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(int writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public void setPerm(int perm) {
        this.perm = perm;
    }

    public TopicFilterType getTopicFilterType() {
        return topicFilterType;
    }

    public void setTopicFilterType(TopicFilterType topicFilterType) {
        this.topicFilterType = topicFilterType;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public boolean isOrder() {
        return order;
    }

    public void setOrder(boolean order) {
        this.order = order;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicConfig)) {
            return false;
        }
        TopicConfig that = (TopicConfig) o;
        return readQueueNums == that.readQueueNums && writeQueueNums == that.writeQueueNums && perm == that.perm
            && topicSysFlag == that.topicSysFlag && order == that.order && Objects.equals(topicName, that.topicName)
            && topicFilterType == that.topicFilterType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    @Override
    public String toString() {
        return "TopicConfig [topicName=" + topicName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + PermName.perm2String(perm) + ", topicFilterType=" + topicFilterType
            + ", topicSysFlag=" + topicSysFlag + ", order=" + order + "]";
    }
}
