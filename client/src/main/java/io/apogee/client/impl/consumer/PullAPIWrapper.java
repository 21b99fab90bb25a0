package io.apogee.client.impl.consumer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.apogee.client.consumer.PullCallback;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.CommunicationMode;
import io.apogee.client.impl.FindBrokerResult;
import io.apogee.client.impl.factory.MQClientInstance;
import io.apogee.common.MixAll;
import io.apogee.common.filter.ExpressionType;
import io.apogee.common.message.MessageAccessor;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExt;
import io.apogee.common.protocol.body.MessageQueue;
import io.apogee.common.protocol.header.PullMessageRequestHeader;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.remoting.exception.RemotingException;

/** Issues PULL_MESSAGE to the right broker node and decodes and filters what comes back (protocol.md §5.6). */
public class PullAPIWrapper {
    private final MQClientInstance mQClientFactory;
    private final String consumerGroup;
    private final ConcurrentMap<MessageQueue, Long> pullFromWhichNodeTable = new ConcurrentHashMap<>();

    public PullAPIWrapper(MQClientInstance mQClientFactory, String consumerGroup) {
        this.mQClientFactory = mQClientFactory;
        this.consumerGroup = consumerGroup;
    }

    public static int buildSysFlag(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter) {
        int flag = 0;
        if (commitOffset) {
            flag |= 1;
        }
        if (suspend) {
            flag |= 2;
        }
        if (subscription) {
            flag |= 4;
        }
        if (classFilter) {
            flag |= 8;
        }
        return flag;
    }

    /** Decodes the body of a FOUND result, drops messages the tag filter does not want, and annotates the rest. */
    public PullResult processPullResult(MessageQueue mq, PullResult pullResult, SubscriptionData subscriptionData) {
        PullResultExt ext = (PullResultExt) pullResult;
        pullFromWhichNodeTable.put(mq, ext.getSuggestWhichBrokerId());
        if (pullResult.getPullStatus() == PullStatus.FOUND && ext.getMessageBinary() != null) {
            List<MessageExt> msgList = MessageDecoder.decodes(ByteBuffer.wrap(ext.getMessageBinary()));
            List<MessageExt> filtered = msgList;
            if (subscriptionData != null && !subscriptionData.getTagsSet().isEmpty() && !subscriptionData.isClassFilterMode()
                && ExpressionType.isTagType(subscriptionData.getExpressionType())) {
                filtered = new ArrayList<>(msgList.size());
                for (MessageExt msg : msgList) {
                    if (msg.getTags() != null && subscriptionData.getTagsSet().contains(msg.getTags())) {
                        filtered.add(msg);
                    }
                }
            }
            String minOffset = Long.toString(pullResult.getMinOffset());
            String maxOffset = Long.toString(pullResult.getMaxOffset());
            for (MessageExt msg : filtered) {
                if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                    msg.setTransactionId(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
                }
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MIN_OFFSET, minOffset);
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MAX_OFFSET, maxOffset);
                msg.setBrokerName(mq.getBrokerName());
            }
            pullResult.setMsgFoundList(filtered);
        }
        ext.setMessageBinary(null);
        return pullResult;
    }

    public long recalculatePullFromWhichNode(MessageQueue mq) {
        Long suggest = pullFromWhichNodeTable.get(mq);
        return suggest == null ? MixAll.MASTER_ID : suggest;
    }

    public PullResult pullKernelImpl(MessageQueue mq, String subExpression, String expressionType, long subVersion,
                                     long offset, int maxNums, int sysFlag, long commitOffset, long brokerSuspendMaxTimeMillis,
                                     long timeoutMillis, CommunicationMode mode, PullCallback pullCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(),
            recalculatePullFromWhichNode(mq), false);
        if (broker == null) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(mq.getTopic());
            broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), recalculatePullFromWhichNode(mq), false);
        }
        if (broker == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        int flag = sysFlag;
        if (broker.isSlave()) {
            flag &= ~1; // a slave never commits offsets
        }
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup(consumerGroup);
        h.setTopic(mq.getTopic());
        h.setQueueId(mq.getQueueId());
        h.setQueueOffset(offset);
        h.setMaxMsgNums(maxNums);
        h.setSysFlag(flag);
        h.setCommitOffset(commitOffset);
        h.setSuspendTimeoutMillis(brokerSuspendMaxTimeMillis);
        h.setSubscription(subExpression);
        h.setSubVersion(subVersion);
        h.setExpressionType(expressionType);
        return mQClientFactory.getMQClientAPIImpl().pullMessage(broker.getBrokerAddr(), h, timeoutMillis, mode, pullCallback);
    }
}
