package io.apogee.client.trace;

import java.util.List;

import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Pub / SubBefore / SubAfter / EndTransaction contexts for the send, consume and transaction paths and hands
 * them to a dispatcher.
 * Every method swallows its own failures: tracing must never break a send or a consume.
 */
public final class MessageTracer {
    private static final Logger log = LoggerFactory.getLogger(MessageTracer.class);

    /** Outcome codes of a consume call, stored in SubAfter records. */
    public static final int CONSUME_SUCCESS = 0;
    public static final int CONSUME_TIME_OUT = 1;
    public static final int CONSUME_EXCEPTION = 2;
    public static final int CONSUME_RETURN_NULL = 3;
    public static final int CONSUME_FAILED = 4;

    private MessageTracer() {
    }

    /** Records a successful send (called once a SendResult is known). */
    public static void pub(AsyncTraceDispatcher dispatcher, String group, Message msg, SendResult result, String brokerAddr,
                           int bodyLength, long beginMillis) {
        if (dispatcher == null || result == null || msg == null) {
            return;
        }
        try {
            if (!result.isTraceOn() || msg.getTopic().equals(dispatcher.getTraceTopic())) {
                return;
            }
            TraceContext ctx = new TraceContext();
            ctx.setTraceType(TraceType.Pub);
            ctx.setTimeStamp(beginMillis);
            ctx.setGroupName(group);
            ctx.setRegionId(result.getRegionId() == null ? TraceConstants.DEFAULT_REGION : result.getRegionId());
            ctx.setSuccess(result.getSendStatus() == SendStatus.SEND_OK);
            ctx.setCostTime((int) (System.currentTimeMillis() - beginMillis));
            TraceBean bean = new TraceBean();
            bean.setTopic(msg.getTopic());
            bean.setTags(msg.getTags());
            bean.setKeys(msg.getKeys());
            bean.setStoreHost(brokerAddr);
            bean.setBodyLength(bodyLength);
            bean.setMsgType(messageType(msg));
            bean.setMsgId(result.getMsgId());
            bean.setOffsetMsgId(result.getOffsetMsgId());
            bean.setStoreTime(beginMillis + ctx.getCostTime() / 2);
            ctx.getTraceBeans().add(bean);
            dispatcher.append(ctx);
        } catch (Throwable t) {
            log.debug("cannot trace a send of group {}", group, t);
        }
    }

    /**
     * Records the END_TRANSACTION a producer is about to send, after its local transaction or a check-back. As in the
     * 4.9.7 client the message type is always Trans_msg_Commit whatever the state, and the transaction id is the
     * message's own (its unique client id), not the broker's.
     */
    public static void endTransaction(AsyncTraceDispatcher dispatcher, String group, Message msg, String msgId,
                                      String brokerAddr, LocalTransactionState state, boolean fromTransactionCheck) {
        if (dispatcher == null || msg == null) {
            return;
        }
        try {
            if (msg.getTopic().startsWith(dispatcher.getTraceTopic())) {
                return;
            }
            TraceContext ctx = new TraceContext();
            ctx.setTraceType(TraceType.EndTransaction);
            ctx.setGroupName(group);
            String region = msg.getProperty(MessageConst.PROPERTY_MSG_REGION);
            ctx.setRegionId(region == null || region.isEmpty() ? TraceConstants.DEFAULT_REGION : region);
            TraceBean bean = new TraceBean();
            bean.setTopic(msg.getTopic());
            bean.setTags(msg.getTags());
            bean.setKeys(msg.getKeys());
            bean.setStoreHost(brokerAddr);
            bean.setMsgType(TraceMessageType.Trans_msg_Commit);
            bean.setMsgId(msgId);
            bean.setTransactionId(msg.getTransactionId());
            bean.setTransactionState(state);
            bean.setFromTransactionCheck(fromTransactionCheck);
            ctx.getTraceBeans().add(bean);
            ctx.setTimeStamp(System.currentTimeMillis());
            dispatcher.append(ctx);
        } catch (Throwable t) {
            log.debug("cannot trace the end of a transaction of group {}", group, t);
        }
    }

    static TraceMessageType messageType(Message msg) {
        if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            return TraceMessageType.Trans_Msg_Half;
        }
        if (msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL) != null || msg.getProperty("__STARTDELIVERTIME") != null) {
            return TraceMessageType.Delay_Msg;
        }
        return TraceMessageType.Normal_Msg;
    }

    /** Records the start of a consume call; returns the context to pass to {@link #subAfter}, or null. */
    public static TraceContext subBefore(AsyncTraceDispatcher dispatcher, String group, List<MessageExt> msgs) {
        if (dispatcher == null || msgs == null || msgs.isEmpty()) {
            return null;
        }
        try {
            TraceContext ctx = new TraceContext();
            ctx.setTraceType(TraceType.SubBefore);
            ctx.setGroupName(group);
            ctx.setTimeStamp(System.currentTimeMillis());
            ctx.setRequestId(MessageClientIDSetter.createUniqID());
            ctx.setRegionId(TraceConstants.DEFAULT_REGION);
            for (MessageExt m : msgs) {
                if (m == null || "false".equals(m.getProperty(MessageConst.PROPERTY_TRACE_SWITCH))) {
                    continue;
                }
                String region = m.getProperty(MessageConst.PROPERTY_MSG_REGION);
                if (region != null && !region.isEmpty()) {
                    ctx.setRegionId(region);
                }
                TraceBean bean = new TraceBean();
                bean.setTopic(m.getTopic());
                bean.setMsgId(m.getMsgId());
                bean.setTags(m.getTags());
                bean.setKeys(m.getKeys());
                bean.setStoreTime(m.getStoreTimestamp());
                bean.setBodyLength(m.getBody() == null ? 0 : m.getBody().length);
                bean.setRetryTimes(m.getReconsumeTimes());
                bean.setStoreHost(m.getStoreHost() == null ? "" : m.getStoreHost().toString().replaceFirst("^.*/", ""));
                ctx.getTraceBeans().add(bean);
            }
            if (ctx.getTraceBeans().isEmpty()) {
                return null;
            }
            dispatcher.append(ctx);
            return ctx;
        } catch (Throwable t) {
            log.debug("cannot trace a consume of group {}", group, t);
            return null;
        }
    }

    /** Records the end of a consume call started with {@link #subBefore}. */
    public static void subAfter(AsyncTraceDispatcher dispatcher, TraceContext before, boolean success, int contextCode) {
        if (dispatcher == null || before == null) {
            return;
        }
        try {
            TraceContext ctx = new TraceContext();
            ctx.setTraceType(TraceType.SubAfter);
            ctx.setGroupName(before.getGroupName());
            ctx.setRegionId(before.getRegionId());
            ctx.setRequestId(before.getRequestId());
            ctx.setSuccess(success);
            ctx.setContextCode(contextCode);
            long now = System.currentTimeMillis();
            ctx.setTimeStamp(now);
            ctx.setCostTime((int) ((now - before.getTimeStamp()) / before.getTraceBeans().size()));
            ctx.setTraceBeans(before.getTraceBeans());
            dispatcher.append(ctx);
        } catch (Throwable t) {
            log.debug("cannot trace the end of a consume of group {}", before.getGroupName(), t);
        }
    }
}
