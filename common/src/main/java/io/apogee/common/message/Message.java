package io.apogee.common.message;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What a producer sends: topic, flag, body and string properties (tags, keys, ...). */
public class Message {
    private String topic;
    private int flag;
    private Map<String, String> properties;
    private byte[] body;
    private String transactionId;

    public Message() {
    }

    public Message(String topic, byte[] body) {
        this(topic, "", "", 0, body, true);
    }

    public Message(String topic, String tags, byte[] body) {
        this(topic, tags, "", 0, body, true);
    }

    public Message(String topic, String tags, String keys, byte[] body) {
        this(topic, tags, keys, 0, body, true);
    }

    public Message(String topic, String tags, String keys, int flag, byte[] body, boolean waitStoreMsgOK) {
        this.topic = topic;
        this.flag = flag;
        this.body = body;
        if (tags != null && !tags.isEmpty()) {
            setTags(tags);
        }
        if (keys != null && !keys.isEmpty()) {
            setKeys(keys);
        }
        setWaitStoreMsgOK(waitStoreMsgOK);
    }

    void clearProperty(String name) {
        if (properties != null) {
            properties.remove(name);
        }
    }

    public void putProperty(String name, String value) {
        if (properties == null) {
            properties = new HashMap<>();
        }
        properties.put(name, value);
    }

    public void putUserProperty(String name, String value) {
        if (MessageConst.STRING_HASH_SET.contains(name)) {
            throw new IllegalArgumentException("The Property<" + name + "> is used by system, input another please");
        }
        if (value == null || value.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name or value of property can not be null or blank string!");
        }
        putProperty(name, value);
    }

    public String getUserProperty(String name) {
        return getProperty(name);
    }

    public String getProperty(String name) {
        return properties == null ? null : properties.get(name);
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getTags() {
        return getProperty(MessageConst.PROPERTY_TAGS);
    }

    public void setTags(String tags) {
        putProperty(MessageConst.PROPERTY_TAGS, tags);
    }

    public String getKeys() {
        return getProperty(MessageConst.PROPERTY_KEYS);
    }

    public void setKeys(String keys) {
        putProperty(MessageConst.PROPERTY_KEYS, keys);
    }

    public void setKeys(Collection<String> keys) {
        setKeys(String.join(MessageConst.KEY_SEPARATOR, keys));
    }

    public int getDelayTimeLevel() {
        String t = getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        return t == null ? 0 : Integer.parseInt(t);
    }

    public void setDelayTimeLevel(int level) {
        putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
    }

    public boolean isWaitStoreMsgOK() {
        String r = getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        return r == null || Boolean.parseBoolean(r);
    }

    public void setWaitStoreMsgOK(boolean waitStoreMsgOK) {
        putProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, Boolean.toString(waitStoreMsgOK));
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public String getBuyerId() {
        return getProperty(MessageConst.PROPERTY_BUYER_ID);
    }

    public void setBuyerId(String buyerId) {
        putProperty(MessageConst.PROPERTY_BUYER_ID, buyerId);
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    @Override
    public String toString() {
        return "Message{topic='" + topic + "', flag=" + flag + ", properties=" + properties
            + ", body=" + (body == null ? "null" : body.length + " bytes") + ", transactionId='" + transactionId + "'}";
    }
}
