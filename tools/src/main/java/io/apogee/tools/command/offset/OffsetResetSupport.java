package io.apogee.tools.command.offset;

import io.apogee.common.MixAll;
import io.apogee.common.admin.ConsumeStats;
import io.apogee.common.admin.OffsetWrapper;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.route.TopicRouteData;
import io.apogee.tools.admin.DefaultMQAdminExt;
import io.apogee.tools.admin.DefaultMQAdminExtImpl;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offset reset for a group with no online client: the new offsets are written to the brokers
 * directly (UPDATE_CONSUMER_OFFSET) and the clients pick them up at their next start.
 */
final class OffsetResetSupport {
    private OffsetResetSupport() {
    }

    /** {@code timestamp} −1 = skip to the end of every queue. */
    static void resetOffline(DefaultMQAdminExt admin, String group, String topic, long timestamp, boolean force, String tsText)
        throws Exception {
        if (tsText != null) {
            System.out.printf("rollback consumer offset by specified consumerGroup[%s], topic[%s], force[%s], timestamp(string)[%s], "
                + "timestamp(long)[%s]%n", group, topic, force, tsText, timestamp);
        }
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        ConsumeStats cs;
        try {
            cs = admin.examineConsumeStats(group, topic);
        } catch (Exception e) {
            cs = new ConsumeStats();
        }
        System.out.printf("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n",
            "#brokerName", "#queueId", "#brokerOffset", "#consumerOffset", "#timestampOffset", "#rollbackOffset");
        Map<MessageQueue, String> addrOf = new TreeMap<>();
        route.getBrokerDatas().forEach(bd -> {
            String addr = bd.getBrokerAddrs().get(MixAll.MASTER_ID);
            route.getQueueDatas().stream().filter(q -> q.getBrokerName().equals(bd.getBrokerName())).forEach(q -> {
                for (int i = 0; i < q.getReadQueueNums(); i++) {
                    addrOf.put(new MessageQueue(topic, bd.getBrokerName(), i), addr);
                }
            });
        });
        for (Map.Entry<MessageQueue, String> e : addrOf.entrySet()) {
            MessageQueue mq = e.getKey();
            String addr = e.getValue();
            if (addr == null) {
                continue;
            }
            long brokerOffset = admin.maxOffset(addr, topic, mq.getQueueId());
            OffsetWrapper w = cs.getOffsetTable().get(mq);
            long consumerOffset = w == null ? 0 : w.getConsumerOffset();
            long tsOffset = timestamp < 0 ? brokerOffset : admin.searchOffset(addr, topic, mq.getQueueId(), timestamp);
            long rollback = force || tsOffset < consumerOffset ? tsOffset : consumerOffset;
            admin.invoke(addr, DefaultMQAdminExtImpl.request(RequestCode.UPDATE_CONSUMER_OFFSET, "consumerGroup", group, "topic", topic,
                "queueId", String.valueOf(mq.getQueueId()), "commitOffset", String.valueOf(rollback)));
            System.out.printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", mq.getBrokerName(), mq.getQueueId(), brokerOffset,
                consumerOffset, tsOffset, rollback);
        }
    }
}
