package io.apogee.broker.processor;

import java.nio.ByteBuffer;

import io.apogee.broker.BrokerController;
import io.apogee.common.MixAll;
import io.apogee.common.protocol.RequestCode;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.QueryMessageRequestHeader;
import io.apogee.common.protocol.header.QueryMessageResponseHeader;
import io.apogee.common.protocol.header.ViewMessageRequestHeader;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.QueryMessageResult;
import io.apogee.store.SelectMappedBufferResult;
import io.netty.channel.ChannelHandlerContext;

/** QUERY_MESSAGE (by key or unique key within a time range) and VIEW_MESSAGE_BY_ID (by commit-log offset). */
public class QueryMessageProcessor implements NettyRequestProcessor {
    private final BrokerController brokerController;

    public QueryMessageProcessor(BrokerController brokerController) {
        this.brokerController = brokerController;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        if (request.getCode() == RequestCode.QUERY_MESSAGE) {
            return queryMessage(request);
        }
        if (request.getCode() == RequestCode.VIEW_MESSAGE_BY_ID) {
            return viewMessageById(request);
        }
        return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, null);
    }

    private RemotingCommand queryMessage(RemotingCommand request) throws Exception {
        RemotingCommand response = RemotingCommand.createResponseCommand(QueryMessageResponseHeader.class);
        QueryMessageResponseHeader rh = (QueryMessageResponseHeader) response.readCustomHeader();
        QueryMessageRequestHeader h = request.decodeCommandCustomHeader(QueryMessageRequestHeader.class);
        int maxNum = h.getMaxNum();
        String unique = request.getExtFields() == null ? null : request.getExtFields().get(MixAll.UNIQUE_MSG_QUERY_FLAG);
        if (Boolean.parseBoolean(unique)) {
            maxNum = brokerController.getMessageStoreConfig().getDefaultQueryMaxNum();
        }
        QueryMessageResult result = brokerController.getMessageStore().queryMessage(h.getTopic(), h.getKey(), maxNum,
            h.getBeginTimestamp(), h.getEndTimestamp());
        rh.setIndexLastUpdatePhyoffset(result.getIndexLastUpdatePhyoffset());
        rh.setIndexLastUpdateTimestamp(result.getIndexLastUpdateTimestamp());
        try {
            if (result.getBufferTotalSize() > 0) {
                byte[] body = new byte[result.getBufferTotalSize()];
                int pos = 0;
                for (ByteBuffer bb : result.getMessageBufferList()) {
                    ByteBuffer d = bb.duplicate();
                    int n = d.remaining();
                    d.get(body, pos, n);
                    pos += n;
                }
                response.setBody(body);
                response.setCode(ResponseCode.SUCCESS);
                response.setRemark(null);
                return response;
            }
        } finally {
            result.release();
        }
        response.setCode(ResponseCode.QUERY_NOT_FOUND);
        response.setRemark("can not find message, maybe time range not correct");
        return response;
    }

    private RemotingCommand viewMessageById(RemotingCommand request) throws Exception {
        ViewMessageRequestHeader h = request.decodeCommandCustomHeader(ViewMessageRequestHeader.class);
        SelectMappedBufferResult sel = brokerController.getMessageStore().selectOneMessageByOffset(h.getOffset());
        if (sel == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, "can not find message by the offset, " + h.getOffset());
        }
        try {
            ByteBuffer d = sel.getByteBuffer().duplicate();
            byte[] body = new byte[sel.getSize()];
            d.get(body);
            RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            response.setBody(body);
            return response;
        } finally {
            sel.release();
        }
    }
}
