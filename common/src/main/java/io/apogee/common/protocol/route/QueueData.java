package io.apogee.common.protocol.route;

import java.util.Objects;

/**
 * One broker's queues of a topic, as routes carry them:
 * {@code {"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}}.
 */
public class QueueData implements Comparable<QueueData> {
    private String brokerName;
    private int readQueueNums;
    private int writeQueueNums;
    private int perm;
    private int topicSysFlag;

    public QueueData() {
    }

    public QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
        this.brokerName = brokerName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
        this.topicSysFlag = topicSysFlag;
    }

    /** A copy, so a route handed out never shares mutable state with the namesrv's tables. */
    public QueueData copy() {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag);
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
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

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    @Override
    public int compareTo(QueueData o) {
        return this.brokerName.compareTo(o.brokerName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueueData)) {
            return false;
        }
        QueueData q = (QueueData) o;
        return readQueueNums == q.readQueueNums && writeQueueNums == q.writeQueueNums && perm == q.perm
            && topicSysFlag == q.topicSysFlag && Objects.equals(brokerName, q.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag);
    }

    @Override
    public String toString() {
        return "QueueData [brokerName=" + brokerName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + perm + ", topicSysFlag=" + topicSysFlag + "]";
    }
}
