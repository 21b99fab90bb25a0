package io.apogee.broker.transaction;

import java.util.function.BooleanSupplier;

import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.header.EndTransactionRequestHeader;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.netty.NettyRequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** END_TRANSACTION: commits or rolls back a half message. The request is oneway, so errors are logged too. */
public class EndTransactionProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger("RocketmqTransaction");

    private final TransactionalMessageService service;
    private final BooleanSupplier isSlave;

    public EndTransactionProcessor(TransactionalMessageService service, BooleanSupplier isSlave) {
        this.service = service;
        this.isSlave = isSlave;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        if (isSlave.getAsBoolean()) {
            log.warn("END_TRANSACTION from {} refused: this broker is a slave", RemotingHelper.parseChannelRemoteAddr(ctx.channel()));
            return RemotingCommand.createResponseCommand(ResponseCode.SLAVE_NOT_AVAILABLE,
                "Message is not allowed to commit on a slave broker");
        }
        EndTransactionRequestHeader h = request.decodeCommandCustomHeader(EndTransactionRequestHeader.class);
        TransactionalMessageService.EndResult r = service.end(h);
        if (r.code() != ResponseCode.SUCCESS) {
            log.warn("END_TRANSACTION {} for msgId {} (group {}, offset {}) from {} failed: {}", h.getCommitOrRollback(),
                h.getMsgId(), h.getProducerGroup(), h.getCommitLogOffset(),
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()), r.remark());
        }
        return RemotingCommand.createResponseCommand(r.code(), r.remark());
    }
}
