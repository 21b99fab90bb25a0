package io.apogee.remoting;

import io.apogee.remoting.protocol.RemotingCommand;

/** Runs around every request a client sends or a server processes (ACL signing and checking use it). */
public interface RPCHook {
    void doBeforeRequest(String remoteAddr, RemotingCommand request);

    void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response);
}
