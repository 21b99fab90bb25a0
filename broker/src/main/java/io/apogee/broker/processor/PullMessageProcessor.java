package io.apogee.broker.processor;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.apogee.broker.BrokerController;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.filter.ExpressionMessageFilter;
import io.apogee.broker.longpolling.PullRequest;
import io.apogee.broker.longpolling.PullRequestHoldService;
import io.apogee.common.BrokerConfig;
import io.apogee.common.MixAll;
import io.apogee.common.TopicConfig;
import io.apogee.common.constant.PermName;
import io.apogee.common.filter.ExpressionType;
import io.apogee.common.filter.FilterAPI;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.PullMessageRequestHeader;
import io.apogee.common.protocol.header.PullMessageResponseHeader;
import io.apogee.common.protocol.heartbeat.MessageModel;
import io.apogee.common.protocol.heartbeat.SubscriptionData;
import io.apogee.common.subscription.SubscriptionGroupConfig;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.config.BrokerRole;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE: checks, one store lookup, status mapping (protocol.md §6.1), offset commit, and long polling
 * through {@link PullRequestHoldService}. Found messages go out by copy ({@code transferMsgByHeap=true}, the
 * default) or straight from the mapped CommitLog slices.
 */
public class PullMessageProcessor implements NettyRequestProcessor, PullRequestHoldService.Waker {
    private static final Logger log = LoggerFactory.getLogger("RocketmqBroker");
    private static final int FLAG_COMMIT_OFFSET = 1;
    private static final int FLAG_SUSPEND = 1 << 1;
    private static final int FLAG_SUBSCRIPTION = 1 << 2;

    private final BrokerController brokerController;
    private final OffsetMovedEventPublisher offsetMovedEvents;
    private volatile ExecutorService wakeupExecutor;

    public PullMessageProcessor(BrokerController brokerController) {
        this.brokerController = brokerController;
        this.offsetMovedEvents = new OffsetMovedEventPublisher(brokerController.getMessageStore(),
            brokerController.getBrokerConfig().getBrokerName(), brokerController.getStoreHost());
    }

    public void setWakeupExecutor(ExecutorService wakeupExecutor) {
        this.wakeupExecutor = wakeupExecutor;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        return processRequest(ctx.channel(), request, true);
    }

    private RemotingCommand processRequest(Channel channel, RemotingCommand request, boolean brokerAllowSuspend) throws Exception {
        RemotingCommand response = RemotingCommand.createResponseCommand(PullMessageResponseHeader.class);
        PullMessageResponseHeader responseHeader = (PullMessageResponseHeader) response.readCustomHeader();
        PullMessageRequestHeader header = request.decodeCommandCustomHeader(PullMessageRequestHeader.class);
        response.setOpaque(request.getOpaque());
        BrokerConfig bc = brokerController.getBrokerConfig();
        if (!PermName.isReadable(bc.getBrokerPermission())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the broker[" + bc.getBrokerIP1() + "] pulling message is forbidden");
            return response;
        }
        SubscriptionGroupConfig sgc = brokerController.getSubscriptionGroupManager().findSubscriptionGroupConfig(header.getConsumerGroup());
        if (sgc == null) {
            response.setCode(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
            response.setRemark(String.format("subscription group [%s] does not exist, %s", header.getConsumerGroup(),
                "See http://rocketmq.apache.org/docs/faq/ for further details."));
            return response;
        }
        if (!sgc.isConsumeEnable()) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("subscription group no permission, " + header.getConsumerGroup());
            return response;
        }
        int sysFlag = header.getSysFlag();
        boolean hasSuspendFlag = (sysFlag & FLAG_SUSPEND) != 0;
        boolean hasCommitOffsetFlag = (sysFlag & FLAG_COMMIT_OFFSET) != 0;
        boolean hasSubscriptionFlag = (sysFlag & FLAG_SUBSCRIPTION) != 0;
        long suspendTimeoutMillis = hasSuspendFlag ? header.getSuspendTimeoutMillis() : 0;

        TopicConfig topicConfig = brokerController.getTopicConfigManager().selectTopicConfig(header.getTopic());
        if (topicConfig == null) {
            log.warn("the topic {} not exist, consumer: {}", header.getTopic(), RemotingHelper.parseChannelRemoteAddr(channel));
            response.setCode(ResponseCode.TOPIC_NOT_EXIST);
            response.setRemark(String.format("topic[%s] not exist, apply first please! %s", header.getTopic(),
                "See http://rocketmq.apache.org/docs/faq/ for further details."));
            return response;
        }
        if (!PermName.isReadable(topicConfig.getPerm())) {
            response.setCode(ResponseCode.NO_PERMISSION);
            response.setRemark("the topic[" + header.getTopic() + "] pulling message is forbidden");
            return response;
        }
        if (header.getQueueId() < 0 || header.getQueueId() >= topicConfig.getReadQueueNums()) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark(String.format("queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
                header.getQueueId(), header.getTopic(), topicConfig.getReadQueueNums(), RemotingHelper.parseChannelRemoteAddr(channel)));
            return response;
        }

