package io.apogee.broker.processor;

import java.util.List;

import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.body.GetConsumerListByGroupResponseBody;
import io.apogee.common.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.common.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.ChannelHandlerContext;

/** GET_CONSUMER_LIST_BY_GROUP, QUERY_CONSUMER_OFFSET and UPDATE_CONSUMER_OFFSET. */
public class ConsumerManageProcessor implements NettyRequestProcessor {
    private final ConsumerManager consumerManager;
    private final ConsumerOffsetManager offsetManager;
    private final MessageStore messageStore;

    public ConsumerManageProcessor(ConsumerManager consumerManager, ConsumerOffsetManager offsetManager,
                                   MessageStore messageStore) {
        this.consumerManager = consumerManager;
        this.offsetManager = offsetManager;
        this.messageStore = messageStore;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP: {
                GetConsumerListByGroupRequestHeader h = request.decodeCommandCustomHeader(GetConsumerListByGroupRequestHeader.class);
                ConsumerGroupInfo cgi = consumerManager.getConsumerGroupInfo(h.getConsumerGroup());
                if (cgi != null) {
                    List<String> ids = cgi.getAllClientId();
                    if (!ids.isEmpty()) {
                        GetConsumerListByGroupResponseBody body = new GetConsumerListByGroupResponseBody();
                        body.setConsumerIdList(ids);
                        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
                        response.setBody(body.encode());
                        return response;
                    }
                }
                return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + h.getConsumerGroup());
            }
            case RequestCode.UPDATE_CONSUMER_OFFSET: {
                UpdateConsumerOffsetRequestHeader h = request.decodeCommandCustomHeader(UpdateConsumerOffsetRequestHeader.class);
                offsetManager.commitOffset(RemotingHelper.parseChannelRemoteAddr(ctx.channel()),
                    h.getConsumerGroup(), h.getTopic(), h.getQueueId(), h.getCommitOffset());
                return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            }
            case RequestCode.QUERY_CONSUMER_OFFSET: {
                QueryConsumerOffsetRequestHeader h = request.decodeCommandCustomHeader(QueryConsumerOffsetRequestHeader.class);
                RemotingCommand response = RemotingCommand.createResponseCommand(QueryConsumerOffsetResponseHeader.class);
                QueryConsumerOffsetResponseHeader rh = (QueryConsumerOffsetResponseHeader) response.readCustomHeader();
                long offset = offsetManager.queryOffset(h.getConsumerGroup(), h.getTopic(), h.getQueueId());
                if (offset >= 0) {
                    rh.setOffset(offset);
                    response.setCode(ResponseCode.SUCCESS);
                    response.setRemark(null);
                    return response;
                }
                long minOffset = messageStore.getMinOffsetInQueue(h.getTopic(), h.getQueueId());
                if (minOffset <= 0 && !messageStore.checkInDiskByConsumeOffset(h.getTopic(), h.getQueueId(), 0)) {
                    rh.setOffset(0L);
                    response.setCode(ResponseCode.SUCCESS);
                    response.setRemark(null);
                    return response;
                }
                response.setCode(ResponseCode.QUERY_NOT_FOUND);
                response.setRemark("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
                return response;
            }
            default:
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, null);
        }
    }
}
