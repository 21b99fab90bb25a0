package io.apogee.remoting;

import io.apogee.remoting.netty.ResponseFuture;

/** Completion of an asynchronous call: a response, a send failure or a time-out (see the future's state). */
public interface InvokeCallback {
    void operationComplete(ResponseFuture responseFuture);
}
