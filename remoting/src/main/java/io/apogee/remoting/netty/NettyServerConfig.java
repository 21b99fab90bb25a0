package io.apogee.remoting.netty;

/** Server transport settings, with RocketMQ's names and defaults. */
public class NettyServerConfig implements Cloneable {
    /** Maximum frame size, including the 4-byte length prefix (16 MiB, as RocketMQ's frameMaxLength). */
    public static final int DEFAULT_FRAME_MAX_LENGTH =
        Integer.parseInt(System.getProperty("com.rocketmq.remoting.frameMaxLength", "16777216"));

    private String bindAddress = "0.0.0.0";
    private int listenPort = 8888;
    private int serverWorkerThreads = 8;
    private int serverCallbackExecutorThreads = 0;
    private int serverSelectorThreads = 3;
    private int serverOnewaySemaphoreValue = 256;
    private int serverAsyncSemaphoreValue = 64;
    private int serverChannelMaxIdleTimeSeconds = 120;
    private int serverSocketSndBufSize = 0;
    private int serverSocketRcvBufSize = 0;
    private int writeBufferHighWaterMark = 0;
    private int writeBufferLowWaterMark = 0;
    private int serverSocketBacklog = 1024;
    private boolean serverPooledByteBufAllocatorEnable = true;
    /** Apogee turns epoll on by default where Netty's native transport is available. */
    private boolean useEpollNativeSelector = true;
    private int frameMaxLength = DEFAULT_FRAME_MAX_LENGTH;

    public String getBindAddress() { return bindAddress; }
    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
    public int getListenPort() { return listenPort; }
    public void setListenPort(int listenPort) { this.listenPort = listenPort; }
    public int getServerWorkerThreads() { return serverWorkerThreads; }
    public void setServerWorkerThreads(int v) { this.serverWorkerThreads = v; }
    public int getServerCallbackExecutorThreads() { return serverCallbackExecutorThreads; }
    public void setServerCallbackExecutorThreads(int v) { this.serverCallbackExecutorThreads = v; }
    public int getServerSelectorThreads() { return serverSelectorThreads; }
    public void setServerSelectorThreads(int v) { this.serverSelectorThreads = v; }
    public int getServerOnewaySemaphoreValue() { return serverOnewaySemaphoreValue; }
    public void setServerOnewaySemaphoreValue(int v) { this.serverOnewaySemaphoreValue = v; }
    public int getServerAsyncSemaphoreValue() { return serverAsyncSemaphoreValue; }
    public void setServerAsyncSemaphoreValue(int v) { this.serverAsyncSemaphoreValue = v; }
    public int getServerChannelMaxIdleTimeSeconds() { return serverChannelMaxIdleTimeSeconds; }
    public void setServerChannelMaxIdleTimeSeconds(int v) { this.serverChannelMaxIdleTimeSeconds = v; }
    public int getServerSocketSndBufSize() { return serverSocketSndBufSize; }
    public void setServerSocketSndBufSize(int v) { this.serverSocketSndBufSize = v; }
    public int getServerSocketRcvBufSize() { return serverSocketRcvBufSize; }
    public void setServerSocketRcvBufSize(int v) { this.serverSocketRcvBufSize = v; }
    public int getWriteBufferHighWaterMark() { return writeBufferHighWaterMark; }
    public void setWriteBufferHighWaterMark(int v) { this.writeBufferHighWaterMark = v; }
    public int getWriteBufferLowWaterMark() { return writeBufferLowWaterMark; }
    public void setWriteBufferLowWaterMark(int v) { this.writeBufferLowWaterMark = v; }
    public int getServerSocketBacklog() { return serverSocketBacklog; }
    public void setServerSocketBacklog(int v) { this.serverSocketBacklog = v; }
    public boolean isServerPooledByteBufAllocatorEnable() { return serverPooledByteBufAllocatorEnable; }
    public void setServerPooledByteBufAllocatorEnable(boolean v) { this.serverPooledByteBufAllocatorEnable = v; }
    public boolean isUseEpollNativeSelector() { return useEpollNativeSelector; }
    public void setUseEpollNativeSelector(boolean v) { this.useEpollNativeSelector = v; }
    public int getFrameMaxLength() { return frameMaxLength; }
    public void setFrameMaxLength(int v) { this.frameMaxLength = v; }

    @Override
    public NettyServerConfig clone() {
        try {
            return (NettyServerConfig) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
