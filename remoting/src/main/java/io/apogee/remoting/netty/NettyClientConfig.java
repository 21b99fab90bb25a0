package io.apogee.remoting.netty;

/** Client transport settings, with RocketMQ's names and defaults. */
public class NettyClientConfig {
    private int clientWorkerThreads = 4;
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    private int clientOnewaySemaphoreValue = 65535;
    private int clientAsyncSemaphoreValue = 65535;
    private int connectTimeoutMillis = 3000;
    private long channelNotActiveInterval = 1000 * 60;
    private int clientChannelMaxIdleTimeSeconds = 120;
    private int clientSocketSndBufSize = 0;
    private int clientSocketRcvBufSize = 0;
    private boolean clientPooledByteBufAllocatorEnable = false;
    private boolean clientCloseSocketIfTimeout = true;
    private boolean useTLS = false;
    private int frameMaxLength = NettyServerConfig.DEFAULT_FRAME_MAX_LENGTH;

    public int getClientWorkerThreads() { return clientWorkerThreads; }
    public void setClientWorkerThreads(int v) { this.clientWorkerThreads = v; }
    public int getClientCallbackExecutorThreads() { return clientCallbackExecutorThreads; }
    public void setClientCallbackExecutorThreads(int v) { this.clientCallbackExecutorThreads = v; }
    public int getClientOnewaySemaphoreValue() { return clientOnewaySemaphoreValue; }
    public void setClientOnewaySemaphoreValue(int v) { this.clientOnewaySemaphoreValue = v; }
    public int getClientAsyncSemaphoreValue() { return clientAsyncSemaphoreValue; }
    public void setClientAsyncSemaphoreValue(int v) { this.clientAsyncSemaphoreValue = v; }
    public int getConnectTimeoutMillis() { return connectTimeoutMillis; }
    public void setConnectTimeoutMillis(int v) { this.connectTimeoutMillis = v; }
    public long getChannelNotActiveInterval() { return channelNotActiveInterval; }
    public void setChannelNotActiveInterval(long v) { this.channelNotActiveInterval = v; }
    public int getClientChannelMaxIdleTimeSeconds() { return clientChannelMaxIdleTimeSeconds; }
    public void setClientChannelMaxIdleTimeSeconds(int v) { this.clientChannelMaxIdleTimeSeconds = v; }
    public int getClientSocketSndBufSize() { return clientSocketSndBufSize; }
    public void setClientSocketSndBufSize(int v) { this.clientSocketSndBufSize = v; }
    public int getClientSocketRcvBufSize() { return clientSocketRcvBufSize; }
    public void setClientSocketRcvBufSize(int v) { this.clientSocketRcvBufSize = v; }
    public boolean isClientPooledByteBufAllocatorEnable() { return clientPooledByteBufAllocatorEnable; }
    public void setClientPooledByteBufAllocatorEnable(boolean v) { this.clientPooledByteBufAllocatorEnable = v; }
    public boolean isClientCloseSocketIfTimeout() { return clientCloseSocketIfTimeout; }
    public void setClientCloseSocketIfTimeout(boolean v) { this.clientCloseSocketIfTimeout = v; }
    public boolean isUseTLS() { return useTLS; }
    public void setUseTLS(boolean v) { this.useTLS = v; }
    public int getFrameMaxLength() { return frameMaxLength; }
    public void setFrameMaxLength(int v) { this.frameMaxLength = v; }
}