        SubscriptionData subscriptionData;
        if (hasSubscriptionFlag) {
            try {
                subscriptionData = FilterAPI.build(header.getTopic(), header.getSubscription(), header.getExpressionType());
            } catch (Exception e) {
                response.setCode(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
                response.setRemark("parse the consumer's subscription failed");
                return response;
            }
        } else {
            ConsumerGroupInfo cgi = brokerController.getConsumerManager().getConsumerGroupInfo(header.getConsumerGroup());
            if (cgi == null) {
                response.setCode(ResponseCode.SUBSCRIPTION_NOT_EXIST);
                response.setRemark("the consumer's group info not exist" + " See http://rocketmq.apache.org/docs/faq/ for further details.");
                return response;
            }
            if (!sgc.isConsumeBroadcastEnable() && cgi.getMessageModel() == MessageModel.BROADCASTING) {
                response.setCode(ResponseCode.NO_PERMISSION);
                response.setRemark("the consumer group[" + header.getConsumerGroup() + "] can not consume by broadcast way");
                return response;
            }
            subscriptionData = cgi.findSubscriptionData(header.getTopic());
            if (subscriptionData == null) {
                response.setCode(ResponseCode.SUBSCRIPTION_NOT_EXIST);
                response.setRemark("the consumer's subscription not exist" + " See http://rocketmq.apache.org/docs/faq/ for further details.");
                return response;
            }
            if (subscriptionData.getSubVersion() < header.getSubVersion()) {
                response.setCode(ResponseCode.SUBSCRIPTION_NOT_LATEST);
                response.setRemark("the consumer's subscription not latest");
                return response;
            }
        }
        if (!ExpressionType.isTagType(subscriptionData.getExpressionType()) && !bc.isEnablePropertyFilter()) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("The broker does not support consumer to filter message by " + subscriptionData.getExpressionType());
            return response;
        }
        MessageFilter filter;
        if (ExpressionType.isTagType(subscriptionData.getExpressionType())) {
            filter = ExpressionMessageFilter.of(subscriptionData, null);
        } else {
            try {
                filter = ExpressionMessageFilter.of(subscriptionData,
                    brokerController.getConsumerFilterManager().compile(subscriptionData.getSubString()));
            } catch (io.apogee.common.filter.expression.SqlParseException e) {
                response.setCode(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
                response.setRemark(e.getMessage());
                return response;
            }
        }

        GetMessageResult result = brokerController.getMessageStore().getMessage(header.getConsumerGroup(), header.getTopic(),
            header.getQueueId(), header.getQueueOffset(), header.getMaxMsgNums(), filter);
        if (result == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("store getMessage return null");
            return response;
        }
        response.setRemark(result.getStatus().name());
        responseHeader.setNextBeginOffset(result.getNextBeginOffset());
        responseHeader.setMinOffset(result.getMinOffset());
        responseHeader.setMaxOffset(result.getMaxOffset());
        if (bc.isSlaveReadEnable()) {
            responseHeader.setSuggestWhichBrokerId(result.isSuggestPullingFromSlave()
                ? sgc.getWhichBrokerWhenConsumeSlowly() : sgc.getBrokerId());
        } else {
            responseHeader.setSuggestWhichBrokerId(MixAll.MASTER_ID);
        }
        switch (result.getStatus()) {
            case FOUND:
                response.setCode(ResponseCode.SUCCESS);
                break;
            case MESSAGE_WAS_REMOVING:
            case NO_MATCHED_MESSAGE:
                response.setCode(ResponseCode.PULL_RETRY_IMMEDIATELY);
                break;
            case NO_MATCHED_LOGIC_QUEUE:
            case NO_MESSAGE_IN_QUEUE:
                response.setCode(header.getQueueOffset() != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND);
                break;
            case OFFSET_FOUND_NULL:
            case OFFSET_OVERFLOW_ONE:
                response.setCode(ResponseCode.PULL_NOT_FOUND);
                break;
            case OFFSET_OVERFLOW_BADLY:
            case OFFSET_TOO_SMALL:
                response.setCode(ResponseCode.PULL_OFFSET_MOVED);
                break;
            default:
                response.setCode(ResponseCode.SYSTEM_ERROR);
                break;
        }
        boolean isSlave = brokerController.getMessageStoreConfig().getBrokerRole() == BrokerRole.SLAVE;
        if (isSlave && !brokerController.getMessageStoreConfig().isOffsetCheckInSlave()
            && response.getCode() == ResponseCode.PULL_OFFSET_MOVED) {
            response.setCode(ResponseCode.PULL_RETRY_IMMEDIATELY);
            responseHeader.setNextBeginOffset(header.getQueueOffset());
        }
        if (response.getCode() == ResponseCode.PULL_OFFSET_MOVED) {
            offsetMovedEvents.publish(header.getConsumerGroup(), header.getTopic(), header.getQueueId(),
                header.getQueueOffset(), result.getNextBeginOffset());
        }
        boolean storeOffsetEnable = brokerAllowSuspend && hasCommitOffsetFlag && !isSlave;
        if (storeOffsetEnable) {
            brokerController.getConsumerOffsetManager().commitOffset(RemotingHelper.parseChannelRemoteAddr(channel),
                header.getConsumerGroup(), header.getTopic(), header.getQueueId(), header.getCommitOffset());
        }

        switch (response.getCode()) {
            case ResponseCode.SUCCESS:
                brokerController.getBrokerStats().incGroupGet(header.getConsumerGroup(), header.getTopic(),
                    result.getMessageCount(), result.getBufferTotalSize());
                if (bc.isTransferMsgByHeap()) {
                    try {
                        response.setBody(readGetMessageResult(result));
                    } finally {
                        result.release();
                    }
                    return response;
                }
                writeZeroCopy(channel, request, response, result);
                return null;
            case ResponseCode.PULL_NOT_FOUND:
                result.release();
                if (brokerAllowSuspend && hasSuspendFlag) {
                    long polling = bc.isLongPollingEnable() ? suspendTimeoutMillis : bc.getShortPollingTimeMills();
                    PullRequest pullRequest = new PullRequest(request, channel, polling, System.currentTimeMillis(),
                        header.getQueueOffset(), subscriptionData, filter);
                    brokerController.getPullRequestHoldService().suspendPullRequest(header.getTopic(), header.getQueueId(), pullRequest);
                    return null;
                }
                return response;
            default:
                result.release();
                return response;
        }
    }

