package io.apogee.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.apogee.common.ThreadUtils;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.annotation.CFNotNull;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemotingServerClientTest {
    static final int ECHO = 1000;
    static final int THROWS = 1001;
    static final int SLOW = 1002;
    static final int TYPED = 1003;

    public static class EchoHeader implements CommandCustomHeader {
        @CFNotNull
        private String topic;
        private Integer queueId;

        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public Integer getQueueId() { return queueId; }
        public void setQueueId(Integer queueId) { this.queueId = queueId; }
    }

    NettyRemotingServer server;
    NettyRemotingClient client;
    ThreadPoolExecutor slowExecutor;
    String addr;

    @BeforeEach
    void start() {
        NettyServerConfig sc = new NettyServerConfig();
        sc.setBindAddress("127.0.0.1");
        sc.setListenPort(0);
        server = new NettyRemotingServer(sc);
        ExecutorService pool = ThreadUtils.newFixedThreadPool(4, 1000, "test_");
        server.registerProcessor(ECHO, (ctx, req) -> {
            RemotingCommand r = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, req.getRemark());
            r.setBody(req.getBody());
            return r;
        }, pool);
        server.registerProcessor(THROWS, (ctx, req) -> {
            throw new IllegalStateException("boom");
        }, pool);
        slowExecutor = ThreadUtils.newFixedThreadPool(1, 1, "slow_");
        server.registerProcessor(SLOW, (ctx, req) -> {
            Thread.sleep(300);
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }, slowExecutor);
        server.registerProcessor(TYPED, (ctx, req) -> {
            EchoHeader h = req.decodeCommandCustomHeader(EchoHeader.class);
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, h.getTopic() + "/" + h.getQueueId());
        }, pool);
        server.start();
        addr = "127.0.0.1:" + server.localListenPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void stop() {
        client.shutdown();
        server.shutdown();
        slowExecutor.shutdownNow();
    }

    @Test
    void syncCallIsAnsweredWithBodyAndRemark() throws Exception {
        RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
        req.setRemark("ping");
        req.setBody("hello".getBytes());

        RemotingCommand resp = client.invokeSync(addr, req, 3000);

        assertThat(resp.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(resp.getOpaque()).isEqualTo(req.getOpaque());
        assertThat(resp.isResponseType()).isTrue();
        assertThat(resp.getRemark()).isEqualTo("ping");
        assertThat(new String(resp.getBody())).isEqualTo("hello");
    }

    @Test
    void responseUsesTheCallersHeaderEncoding() throws Exception {
        RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
        req.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        req.setRemark("binary");

        RemotingCommand resp = client.invokeSync(addr, req, 3000);

        assertThat(resp.getSerializeTypeCurrentRPC()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(resp.getRemark()).isEqualTo("binary");
    }

    @Test
    void asyncCallsCompleteWithTheirOwnResponses() throws Exception {
        int n = 200;
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger matched = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
            req.setRemark("r" + i);
            String expected = "r" + i;
            client.invokeAsync(addr, req, 3000, f -> {
                if (f.getResponseCommand() != null && expected.equals(f.getResponseCommand().getRemark())) {
                    matched.incrementAndGet();
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(matched.get()).isEqualTo(n);
    }

    @Test
    void onewayCallGetsNoResponseButIsProcessed() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        server.registerProcessor(2000, (ctx, req) -> {
            seen.countDown();
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }, null);
        client.invokeOneway(addr, RemotingCommand.createRequestCommand(2000, null), 3000);
        assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unknownCodeIsAnsweredRequestCodeNotSupported() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequestCommand(4242, null), 3000);
        assertThat(resp.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(resp.getRemark()).contains("4242").contains("not supported");
    }

    @Test
    void processorExceptionBecomesSystemErrorAndConnectionSurvives() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequestCommand(THROWS, null), 3000);
        assertThat(resp.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(resp.getRemark()).contains("boom");

        assertThat(client.invokeSync(addr, RemotingCommand.createRequestCommand(ECHO, null), 3000).getCode())
            .isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void typedHeaderTravelsAsExtFields() throws Exception {
        EchoHeader h = new EchoHeader();
        h.setTopic("TopicTest");
        h.setQueueId(3);
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequestCommand(TYPED, h), 3000);
        assertThat(resp.getRemark()).isEqualTo("TopicTest/3");
    }

    @Test
    void missingRequiredHeaderFieldIsAnsweredWithItsName() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequestCommand(TYPED, new EchoHeader()), 3000);
        assertThat(resp.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(resp.getRemark()).contains("topic");
    }

    @Test
    void fullExecutorQueueIsAnsweredSystemBusy() throws Exception {
        AtomicInteger busy = new AtomicInteger();
        AtomicReference<String> remark = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            client.invokeAsync(addr, RemotingCommand.createRequestCommand(SLOW, null), 5000, f -> {
                RemotingCommand r = f.getResponseCommand();
                if (r != null && r.getCode() == ResponseCode.SYSTEM_BUSY) {
                    busy.incrementAndGet();
                    remark.set(r.getRemark());
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        // one running, one queued: the rest are refused at once
        assertThat(busy.get()).isGreaterThanOrEqualTo(3);
        assertThat(remark.get()).startsWith("[OVERLOAD]");
    }

    @Test
    void syncCallTimesOutWhenNoAnswerComes() {
        server.registerProcessor(3000, (ctx, req) -> null, null);
        long begin = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.invokeSync(addr, RemotingCommand.createRequestCommand(3000, null), 300))
            .isInstanceOf(io.apogee.remoting.exception.RemotingTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)).isLessThan(3000);
    }

    @Test
    void clientReconnectsAfterTheChannelClosed() throws Exception {
        assertThat(client.invokeSync(addr, RemotingCommand.createRequestCommand(ECHO, null), 3000).getCode()).isZero();
        // a timed-out call closes the socket (clientCloseSocketIfTimeout); the next call must reconnect
        server.registerProcessor(3001, (ctx, req) -> null, null);
        try {
            client.invokeSync(addr, RemotingCommand.createRequestCommand(3001, null), 200);
        } catch (io.apogee.remoting.exception.RemotingTimeoutException expected) {
            // expected
        }
        assertThat(client.invokeSync(addr, RemotingCommand.createRequestCommand(ECHO, null), 3000).getCode()).isZero();
    }
}
