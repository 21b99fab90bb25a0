package io.apogee.remoting.netty;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.apogee.remoting.InvokeCallback;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/** An outstanding request, keyed by opaque in the response table until its response or time-out. */
public class ResponseFuture {
    private final Channel channel;
    private final int opaque;
    private final RemotingCommand request;
    private final long timeoutMillis;
    private final InvokeCallback invokeCallback;
    private final long beginTimestamp = System.currentTimeMillis();
    private final CountDownLatch countDownLatch = new CountDownLatch(1);
    private final Semaphore semaphore;
    private final AtomicBoolean semaphoreReleased = new AtomicBoolean(false);
    private final AtomicBoolean callbackExecuted = new AtomicBoolean(false);

    private volatile RemotingCommand responseCommand;
    private volatile boolean sendRequestOK = true;
    private volatile Throwable cause;

    public ResponseFuture(Channel channel, int opaque, RemotingCommand request, long timeoutMillis,
                          InvokeCallback invokeCallback, Semaphore semaphore) {
        this.channel = channel;
        this.opaque = opaque;
        this.request = request;
        this.timeoutMillis = timeoutMillis;
        this.invokeCallback = invokeCallback;
        this.semaphore = semaphore;
    }

    /** Runs the callback at most once, whichever of response, failure or time-out comes first. */
    public void executeInvokeCallback() {
        if (invokeCallback != null && callbackExecuted.compareAndSet(false, true)) {
            invokeCallback.operationComplete(this);
        }
    }

    /** Gives back the async/oneway permit exactly once. */
    public void release() {
        if (semaphore != null && semaphoreReleased.compareAndSet(false, true)) {
            semaphore.release();
        }
    }

    public boolean isTimeout() {
        return System.currentTimeMillis() - beginTimestamp > timeoutMillis;
    }

    public RemotingCommand waitResponse(long timeoutMillis) throws InterruptedException {
        countDownLatch.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return responseCommand;
    }

    public void putResponse(RemotingCommand responseCommand) {
        this.responseCommand = responseCommand;
        countDownLatch.countDown();
    }

    public long getBeginTimestamp() { return beginTimestamp; }
    public boolean isSendRequestOK() { return sendRequestOK; }
    public void setSendRequestOK(boolean sendRequestOK) { this.sendRequestOK = sendRequestOK; }
    public long getTimeoutMillis() { return timeoutMillis; }
    public InvokeCallback getInvokeCallback() { return invokeCallback; }
    public Throwable getCause() { return cause; }
    public void setCause(Throwable cause) { this.cause = cause; }
    public RemotingCommand getResponseCommand() { return responseCommand; }
    public void setResponseCommand(RemotingCommand responseCommand) { this.responseCommand = responseCommand; }
    public int getOpaque() { return opaque; }
    public RemotingCommand getRequestCommand() { return request; }
    public Channel getChannel() { return channel; }
}
