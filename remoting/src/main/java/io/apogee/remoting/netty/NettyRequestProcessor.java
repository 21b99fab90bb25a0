package io.apogee.remoting.netty;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;

/**
 * Serves the requests of one or more request codes. Runs on the executor it was registered with.
 * Returning null sends no response (the processor may answer later on the channel itself, as long
 * polling does).
 */
public interface NettyRequestProcessor {
    RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception;

    /** True to refuse new work right now; the caller is answered SYSTEM_BUSY. */
    default boolean rejectRequest() {
        return false;
    }
}
