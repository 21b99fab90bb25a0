package io.apogee.remoting.netty;

import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a RemotingCommand as one frame straight into the outbound buffer. */
@ChannelHandler.Sharable
public class NettyEncoder extends MessageToByteEncoder<RemotingCommand> {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, ByteBuf out) {
        try {
            cmd.encode(out);
        } catch (RuntimeException e) {
            log.error("encode of {} to {} failed, closing the channel", cmd, RemotingHelper.parseChannelRemoteAddr(ctx.channel()), e);
            ctx.channel().close();
        }
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RemotingCommand cmd, boolean preferDirect) {
        int body = cmd.getBody() == null ? 0 : cmd.getBody().length;
        return ctx.alloc().ioBuffer(256 + body);
    }
}
