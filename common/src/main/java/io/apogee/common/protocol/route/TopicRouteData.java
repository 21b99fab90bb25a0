package io.apogee.common.protocol.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;

import io.apogee.common.protocol.RemotingSerializable;

/**
 * Route of one topic: which brokers hold its queues and where they are. Two JSON forms (protocol.md §3.2):
 * plain fastjson ({@link #encode()}, numeric map keys unquoted, for requesters older than 4.9.4) and
 * standard JSON ({@link #encodeStandardJson()}: quoted keys, maps sorted, non-ASCII escaped).
 */
public class TopicRouteData extends RemotingSerializable {
    private static final SerializerFeature[] STANDARD_JSON = {
        SerializerFeature.BrowserCompatible, SerializerFeature.QuoteFieldNames,
        SerializerFeature.SkipTransientField, SerializerFeature.MapSortField
    };

    private String orderTopicConf;
    private List<QueueData> queueDatas;
    private List<BrokerData> brokerDatas;
    private HashMap<String, List<String>> filterServerTable;

    /** A deep copy. */
    public TopicRouteData cloneTopicRouteData() {
        TopicRouteData c = new TopicRouteData();
        c.orderTopicConf = orderTopicConf;
        c.queueDatas = new ArrayList<>();
        if (queueDatas != null) {
            queueDatas.forEach(q -> c.queueDatas.add(q.copy()));
        }
        c.brokerDatas = new ArrayList<>();
        if (brokerDatas != null) {
            brokerDatas.forEach(b -> c.brokerDatas.add(b.copy()));
        }
        c.filterServerTable = new HashMap<>();
        if (filterServerTable != null) {
            for (Map.Entry<String, List<String>> e : filterServerTable.entrySet()) {
                c.filterServerTable.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
        }
        return c;
    }

    /** Standard JSON: keys quoted (also the numeric brokerId keys), maps sorted, non-ASCII as {@code \\uXXXX}. */
    public byte[] encodeStandardJson() {
        return JSON.toJSONBytes(this, STANDARD_JSON);
    }

    public String getOrderTopicConf() {
        return orderTopicConf;
    }

    public void setOrderTopicConf(String orderTopicConf) {
        this.orderTopicConf = orderTopicConf;
    }

    public List<QueueData> getQueueDatas() {
        return queueDatas;
    }

    public void setQueueDatas(List<QueueData> queueDatas) {
        this.queueDatas = queueDatas;
    }

    public List<BrokerData> getBrokerDatas() {
        return brokerDatas;
    }

    public void setBrokerDatas(List<BrokerData> brokerDatas) {
        this.brokerDatas = brokerDatas;
    }

    public HashMap<String, List<String>> getFilterServerTable() {
        return filterServerTable;
    }

    public void setFilterServerTable(HashMap<String, List<String>> filterServerTable) {
        this.filterServerTable = filterServerTable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicRouteData)) {
            return false;
        }
        TopicRouteData t = (TopicRouteData) o;
        return Objects.equals(orderTopicConf, t.orderTopicConf) && Objects.equals(queueDatas, t.queueDatas)
            && Objects.equals(brokerDatas, t.brokerDatas) && Objects.equals(filterServerTable, t.filterServerTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderTopicConf, queueDatas, brokerDatas, filterServerTable);
    }

    @Override
    public String toString() {
        return "TopicRouteData [orderTopicConf=" + orderTopicConf + ", queueDatas=" + queueDatas + ", brokerDatas="
            + brokerDatas + ", filterServerTable=" + filterServerTable + "]";
    }
}
