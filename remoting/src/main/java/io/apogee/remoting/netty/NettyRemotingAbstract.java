package io.apogee.remoting.netty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.apogee.common.ServiceThread;
import io.apogee.common.protocol.RemotingCommandException;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.InvokeCallback;
import io.apogee.remoting.RPCHook;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What client and server share: both ends of a RocketMQ connection send requests and answer them, so
 * both dispatch incoming requests to processors and match incoming responses to outstanding requests.
 */
public abstract class NettyRemotingAbstract {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    /** Permits bounding the oneway requests in flight. */
    protected final Semaphore semaphoreOneway;
    /** Permits bounding the async requests in flight. */
    protected final Semaphore semaphoreAsync;
    /** Outstanding requests by opaque: responses are matched by opaque alone (protocol.md §1.5). */
    protected final ConcurrentHashMap<Integer, ResponseFuture> responseTable = new ConcurrentHashMap<>(256);
    /** Processor and executor per request code, filled before start and read-only after. */
    protected final HashMap<Integer, ProcessorPair> processorTable = new HashMap<>(64);
    protected volatile ProcessorPair defaultRequestProcessor;
    protected final List<RPCHook> rpcHooks = new ArrayList<>();
    protected final NettyEventExecutor nettyEventExecutor = new NettyEventExecutor();
    private final AtomicLong overloadWarnings = new AtomicLong();

    protected NettyRemotingAbstract(int permitsOneway, int permitsAsync) {
        this.semaphoreOneway = new Semaphore(permitsOneway, true);
        this.semaphoreAsync = new Semaphore(permitsAsync, true);
    }

    /** Listener for connection events, or null. */
    public abstract ChannelEventListener getChannelEventListener();

    /** Executor for async callbacks, so user code never runs on a Netty thread. */
    public abstract ExecutorService getCallbackExecutor();

    public record ProcessorPair(NettyRequestProcessor processor, ExecutorService executor) {
    }

    public void registerRPCHook(RPCHook hook) {
        if (hook != null && !rpcHooks.contains(hook)) {
            rpcHooks.add(hook);
        }
    }

    public List<RPCHook> getRPCHooks() {
        return rpcHooks;
    }

    public void putNettyEvent(NettyEvent event) {
        nettyEventExecutor.putNettyEvent(event);
    }

    // ------------------------------------------------------------------ inbound

    public void processMessageReceived(ChannelHandlerContext ctx, RemotingCommand msg) {
        if (msg == null) {
            return;
        }
        if (msg.isResponseType()) {
            processResponseCommand(ctx, msg);
        } else {
            processRequestCommand(ctx, msg);
        }
    }

