package io.apogee.remoting.netty;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.ThreadUtils;
import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.InvokeCallback;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.exception.RemotingConnectException;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end: one channel per remote address, created on first use and re-created when it has closed.
 * A null address means "a name server", chosen from the configured list and kept until it fails.
 */
public class NettyRemotingClient extends NettyRemotingAbstract {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final NettyClientConfig config;
    private final ChannelEventListener channelEventListener;
    private final Bootstrap bootstrap = new Bootstrap();
    private final EventLoopGroup eventLoopGroup;
    private DefaultEventExecutorGroup workerGroup;
    private final ConcurrentHashMap<String, ChannelWrapper> channelTables = new ConcurrentHashMap<>();
    private final Lock channelTablesLock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private final ExecutorService publicExecutor;
    private volatile ExecutorService callbackExecutor;

    private final AtomicReference<List<String>> namesrvAddrList = new AtomicReference<>(Collections.emptyList());
    private final AtomicReference<String> namesrvAddrChoosed = new AtomicReference<>();
    private final AtomicInteger namesrvIndex = new AtomicInteger(ThreadLocalRandom.current().nextInt(999));
    private final Lock namesrvChannelLock = new ReentrantLock();

    public NettyRemotingClient(NettyClientConfig config) {
        this(config, null);
    }

    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener channelEventListener) {
        super(config.getClientOnewaySemaphoreValue(), config.getClientAsyncSemaphoreValue());
        this.config = config;
        this.channelEventListener = channelEventListener;
        int publicThreads = config.getClientCallbackExecutorThreads() > 0 ? config.getClientCallbackExecutorThreads() : 4;
        this.publicExecutor = ThreadUtils.newFixedThreadPool(publicThreads, 100_000, "NettyClientPublicExecutor_");
        this.eventLoopGroup = new NioEventLoopGroup(1, new ThreadFactoryImpl("NettyClientSelector_"));
        this.timer = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("ClientHouseKeepingService", true));
    }

    public void start() {
        workerGroup = new DefaultEventExecutorGroup(config.getClientWorkerThreads(), new ThreadFactoryImpl("NettyClientWorkerThread_"));
        NettyEncoder encoder = new NettyEncoder();
        ClientHandler handler = new ClientHandler();
        ConnectManageHandler connectManageHandler = new ConnectManageHandler();
        bootstrap.group(eventLoopGroup)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(workerGroup,
                        encoder,
                        new NettyDecoder(config.getFrameMaxLength()),
                        new IdleStateHandler(0, 0, config.getClientChannelMaxIdleTimeSeconds()),
                        connectManageHandler,
                        handler);
                }
            });
        if (config.getClientSocketSndBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.getClientSocketSndBufSize());
        }
        if (config.getClientSocketRcvBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.getClientSocketRcvBufSize());
        }
        if (config.isClientPooledByteBufAllocatorEnable()) {
            bootstrap.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
        }
        timer.scheduleAtFixedRate(() -> {
            try {
                scanResponseTable();
            } catch (Throwable e) {
                log.error("scanResponseTable failed", e);
            }
        }, 3000, 1000, TimeUnit.MILLISECONDS);
        if (channelEventListener != null) {
            nettyEventExecutor.start();
        }
    }

    public void shutdown() {
        timer.shutdownNow();
        for (ChannelWrapper cw : channelTables.values()) {
            closeChannel(null, cw.getChannel());
        }
        channelTables.clear();
        eventLoopGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        nettyEventExecutor.shutdown();
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        publicExecutor.shutdown();
    }

    // ------------------------------------------------------------------ name servers

    public void updateNameServerAddressList(List<String> addrs) {
        List<String> old = namesrvAddrList.get();
        if (addrs != null && !addrs.isEmpty() && !addrs.equals(old)) {
            List<String> shuffled = new ArrayList<>(addrs);
            Collections.shuffle(shuffled);
            namesrvAddrList.set(Collections.unmodifiableList(shuffled));
            String chosen = namesrvAddrChoosed.get();
            if (chosen != null && !addrs.contains(chosen)) {
                namesrvAddrChoosed.set(null);
                ChannelWrapper cw = channelTables.get(chosen);
                if (cw != null) {
                    closeChannel(chosen, cw.getChannel());
                }
            }
        }
    }

    public List<String> getNameServerAddressList() {
        return namesrvAddrList.get();
    }

    public List<String> getAvailableNameSrvList() {
        List<String> available = new ArrayList<>();
        for (String addr : namesrvAddrList.get()) {
            ChannelWrapper cw = channelTables.get(addr);
            if (cw != null && cw.isOK()) {
                available.add(addr);
            }
        }
        return available;
    }

    private Channel getAndCreateNameserverChannel() throws InterruptedException {
        String chosen = namesrvAddrChoosed.get();
        if (chosen != null) {
            ChannelWrapper cw = channelTables.get(chosen);
            if (cw != null && cw.isOK()) {
                return cw.getChannel();
            }
        }
        List<String> addrs = namesrvAddrList.get();
        if (!namesrvChannelLock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            log.warn("getAndCreateNameserverChannel: lock timed out");
            return null;
        }
        try {
            chosen = namesrvAddrChoosed.get();
            if (chosen != null) {
                ChannelWrapper cw = channelTables.get(chosen);
                if (cw != null && cw.isOK()) {
                    return cw.getChannel();
                }
            }
            for (int i = 0; i < addrs.size(); i++) {
                String addr = addrs.get(Math.abs(namesrvIndex.incrementAndGet() % addrs.size()));
                Channel channel = createChannel(addr);
                if (channel != null) {
                    namesrvAddrChoosed.set(addr);
                    log.info("new name server is chosen. OLD: {} , NEW: {}", chosen, addr);
                    return channel;
                }
            }
            return null;
        } finally {
            namesrvChannelLock.unlock();
        }
    }

    // ------------------------------------------------------------------ channels

    private Channel getAndCreateChannel(String addr) throws InterruptedException {
        if (addr == null) {
            return getAndCreateNameserverChannel();
        }
        ChannelWrapper cw = channelTables.get(addr);
        if (cw != null && cw.isOK()) {
            return cw.getChannel();
        }
        return createChannel(addr);
    }

    private Channel createChannel(String addr) throws InterruptedException {
        ChannelWrapper cw = channelTables.get(addr);
        if (cw != null && cw.isOK()) {
            return cw.getChannel();
        }
        if (!channelTablesLock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            log.warn("createChannel: lock timed out for {}", addr);
            return null;
        }
        try {
            cw = channelTables.get(addr);
            boolean create = true;
            if (cw != null) {
                if (cw.isOK()) {
                    return cw.getChannel();
                } else if (!cw.getChannelFuture().isDone()) {
                    create = false;
                } else {
                    channelTables.remove(addr);
                }
            }
            if (create) {
                ChannelFuture future = bootstrap.connect(RemotingHelper.string2SocketAddress(addr));
                log.info("createChannel: begin to connect remote host[{}] asynchronously", addr);
                cw = new ChannelWrapper(future);
                channelTables.put(addr, cw);
            }
        } catch (RuntimeException e) {
            log.error("createChannel: create channel to {} failed", addr, e);
            return null;
        } finally {
            channelTablesLock.unlock();
        }
        ChannelFuture future = cw.getChannelFuture();
        if (future.awaitUninterruptibly(config.getConnectTimeoutMillis())) {
            if (cw.isOK()) {
                return cw.getChannel();
            }
            log.warn("createChannel: connect remote host[{}] failed: {}", addr, String.valueOf(future.cause()));
        } else {
            log.warn("createChannel: connect remote host[{}] timeout {}ms", addr, config.getConnectTimeoutMillis());
        }
        return null;
    }

    /** Closes a channel and forgets it, so the next call to that address reconnects. */
    public void closeChannel(String addr, Channel channel) {
        if (channel == null) {
            return;
        }
        String remote = addr == null ? RemotingHelper.parseChannelRemoteAddr(channel) : addr;
        channelTables.computeIfPresent(remote, (k, cw) -> cw.getChannel() == channel ? null : cw);
        // The table key is the configured address, which may differ from the parsed one: sweep by identity too.
        channelTables.entrySet().removeIf(e -> e.getValue().getChannelFuture().channel() == channel);
        channel.close();
    }

    public void closeChannel(Channel channel) {
        closeChannel(null, channel);
    }

    // ------------------------------------------------------------------ calls

    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException {
        long begin = System.currentTimeMillis();
        Channel channel = getAndCreateChannel(addr);
        if (channel == null || !channel.isActive()) {
            closeChannel(addr, channel);
            throw new RemotingConnectException("connect to <" + addr + "> failed");
        }
        String target = addr != null ? addr : RemotingHelper.parseChannelRemoteAddr(channel);
        try {
            doBeforeRpcHooks(target, request);
            long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
            if (remaining <= 0) {
                throw new RemotingTimeoutException("invokeSync call timeout before sending to " + target);
            }
            RemotingCommand response = invokeSyncImpl(channel, request, remaining);
            doAfterRpcHooks(target, request, response);
            return response;
        } catch (RemotingSendRequestException e) {
            log.warn("invokeSync: send request to {} failed, closing the channel", target);
            closeChannel(addr, channel);
            throw e;
        } catch (RemotingTimeoutException e) {
            if (config.isClientCloseSocketIfTimeout()) {
                closeChannel(addr, channel);
                log.warn("invokeSync: closed socket to {} after a {}ms time-out", target, timeoutMillis);
            }
            throw e;
        }
    }

    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException,
        RemotingTimeoutException, RemotingSendRequestException {
        long begin = System.currentTimeMillis();
        Channel channel = getAndCreateChannel(addr);
        if (channel == null || !channel.isActive()) {
            closeChannel(addr, channel);
            throw new RemotingConnectException("connect to <" + addr + "> failed");
        }
        String target = addr != null ? addr : RemotingHelper.parseChannelRemoteAddr(channel);
        try {
            doBeforeRpcHooks(target, request);
            long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
            if (remaining <= 0) {
                throw new RemotingTooMuchRequestException("invokeAsync call timeout");
            }
            invokeAsyncImpl(channel, request, remaining, callback);
        } catch (RemotingSendRequestException e) {
            closeChannel(addr, channel);
            throw e;
        }
    }

    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException,
        RemotingTimeoutException, RemotingSendRequestException {
        Channel channel = getAndCreateChannel(addr);
        if (channel == null || !channel.isActive()) {
            closeChannel(addr, channel);
            throw new RemotingConnectException("connect to <" + addr + "> failed");
        }
        String target = addr != null ? addr : RemotingHelper.parseChannelRemoteAddr(channel);
        try {
            doBeforeRpcHooks(target, request);
            invokeOnewayImpl(channel, request, timeoutMillis);
        } catch (RemotingSendRequestException e) {
            closeChannel(addr, channel);
            throw e;
        }
    }

    /** Serves requests the peer originates on our connections (broker → client callbacks). */
    public void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processorTable.put(requestCode, new ProcessorPair(processor, executor == null ? publicExecutor : executor));
    }

    public boolean isChannelWritable(String addr) {
        ChannelWrapper cw = channelTables.get(addr);
        return cw != null && cw.isOK() && cw.getChannel().isWritable();
    }

    public void setCallbackExecutor(ExecutorService callbackExecutor) {
        this.callbackExecutor = callbackExecutor;
    }

    @Override
    public ExecutorService getCallbackExecutor() {
        return callbackExecutor != null ? callbackExecutor : publicExecutor;
    }

    @Override
    public ChannelEventListener getChannelEventListener() {
        return channelEventListener;
    }

    static final class ChannelWrapper {
        private final ChannelFuture channelFuture;

        ChannelWrapper(ChannelFuture channelFuture) {
            this.channelFuture = channelFuture;
        }

        boolean isOK() {
            return channelFuture.channel() != null && channelFuture.channel().isActive();
        }

        Channel getChannel() {
            return channelFuture.channel();
        }

        ChannelFuture getChannelFuture() {
            return channelFuture;
        }
    }

    @ChannelHandler.Sharable
    class ClientHandler extends SimpleChannelInboundHandler<RemotingCommand> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand msg) {
            processMessageReceived(ctx, msg);
        }
    }

    @ChannelHandler.Sharable
    class ConnectManageHandler extends ChannelDuplexHandler {
        @Override
        public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise)
            throws Exception {
            super.connect(ctx, remote, local, promise);
            if (channelEventListener != null) {
                putNettyEvent(new NettyEvent(NettyEventType.CONNECT, RemotingHelper.parseSocketAddressAddr(remote), ctx.channel()));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            closeChannel(ctx.channel());
            super.channelInactive(ctx);
            failFast(ctx.channel());
            if (channelEventListener != null) {
                putNettyEvent(new NettyEvent(NettyEventType.CLOSE, addr, ctx.channel()));
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent e && e.state() == IdleState.ALL_IDLE) {
                String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
                log.info("NETTY CLIENT PIPELINE: IDLE exception [{}]", addr);
                closeChannel(ctx.channel());
                if (channelEventListener != null) {
                    putNettyEvent(new NettyEvent(NettyEventType.IDLE, addr, ctx.channel()));
                }
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            log.warn("NETTY CLIENT PIPELINE: exceptionCaught {}: {}", addr, cause.toString());
            closeChannel(ctx.channel());
            if (channelEventListener != null) {
                putNettyEvent(new NettyEvent(NettyEventType.EXCEPTION, addr, ctx.channel()));
            }
        }
    }
}
