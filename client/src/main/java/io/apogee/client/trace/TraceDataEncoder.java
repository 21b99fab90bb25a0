package io.apogee.client.trace;

import java.util.ArrayList;
import java.util.List;

import io.apogee.client.producer.LocalTransactionState;
import io.apogee.common.message.MessageConst;

/**
 * Text form of trace records as read by the RocketMQ dashboard and {@code mqadmin queryMsgTraceById}: each
 * record is its fields joined by {@link TraceConstants#CONTENT_SPLITOR} and ended by
 * {@link TraceConstants#FIELD_SPLITOR}.
 *
 * <pre>
 * Pub:            type, timestamp, region, group, topic, msgId, tags, keys, storeHost, bodyLength, costTime,
 *                 msgType ordinal, offsetMsgId, success
 * SubBefore:      type, timestamp, region, group, requestId, msgId, retryTimes, keys      (one per message)
 * SubAfter:       type, requestId, msgId, costTime, success, keys, contextCode, timestamp, group (one per message)
 * EndTransaction: type, timestamp, region, group, topic, msgId, tags, keys, storeHost, msgType ordinal,
 *                 transactionId, transactionState name, fromTransactionCheck
 * </pre>
 */
public final class TraceDataEncoder {
    private TraceDataEncoder() {
    }

    /** Encodes one context; null for a null context. */
    public static TraceTransferBean encoderFromContextBean(TraceContext ctx) {
        if (ctx == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(256);
        List<TraceBean> beans = ctx.getTraceBeans();
        switch (ctx.getTraceType()) {
            case Pub -> {
                TraceBean b = beans.get(0);
                record(out, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(), b.getTopic(),
                    b.getMsgId(), b.getTags(), b.getKeys(), b.getStoreHost(), b.getBodyLength(), ctx.getCostTime(),
                    b.getMsgType().ordinal(), b.getOffsetMsgId(), ctx.isSuccess());
            }
            case SubBefore -> {
                for (TraceBean b : beans) {
                    record(out, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(),
                        ctx.getRequestId(), b.getMsgId(), b.getRetryTimes(), b.getKeys());
                }
            }
            case SubAfter -> {
                for (TraceBean b : beans) {
                    record(out, ctx.getTraceType(), ctx.getRequestId(), b.getMsgId(), ctx.getCostTime(), ctx.isSuccess(),
                        b.getKeys(), ctx.getContextCode(), ctx.getTimeStamp(), ctx.getGroupName());
                }
            }
            case EndTransaction -> {
                TraceBean b = beans.get(0);
                record(out, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(), b.getTopic(),
                    b.getMsgId(), b.getTags(), b.getKeys(), b.getStoreHost(), b.getMsgType().ordinal(),
                    b.getTransactionId(), b.getTransactionState().name(), b.isFromTransactionCheck());
            }
            default -> {
            }
        }
        TraceTransferBean transfer = new TraceTransferBean();
        transfer.setTransData(out.toString());
        for (TraceBean b : beans) {
            transfer.getTransKey().add(b.getMsgId());
            if (b.getKeys() != null && !b.getKeys().isEmpty()) {
                for (String key : b.getKeys().split(MessageConst.KEY_SEPARATOR)) {
                    transfer.getTransKey().add(key);
                }
            }
        }
        return transfer;
    }

    private static void record(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            out.append(fields[i]).append(i == fields.length - 1 ? TraceConstants.FIELD_SPLITOR : TraceConstants.CONTENT_SPLITOR);
        }
    }

    /** Parses a trace message body into contexts (one per record); unknown record types are skipped. */
    public static List<TraceContext> decoderFromTraceDataString(String traceData) {
        List<TraceContext> result = new ArrayList<>();
        if (traceData == null || traceData.isEmpty()) {
            return result;
        }
        for (String rec : traceData.split(String.valueOf(TraceConstants.FIELD_SPLITOR))) {
            if (rec.isEmpty()) {
                continue;
            }
            String[] f = rec.split(String.valueOf(TraceConstants.CONTENT_SPLITOR), -1);
            TraceContext ctx = new TraceContext();
            TraceBean bean = new TraceBean();
            switch (f[0]) {
                case "Pub" -> {
                    ctx.setTraceType(TraceType.Pub);
                    ctx.setTimeStamp(Long.parseLong(f[1]));
                    ctx.setRegionId(f[2]);
                    ctx.setGroupName(f[3]);
                    bean.setTopic(f[4]);
                    bean.setMsgId(f[5]);
                    bean.setTags(f[6]);
                    bean.setKeys(f[7]);
                    bean.setStoreHost(f[8]);
                    bean.setBodyLength(Integer.parseInt(f[9]));
                    ctx.setCostTime(Integer.parseInt(f[10]));
                    bean.setMsgType(TraceMessageType.values()[Integer.parseInt(f[11])]);
                    if (f.length == 13) {
                        ctx.setSuccess(Boolean.parseBoolean(f[12]));
                    } else if (f.length >= 14) {
                        bean.setOffsetMsgId(f[12]);
                        ctx.setSuccess(Boolean.parseBoolean(f[13]));
                        if (f.length >= 15) {
                            bean.setClientHost(f[14]);
                        }
                    }
                }
                case "SubBefore" -> {
                    ctx.setTraceType(TraceType.SubBefore);
                    ctx.setTimeStamp(Long.parseLong(f[1]));
                    ctx.setRegionId(f[2]);
                    ctx.setGroupName(f[3]);
                    ctx.setRequestId(f[4]);
                    bean.setMsgId(f[5]);
                    bean.setRetryTimes(Integer.parseInt(f[6]));
                    bean.setKeys(f.length > 7 ? f[7] : "");
                }
                case "SubAfter" -> {
                    ctx.setTraceType(TraceType.SubAfter);
                    ctx.setRequestId(f[1]);
                    bean.setMsgId(f[2]);
                    ctx.setCostTime(Integer.parseInt(f[3]));
                    ctx.setSuccess(Boolean.parseBoolean(f[4]));
                    bean.setKeys(f.length > 5 ? f[5] : "");
                    if (f.length >= 7) {
                        ctx.setContextCode(Integer.parseInt(f[6]));
                    }
                    if (f.length >= 8 && !f[7].isEmpty()) {
                        ctx.setTimeStamp(Long.parseLong(f[7]));
                    }
                    if (f.length >= 9) {
                        ctx.setGroupName(f[8]);
                    }
                }
                case "EndTransaction" -> {
                    ctx.setTraceType(TraceType.EndTransaction);
                    ctx.setTimeStamp(Long.parseLong(f[1]));
                    ctx.setRegionId(f[2]);
                    ctx.setGroupName(f[3]);
                    bean.setTopic(f[4]);
                    bean.setMsgId(f[5]);
                    bean.setTags(f[6]);
                    bean.setKeys(f[7]);
                    bean.setStoreHost(f[8]);
                    bean.setMsgType(TraceMessageType.values()[Integer.parseInt(f[9])]);
                    bean.setTransactionId(f[10]);
                    bean.setTransactionState(LocalTransactionState.valueOf(f[11]));
                    bean.setFromTransactionCheck(Boolean.parseBoolean(f[12]));
                }
                default -> {
                    continue;
                }
            }
            ctx.getTraceBeans().add(bean);
            result.add(ctx);
        }
        return result;
    }
}
