package io.apogee.remoting.netty;

import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into frames (4-byte big-endian length prefix, limit including the prefix) and
 * decodes each into a RemotingCommand. Anything it cannot make sense of closes this one connection:
 * after a bad frame the stream position is unknowable, so continuing would only misread what follows.
 */
public class NettyDecoder extends LengthFieldBasedFrameDecoder {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    public NettyDecoder(int frameMaxLength) {
        super(frameMaxLength, 0, 4, 0, 4, true);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) {
        if (!ctx.channel().isActive()) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        ByteBuf frame = null;
        try {
            frame = (ByteBuf) super.decode(ctx, in);
            if (frame == null) {
                return null;
            }
            return RemotingCommand.decode(frame);
        } catch (Exception e) {
            log.warn("closing {}: undecodable input ({})", RemotingHelper.parseChannelRemoteAddr(ctx.channel()), e.toString());
            in.skipBytes(in.readableBytes());
            ctx.channel().close();
            return null;
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }
}