    private static byte[] readGetMessageResult(GetMessageResult result) {
        byte[] out = new byte[result.getBufferTotalSize()];
        int pos = 0;
        for (ByteBuffer bb : result.getMessageBufferList()) {
            ByteBuffer dup = bb.duplicate();
            int n = dup.remaining();
            dup.get(out, pos, n);
            pos += n;
        }
        return out;
    }

    private void writeZeroCopy(Channel channel, RemotingCommand request, RemotingCommand response, GetMessageResult result) {
        response.asResponseTo(request);
        ByteBuf header = channel.alloc().buffer(256);
        response.encodeHeader(header, result.getBufferTotalSize());
        List<ByteBuffer> buffers = result.getMessageBufferList();
        CompositeByteBuf frame = Unpooled.compositeBuffer(buffers.size() + 1);
        frame.addComponent(true, header);
        for (ByteBuffer bb : buffers) {
            frame.addComponent(true, Unpooled.wrappedBuffer(bb.duplicate()));
        }
        channel.writeAndFlush(frame).addListener(f -> {
            result.release();
            if (!f.isSuccess()) {
                log.warn("transfer pulled messages to {} failed", RemotingHelper.parseChannelRemoteAddr(channel), f.cause());
            }
        });
    }

    @Override
    public void executeRequestWhenWakeup(PullRequest pullRequest) {
        Runnable run = () -> {
            try {
                RemotingCommand response = processRequest(pullRequest.channel(), pullRequest.request(), false);
                if (response != null) {
                    pullRequest.channel().writeAndFlush(response.asResponseTo(pullRequest.request())).addListener(f -> {
                        if (!f.isSuccess()) {
                            log.warn("write woken pull response to {} failed: {}",
                                RemotingHelper.parseChannelRemoteAddr(pullRequest.channel()), String.valueOf(f.cause()));
                        }
                    });
                }
            } catch (Throwable e) {
                log.error("execute woken pull request failed", e);
            }
        };
        ExecutorService ex = wakeupExecutor;
        try {
            if (ex != null) {
                ex.execute(run);
            } else {
                run.run();
            }
        } catch (RejectedExecutionException e) {
            log.warn("pull executor full, dropping woken pull from {}", RemotingHelper.parseChannelRemoteAddr(pullRequest.channel()));
        }
    }
}
