package io.apogee.example;

import io.apogee.common.message.MessageExt;
import java.util.Arrays;
import java.util.List;

/** Formatting shared by the examples, laid out like RocketMQ's so their console output reads the same. */
public final class ExampleSupport {
    private ExampleSupport() {
    }

    /** {@code MessageExt [brokerName=…, queueId=…, …, toString()=Message{…}]}. */
    public static String format(MessageExt m) {
        return "MessageExt [brokerName=" + m.getBrokerName() + ", queueId=" + m.getQueueId() + ", storeSize=" + m.getStoreSize()
            + ", queueOffset=" + m.getQueueOffset() + ", sysFlag=" + m.getSysFlag() + ", bornTimestamp=" + m.getBornTimestamp()
            + ", bornHost=" + m.getBornHost() + ", storeTimestamp=" + m.getStoreTimestamp() + ", storeHost=" + m.getStoreHost()
            + ", msgId=" + m.getMsgId() + ", commitLogOffset=" + m.getCommitLogOffset() + ", bodyCRC=" + m.getBodyCRC()
            + ", reconsumeTimes=" + m.getReconsumeTimes() + ", preparedTransactionOffset=" + m.getPreparedTransactionOffset()
            + ", toString()=Message{topic='" + m.getTopic() + "', flag=" + m.getFlag() + ", properties=" + m.getProperties()
            + ", body=" + Arrays.toString(m.getBody()) + ", transactionId='" + m.getTransactionId() + "'}]";
    }

    /** {@code [MessageExt [...], MessageExt [...]]}. */
    public static String format(List<MessageExt> msgs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < msgs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(format(msgs.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Integer system property or environment-free default, for the optional knobs of the examples. */
    public static int intProp(String name, int dflt) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return Integer.parseInt(v.trim());
    }
}
