package io.apogee.client.consumer.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.protocol.body.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateStrategiesTest {
    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> mqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mqs.add(new MessageQueue("T", "broker-a", i));
        }
        return mqs;
    }

    private static List<String> cids(int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add("cid" + i);
        }
        return c;
    }

    /** Every queue is owned by exactly one consumer. */
    private static void assertPartition(AllocateMessageQueueStrategy s, int queues, int consumers) {
        List<MessageQueue> all = queues(queues);
        Set<MessageQueue> seen = new HashSet<>();
        int total = 0;
        for (String cid : cids(consumers)) {
            List<MessageQueue> mine = s.allocate("G", cid, all, cids(consumers));
            total += mine.size();
            seen.addAll(mine);
        }
        assertThat(total).as(s.getName() + " " + queues + "/" + consumers).isEqualTo(queues);
        assertThat(seen).hasSize(queues);
    }

    @Test
    void averagelyGivesContiguousBlocks() {
        AllocateMessageQueueAveragely s = new AllocateMessageQueueAveragely();
        assertThat(s.allocate("G", "cid0", queues(8), cids(3))).extracting(MessageQueue::getQueueId).containsExactly(0, 1, 2);
        assertThat(s.allocate("G", "cid1", queues(8), cids(3))).extracting(MessageQueue::getQueueId).containsExactly(3, 4, 5);
        assertThat(s.allocate("G", "cid2", queues(8), cids(3))).extracting(MessageQueue::getQueueId).containsExactly(6, 7);
        assertThat(s.allocate("G", "cid4", queues(2), cids(5))).isEmpty();
        assertThat(s.allocate("G", "nobody", queues(2), cids(2))).isEmpty();
    }

    @Test
    void byCircleDealsRoundRobin() {
        AllocateMessageQueueAveragelyByCircle s = new AllocateMessageQueueAveragelyByCircle();
        assertThat(s.allocate("G", "cid1", queues(8), cids(3))).extracting(MessageQueue::getQueueId).containsExactly(1, 4, 7);
    }

    @Test
    void everyStrategyPartitionsTheQueues() {
        for (AllocateMessageQueueStrategy s : List.of(new AllocateMessageQueueAveragely(),
            new AllocateMessageQueueAveragelyByCircle(), new AllocateMessageQueueConsistentHash())) {
            for (int q = 1; q <= 17; q += 4) {
                for (int c = 1; c <= 6; c++) {
                    assertPartition(s, q, c);
                }
            }
        }
    }

    @Test
    void machineRoomOnlySharesQueuesOfTheConfiguredRooms() {
        List<MessageQueue> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(new MessageQueue("T", "room1@broker-a", i));
            all.add(new MessageQueue("T", "room2@broker-b", i));
        }
        AllocateMessageQueueByMachineRoom s = new AllocateMessageQueueByMachineRoom();
        s.setConsumeridcs(Set.of("room1"));
        List<MessageQueue> mine = new ArrayList<>();
        for (String cid : cids(3)) {
            mine.addAll(s.allocate("G", cid, all, cids(3)));
        }
        assertThat(mine).hasSize(4).allMatch(mq -> mq.getBrokerName().startsWith("room1@"));
    }

    @Test
    void byConfigReturnsTheConfiguredQueues() {
        AllocateMessageQueueByConfig s = new AllocateMessageQueueByConfig();
        s.setMessageQueueList(queues(2));
        assertThat(s.allocate("G", "x", queues(8), cids(1))).isEqualTo(queues(2));
    }
}