    public void processRequestCommand(ChannelHandlerContext ctx, RemotingCommand request) {
        ProcessorPair matched = processorTable.get(request.getCode());
        ProcessorPair pair = matched != null ? matched : defaultRequestProcessor;
        if (pair == null) {
            reply(ctx, request, RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported"));
            log.warn("{} request type {} not supported", RemotingHelper.parseChannelRemoteAddr(ctx.channel()), request.getCode());
            return;
        }
        if (pair.processor().rejectRequest()) {
            reply(ctx, request, RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_BUSY, REJECT_REMARK));
            return;
        }
        try {
            pair.executor().execute(() -> runRequest(ctx, request, pair.processor()));
        } catch (RejectedExecutionException e) {
            if (overloadWarnings.getAndIncrement() % 10_000 == 0) {
                log.warn("{} too many requests and the executor of code {} is full, answering SYSTEM_BUSY",
                    RemotingHelper.parseChannelRemoteAddr(ctx.channel()), request.getCode());
            }
            reply(ctx, request, RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK));
        }
    }

    private void runRequest(ChannelHandlerContext ctx, RemotingCommand request, NettyRequestProcessor processor) {
        String remoteAddr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        RemotingCommand response;
        try {
            doBeforeRpcHooks(remoteAddr, request);
            response = processor.processRequest(ctx, request);
            doAfterRpcHooks(remoteAddr, request, response);
        } catch (RemotingCommandException e) {
            // An invalid request (e.g. a missing required header field): tell the caller what is wrong.
            log.warn("{} sent an invalid request (code {}): {}", remoteAddr, request.getCode(), e.getMessage());
            response = RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (Throwable e) {
            log.error("processing request code {} from {} failed", request.getCode(), remoteAddr, e);
            response = RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR, RemotingHelper.exceptionSimpleDesc(e));
        }
        if (response != null) {
            reply(ctx, request, response);
        }
    }

    /** Sends a response to the request unless it was oneway; the response takes the caller's encoding. */
    protected void reply(ChannelHandlerContext ctx, RemotingCommand request, RemotingCommand response) {
        if (request.isOnewayRPC()) {
            return;
        }
        ctx.writeAndFlush(response.asResponseTo(request)).addListener(f -> {
            if (!f.isSuccess()) {
                log.warn("failed to write response to {} for code {}: {}", RemotingHelper.parseChannelRemoteAddr(ctx.channel()),
                    request.getCode(), String.valueOf(f.cause()));
            }
        });
    }

    public void processResponseCommand(ChannelHandlerContext ctx, RemotingCommand cmd) {
        ResponseFuture future = responseTable.remove(cmd.getOpaque());
        if (future == null) {
            log.warn("response with opaque {} from {} matches no request (timed out?): {}", cmd.getOpaque(),
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()), cmd);
            return;
        }
        future.setResponseCommand(cmd);
        if (future.getInvokeCallback() != null) {
            executeInvokeCallback(future);
        } else {
            future.putResponse(cmd);
            future.release();
        }
    }

    /** Runs the callback on the callback executor (falling back to the current thread if it is full). */
    private void executeInvokeCallback(ResponseFuture future) {
        ExecutorService executor = getCallbackExecutor();
        boolean submitted = false;
        if (executor != null) {
            try {
                executor.execute(() -> {
                    try {
                        future.executeInvokeCallback();
                    } catch (Throwable e) {
                        log.warn("async callback threw", e);
                    } finally {
                        future.release();
                    }
                });
                submitted = true;
            } catch (RejectedExecutionException e) {
                log.warn("callback executor full, running the callback on the I/O thread");
            }
        }
        if (!submitted) {
            try {
                future.executeInvokeCallback();
            } catch (Throwable e) {
                log.warn("async callback threw", e);
            } finally {
                future.release();
            }
        }
    }

    /** Fails requests whose time-out has passed; run about once a second. */
    public void scanResponseTable() {
        List<ResponseFuture> expired = new ArrayList<>();
        long now = System.currentTimeMillis();
        Iterator<Map.Entry<Integer, ResponseFuture>> it = responseTable.entrySet().iterator();
        while (it.hasNext()) {
            ResponseFuture rf = it.next().getValue();
            if (rf.getBeginTimestamp() + rf.getTimeoutMillis() + 1000 <= now) {
                it.remove();
                expired.add(rf);
                log.warn("removed timed-out request opaque {} (code {})", rf.getOpaque(),
                    rf.getRequestCommand() == null ? -1 : rf.getRequestCommand().getCode());
            }
        }
        for (ResponseFuture rf : expired) {
            if (rf.getInvokeCallback() != null) {
                executeInvokeCallback(rf);
            } else {
                rf.release();
            }
        }
    }

    /** Fails every request outstanding on a channel that just closed, instead of letting each time out. */
    protected void failFast(Channel channel) {
        for (Map.Entry<Integer, ResponseFuture> e : responseTable.entrySet()) {
            ResponseFuture rf = e.getValue();
            if (rf.getChannel() == channel && responseTable.remove(e.getKey(), rf)) {
                rf.setSendRequestOK(false);
                rf.putResponse(null);
                if (rf.getInvokeCallback() != null) {
                    executeInvokeCallback(rf);
                } else {
                    rf.release();
                }
            }
        }
    }

    protected void doBeforeRpcHooks(String addr, RemotingCommand request) {
        for (RPCHook hook : rpcHooks) {
            hook.doBeforeRequest(addr, request);
        }
    }

    protected void doAfterRpcHooks(String addr, RemotingCommand request, RemotingCommand response) {
        for (RPCHook hook : rpcHooks) {
            hook.doAfterResponse(addr, request, response);
        }
    }

    // ------------------------------------------------------------------ outbound

    public RemotingCommand invokeSyncImpl(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        int opaque = request.getOpaque();
        ResponseFuture future = new ResponseFuture(channel, opaque, request, timeoutMillis, null, null);
        responseTable.put(opaque, future);
        String addr = RemotingHelper.parseChannelRemoteAddr(channel);
        try {
            channel.writeAndFlush(request).addListener(f -> {
                if (f.isSuccess()) {
                    future.setSendRequestOK(true);
                    return;
                }
                future.setSendRequestOK(false);
                responseTable.remove(opaque);
                future.setCause(f.cause());
                future.putResponse(null);
                log.warn("failed to write a request to {}", addr);
            });
            RemotingCommand response = future.waitResponse(timeoutMillis);
            if (response == null) {
                if (future.isSendRequestOK()) {
                    throw new RemotingTimeoutException("wait response on the channel <" + addr + "> timeout, "
                        + timeoutMillis + "(ms)", future.getCause());
                }
                throw new RemotingSendRequestException("send request to <" + addr + "> failed", future.getCause());
            }
            return response;
        } finally {
            responseTable.remove(opaque);
        }
    }

    public void invokeAsyncImpl(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        long begin = System.currentTimeMillis();
        int opaque = request.getOpaque();
        if (!semaphoreAsync.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            if (timeoutMillis <= 0) {
                throw new RemotingTooMuchRequestException("invokeAsyncImpl invoke too fast");
            }
            throw new RemotingTimeoutException("invokeAsyncImpl tryAcquire semaphore timeout, " + timeoutMillis
                + "ms, waiting thread nums: " + semaphoreAsync.getQueueLength() + " semaphoreAsyncValue: "
                + semaphoreAsync.availablePermits());
        }
        long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
        ResponseFuture future = new ResponseFuture(channel, opaque, request, remaining, callback, semaphoreAsync);
        if (remaining <= 0) {
            future.release();
            throw new RemotingTimeoutException("invokeAsyncImpl call timeout");
        }
        responseTable.put(opaque, future);
        try {
            channel.writeAndFlush(request).addListener(f -> {
                if (f.isSuccess()) {
                    future.setSendRequestOK(true);
                    return;
                }
                requestFail(opaque, f.cause());
                log.warn("failed to write an async request to {}", RemotingHelper.parseChannelRemoteAddr(channel));
            });
        } catch (RuntimeException e) {
            responseTable.remove(opaque);
            future.release();
            throw new RemotingSendRequestException(RemotingHelper.parseChannelRemoteAddr(channel), e);
        }
    }

    private void requestFail(int opaque, Throwable cause) {
        ResponseFuture future = responseTable.remove(opaque);
        if (future != null) {
            future.setSendRequestOK(false);
            future.setCause(cause);
            future.putResponse(null);
            executeInvokeCallback(future);
        }
    }

    public void invokeOnewayImpl(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        request.markOnewayRPC();
        if (!semaphoreOneway.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            if (timeoutMillis <= 0) {
                throw new RemotingTooMuchRequestException("invokeOnewayImpl invoke too fast");
            }
            throw new RemotingTimeoutException("invokeOnewayImpl tryAcquire semaphore timeout, " + timeoutMillis
                + "ms, waiting thread nums: " + semaphoreOneway.getQueueLength() + " semaphoreOnewayValue: "
                + semaphoreOneway.availablePermits());
        }
        try {
            channel.writeAndFlush(request).addListener(f -> {
                semaphoreOneway.release();
                if (!f.isSuccess()) {
                    log.warn("failed to write a oneway request to {}", RemotingHelper.parseChannelRemoteAddr(channel));
                }
            });
        } catch (RuntimeException e) {
            semaphoreOneway.release();
            throw new RemotingSendRequestException(RemotingHelper.parseChannelRemoteAddr(channel), e);
        }
    }

    /** Delivers connection events to the listener on its own thread, so listeners never block I/O. */
    protected class NettyEventExecutor extends ServiceThread {
        private static final int MAX_SIZE = 10_000;
        private final LinkedBlockingQueue<NettyEvent> queue = new LinkedBlockingQueue<>();

        NettyEventExecutor() {
            super(true);
        }

        public void putNettyEvent(NettyEvent event) {
            if (queue.size() <= MAX_SIZE) {
                queue.add(event);
            } else {
                log.warn("event queue is full ({}), dropping {}", queue.size(), event);
            }
        }

        @Override
        public void run() {
            ChannelEventListener listener = getChannelEventListener();
            while (!isStopped()) {
                try {
                    NettyEvent event = queue.poll(3000, TimeUnit.MILLISECONDS);
                    if (event == null || listener == null) {
                        continue;
                    }
                    switch (event.type()) {
                        case IDLE -> listener.onChannelIdle(event.remoteAddr(), event.channel());
                        case CLOSE -> listener.onChannelClose(event.remoteAddr(), event.channel());
                        case CONNECT -> listener.onChannelConnect(event.remoteAddr(), event.channel());
                        case EXCEPTION -> listener.onChannelException(event.remoteAddr(), event.channel());
                        default -> { }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    log.warn("channel event listener threw", e);
                }
            }
        }

        @Override
        public String getServiceName() {
            return "NettyEventExecutor";
        }
    }
}
