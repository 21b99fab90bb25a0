package io.apogee.broker.slave;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.broker.BrokerController;
import io.apogee.common.DataVersion;
import io.apogee.common.TopicConfig;
import io.apogee.common.protocol.RemotingSerializable;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.ConsumerOffsetSerializeWrapper;
import io.apogee.common.protocol.body.SubscriptionGroupWrapper;
import io.apogee.common.protocol.body.TopicConfigSerializeWrapper;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.broker.schedule.ScheduleMessageService;

/**
 * A slave's copy of the master's metadata (protocol.md §3.6): topics (from the master's VIP channel, port-2),
 * consumer offsets, delay offsets and subscription groups, pulled with GET_ALL_* requests and persisted
 * locally. Called every 10 s by the broker's scheduler.
 */
public class SlaveSynchronize {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final long TIMEOUT_MS = 3000;

    private final BrokerController brokerController;
    private volatile String masterAddr;

    public SlaveSynchronize(BrokerController brokerController) {
        this.brokerController = brokerController;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    public void setMasterAddr(String masterAddr) {
        if (masterAddr != null && !masterAddr.equals(this.masterAddr)) {
            log.info("slave synchronize: master address {} -> {}", this.masterAddr, masterAddr);
        }
        this.masterAddr = masterAddr;
    }

    public void syncAll() {
        syncTopicConfig();
        syncConsumerOffset();
        syncDelayOffset();
        syncSubscriptionGroupConfig();
    }

    private byte[] fetch(String addr, int code) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        RemotingCommand response = brokerController.getBrokerOuterAPI().invokeSync(addr, request, TIMEOUT_MS);
        if (response == null || response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("request " + code + " to master " + addr + " failed: "
                + (response == null ? "no response" : response.getCode() + " " + response.getRemark()));
        }
        return response.getBody();
    }

    /** The master's VIP channel (listenPort - 2), as the official slave uses for topic config. */
    static String vipChannel(String addr) {
        int colon = addr.lastIndexOf(':');
        return addr.substring(0, colon) + ":" + (Integer.parseInt(addr.substring(colon + 1)) - 2);
    }

    private void syncTopicConfig() {
        String addr = masterAddr;
        if (addr == null || addr.isEmpty() || addr.equals(brokerController.getBrokerAddr())) {
            return;
        }
        try {
            byte[] body;
            try {
                body = fetch(vipChannel(addr), RequestCode.GET_ALL_TOPIC_CONFIG);
            } catch (Exception vipFailed) {
                body = fetch(addr, RequestCode.GET_ALL_TOPIC_CONFIG);
            }
            TopicConfigSerializeWrapper w = RemotingSerializable.decode(body, TopicConfigSerializeWrapper.class);
            if (w == null || w.getTopicConfigTable() == null) {
                return;
            }
            var manager = brokerController.getTopicConfigManager();
            DataVersion mine = manager.getDataVersion();
            if (w.getDataVersion() == null || !w.getDataVersion().equals(mine)) {
                ConcurrentMap<String, TopicConfig> table = manager.getTopicConfigTable();
                if (w.getDataVersion() != null) {
                    mine.assignNewOne(w.getDataVersion());
                }
                table.clear();
                table.putAll(w.getTopicConfigTable());
                manager.persist();
                log.info("Update slave topic config from master, {}", addr);
            }
        } catch (Exception e) {
            log.error("SyncTopicConfig Exception, {}: {}", addr, e.toString());
        }
    }

    private void syncConsumerOffset() {
        String addr = masterAddr;
        if (addr == null || addr.isEmpty() || addr.equals(brokerController.getBrokerAddr())) {
            return;
        }
        try {
            ConsumerOffsetSerializeWrapper w = RemotingSerializable.decode(
                fetch(addr, RequestCode.GET_ALL_CONSUMER_OFFSET), ConsumerOffsetSerializeWrapper.class);
            if (w != null && w.getOffsetTable() != null) {
                brokerController.getConsumerOffsetManager().getOffsetTable().putAll(w.getOffsetTable());
                brokerController.getConsumerOffsetManager().persist();
                log.info("Update slave consumer offset from master, {}", addr);
            }
        } catch (Exception e) {
            log.error("SyncConsumerOffset Exception, {}: {}", addr, e.toString());
        }
    }

    private void syncDelayOffset() {
        String addr = masterAddr;
        if (addr == null || addr.isEmpty() || addr.equals(brokerController.getBrokerAddr())) {
            return;
        }
        try {
            ScheduleMessageService.Wrapper w = RemotingSerializable.decode(
                fetch(addr, RequestCode.GET_ALL_DELAY_OFFSET), ScheduleMessageService.Wrapper.class);
            ScheduleMessageService schedule = brokerController.getScheduleMessageService();
            if (w != null && w.getOffsetTable() != null && schedule != null) {
                schedule.getOffsetTable().putAll(w.getOffsetTable());
                schedule.persist();
                log.info("Update slave delay offset from master, {}", addr);
            }
        } catch (Exception e) {
            log.error("SyncDelayOffset Exception, {}: {}", addr, e.toString());
        }
    }

    private void syncSubscriptionGroupConfig() {
        String addr = masterAddr;
        if (addr == null || addr.isEmpty() || addr.equals(brokerController.getBrokerAddr())) {
            return;
        }
        try {
            SubscriptionGroupWrapper w = RemotingSerializable.decode(
                fetch(addr, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG), SubscriptionGroupWrapper.class);
            if (w == null || w.getSubscriptionGroupTable() == null) {
                return;
            }
            var manager = brokerController.getSubscriptionGroupManager();
            DataVersion mine = manager.getDataVersion();
            if (w.getDataVersion() == null || !w.getDataVersion().equals(mine)) {
                if (w.getDataVersion() != null) {
                    mine.assignNewOne(w.getDataVersion());
                }
                ConcurrentMap<String, SubscriptionGroupConfig> table = manager.table();
                table.clear();
                for (Map.Entry<String, SubscriptionGroupConfig> e : w.getSubscriptionGroupTable().entrySet()) {
                    table.put(e.getKey(), e.getValue());
                }
                manager.persist();
                log.info("Update slave Subscription Group from master, {}", addr);
            }
        } catch (Exception e) {
            log.error("SyncSubscriptionGroup Exception, {}: {}", addr, e.toString());
        }
    }
}
