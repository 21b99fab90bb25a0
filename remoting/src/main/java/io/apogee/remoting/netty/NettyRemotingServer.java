package io.apogee.remoting.netty;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.apogee.common.ThreadFactoryImpl;
import io.apogee.common.ThreadUtils;
import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.InvokeCallback;
import io.apogee.remoting.common.RemotingHelper;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end: accepts connections, decodes frames on a small worker group, and hands each request
 * to the processor registered for its code, on that processor's own bounded executor.
 */
public class NettyRemotingServer extends NettyRemotingAbstract {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    private final NettyServerConfig config;
    private final ChannelEventListener channelEventListener;
    private final ExecutorService publicExecutor;
    private final ScheduledExecutorService timer;
    private final boolean useEpoll;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup selectorGroup;
    private DefaultEventExecutorGroup workerGroup;
    private Channel serverChannel;
    private volatile int port;

    private final NettyEncoder encoder = new NettyEncoder();
    private final ConnectManageHandler connectManageHandler = new ConnectManageHandler();
    private final ServerHandler serverHandler = new ServerHandler();

    public NettyRemotingServer(NettyServerConfig config) {
        this(config, null);
    }

    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener channelEventListener) {
        super(config.getServerOnewaySemaphoreValue(), config.getServerAsyncSemaphoreValue());
        this.config = config;
        this.channelEventListener = channelEventListener;
        int publicThreads = config.getServerCallbackExecutorThreads() > 0 ? config.getServerCallbackExecutorThreads() : 4;
        this.publicExecutor = ThreadUtils.newFixedThreadPool(publicThreads, 10_000, "NettyServerPublicExecutor_");
        this.timer = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryImpl("ServerHouseKeepingService", true));
        this.useEpoll = config.isUseEpollNativeSelector() && Epoll.isAvailable();
        if (useEpoll) {
            bossGroup = new EpollEventLoopGroup(1, new ThreadFactoryImpl("NettyEPOLLBoss_"));
            selectorGroup = new EpollEventLoopGroup(config.getServerSelectorThreads(), new ThreadFactoryImpl("NettyServerEPOLLSelector_"));
        } else {
            bossGroup = new NioEventLoopGroup(1, new ThreadFactoryImpl("NettyNIOBoss_"));
            selectorGroup = new NioEventLoopGroup(config.getServerSelectorThreads(), new ThreadFactoryImpl("NettyServerNIOSelector_"));
        }
    }

    /**
     * Binds the port and starts serving. A port already in use fails here with an exception whose message
     * says so, so daemons can print it and exit.
     */
    public void start() {
        workerGroup = new DefaultEventExecutorGroup(config.getServerWorkerThreads(), new ThreadFactoryImpl("NettyServerCodecThread_"));
        Class<? extends ServerSocketChannel> channelClass = useEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, selectorGroup)
            .channel(channelClass)
            .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .localAddress(new InetSocketAddress(config.getBindAddress(), config.getListenPort()))
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(workerGroup,
                        encoder,
                        new NettyDecoder(config.getFrameMaxLength()),
                        new IdleStateHandler(0, 0, config.getServerChannelMaxIdleTimeSeconds()),
                        connectManageHandler,
                        serverHandler);
                }
            });
        if (config.getServerSocketSndBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.getServerSocketSndBufSize());
        }
        if (config.getServerSocketRcvBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, config.getServerSocketRcvBufSize());
        }
        if (config.getWriteBufferLowWaterMark() > 0 && config.getWriteBufferHighWaterMark() > 0) {
            bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark()));
        }
        bootstrap.childOption(ChannelOption.ALLOCATOR, config.isServerPooledByteBufAllocatorEnable()
            ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT);
        try {
            ChannelFuture f = bootstrap.bind().sync();
            serverChannel = f.channel();
            port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        } catch (Exception e) {
            shutdownGroups();
            if (e instanceof BindException || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new IllegalStateException("Address already in use: port " + config.getListenPort()
                    + " on " + config.getBindAddress() + " is taken by another process", e);
            }
            throw new IllegalStateException("cannot bind " + config.getBindAddress() + ":" + config.getListenPort() + ": " + e, e);
        }
        if (channelEventListener != null) {
            nettyEventExecutor.start();
        }
        timer.scheduleAtFixedRate(() -> {
            try {
                scanResponseTable();
            } catch (Throwable e) {
                log.error("scanResponseTable failed", e);
            }
        }, 3000, 1000, TimeUnit.MILLISECONDS);
        log.info("remoting server listening on {}:{} ({})", config.getBindAddress(), port, useEpoll ? "epoll" : "nio");
    }

    public void shutdown() {
        timer.shutdownNow();
        nettyEventExecutor.shutdown();
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(3000);
        }
        shutdownGroups();
        publicExecutor.shutdown();
    }

    private void shutdownGroups() {
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        selectorGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Binds a request code to a processor and the executor it runs on (the server's public pool if null). */
    public void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processorTable.put(requestCode, new ProcessorPair(processor, executor == null ? publicExecutor : executor));
    }

    public void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor) {
        defaultRequestProcessor = new ProcessorPair(processor, executor == null ? publicExecutor : executor);
    }

    public ProcessorPair getProcessorPair(int requestCode) {
        return processorTable.get(requestCode);
    }

    public int localListenPort() {
        return port;
    }

    public boolean isEpoll() {
        return useEpoll;
    }

    public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        return invokeSyncImpl(channel, request, timeoutMillis);
    }

    public void invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invokeAsyncImpl(channel, request, timeoutMillis, callback);
    }

    public void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invokeOnewayImpl(channel, request, timeoutMillis);
    }

    @Override
    public ChannelEventListener getChannelEventListener() {
        return channelEventListener;
    }

    @Override
    public ExecutorService getCallbackExecutor() {
        return publicExecutor;
    }

    public NettyServerConfig getConfig() {
        return config;
    }

    @ChannelHandler.Sharable
    class ServerHandler extends SimpleChannelInboundHandler<RemotingCommand> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand msg) {
            processMessageReceived(ctx, msg);
        }
    }

    /** Logs connection life, closes idle or failing connections, and reports events to the listener. */
    @ChannelHandler.Sharable
    class ConnectManageHandler extends ChannelDuplexHandler {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            log.debug("NETTY SERVER PIPELINE: channelActive, the channel[{}]", addr);
            super.channelActive(ctx);
            if (channelEventListener != null) {
                putNettyEvent(new NettyEvent(NettyEventType.CONNECT, addr, ctx.channel()));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            log.debug("NETTY SERVER PIPELINE: channelInactive, the channel[{}]", addr);
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
                log.info("NETTY SERVER PIPELINE: IDLE exception [{}], closing it", addr);
                ctx.channel().close();
                if (channelEventListener != null) {
                    putNettyEvent(new NettyEvent(NettyEventType.IDLE, addr, ctx.channel()));
                }
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            log.warn("NETTY SERVER PIPELINE: exceptionCaught {}: {}", addr, cause.toString());
            if (channelEventListener != null) {
                putNettyEvent(new NettyEvent(NettyEventType.EXCEPTION, addr, ctx.channel()));
            }
            ctx.channel().close();
        }
    }
}
