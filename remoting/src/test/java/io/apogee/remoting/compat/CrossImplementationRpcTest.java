package io.apogee.remoting.compat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.channel.ChannelHandlerContext;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cross-implementation RPC on loopback (issue 2, acceptance 2): the Apogee client against the official 4.9.7
 * {@code NettyRemotingServer}, and the official 4.9.7 client against the Apogee server; sync, async and
 * oneway, 10,000 calls each, half with JSON and half with ROCKETMQ headers.
 *
 * <p>Every call carries a unique id in its remark, in an ext field and in its body; the servers echo all three,
 * so a response is accepted only if it answers its own request (same opaque, same id everywhere, same header
 * encoding). Oneway calls are counted by id on the server. Calls run concurrently (sync from 8 threads, async
 * with up to 512 in flight) to keep the class within a few seconds on two cores.
 *
 * <p>The official 4.9.7 server has no bind-address setting: it listens on the wildcard address, port 0 here,
 * and is reached through 127.0.0.1.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CrossImplementationRpcTest {
    static final int CALLS = 10_000;
    static final int ECHO = 1000;
    static final int ONEWAY = 1001;
    static final long TIMEOUT_MILLIS = 10_000;

    static NettyRemotingServer apogeeServer;
    static org.apache.rocketmq.remoting.netty.NettyRemotingServer officialServer;
    static NettyRemotingClient apogeeClient;
    static org.apache.rocketmq.remoting.netty.NettyRemotingClient officialClient;
    static ExecutorService serverExecutor;
    static final Set<String> onewaySeenByApogee = ConcurrentHashMap.newKeySet();
    static final Set<String> onewaySeenByOfficial = ConcurrentHashMap.newKeySet();
    static String apogeeAddr;
    static String officialAddr;

    @BeforeAll
    static void start() {
        serverExecutor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4 * CALLS));

        NettyServerConfig apogeeConfig = new NettyServerConfig();
        apogeeConfig.setBindAddress("127.0.0.1");
        apogeeConfig.setListenPort(0);
        apogeeServer = new NettyRemotingServer(apogeeConfig);
        apogeeServer.registerProcessor(ECHO, (ctx, request) -> echo(request), serverExecutor);
        apogeeServer.registerProcessor(ONEWAY, (ctx, request) -> {
            onewaySeenByApogee.add(request.getExtFields().get("id"));
            return echo(request);   // must not be sent: the request is oneway
        }, serverExecutor);
        apogeeServer.start();
        apogeeAddr = "127.0.0.1:" + apogeeServer.localListenPort();

        org.apache.rocketmq.remoting.netty.NettyServerConfig officialConfig =
            new org.apache.rocketmq.remoting.netty.NettyServerConfig();
        officialConfig.setListenPort(0);
        officialServer = new org.apache.rocketmq.remoting.netty.NettyRemotingServer(officialConfig);
        officialServer.registerProcessor(ECHO, officialProcessor(CrossImplementationRpcTest::echo), serverExecutor);
        officialServer.registerProcessor(ONEWAY, officialProcessor(request -> {
            onewaySeenByOfficial.add(request.getExtFields().get("id"));
            return echo(request);
        }), serverExecutor);
        officialServer.start();
        officialAddr = "127.0.0.1:" + officialServer.localListenPort();

        apogeeClient = new NettyRemotingClient(new NettyClientConfig());
        apogeeClient.start();
        officialClient = new org.apache.rocketmq.remoting.netty.NettyRemotingClient(
            new org.apache.rocketmq.remoting.netty.NettyClientConfig());
        officialClient.start();
    }

    @AfterAll
    static void stop() {
        apogeeClient.shutdown();
        officialClient.shutdown();
        apogeeServer.shutdown();
        officialServer.shutdown();
        serverExecutor.shutdownNow();
    }

    // ------------------------------------------------------------------ Apogee client → official server

    @Test
    void apogeeClientSyncCallsToTheOfficialServerAreEachAnsweredByTheirOwnResponse() throws Exception {
        runSync(id -> Echo.of(id, apogeeClient.invokeSync(officialAddr, apogeeRequest(ECHO, id), TIMEOUT_MILLIS)));
    }

    @Test
    void apogeeClientAsyncCallsToTheOfficialServerAreEachAnsweredByTheirOwnResponse() throws Exception {
        runAsync((id, done) -> apogeeClient.invokeAsync(officialAddr, apogeeRequest(ECHO, id), TIMEOUT_MILLIS,
            future -> done.accept(Echo.of(id, future.getResponseCommand()))));
    }

    @Test
    void apogeeClientOnewayCallsAllReachTheOfficialServer() throws Exception {
        runOneway(id -> apogeeClient.invokeOneway(officialAddr, apogeeRequest(ONEWAY, id), TIMEOUT_MILLIS),
            onewaySeenByOfficial);
    }

    // ------------------------------------------------------------------ official client → Apogee server

    @Test
    void officialClientSyncCallsToTheApogeeServerAreEachAnsweredByTheirOwnResponse() throws Exception {
        runSync(id -> Echo.of(id, officialClient.invokeSync(apogeeAddr, officialRequest(ECHO, id), TIMEOUT_MILLIS)));
    }

    @Test
    void officialClientAsyncCallsToTheApogeeServerAreEachAnsweredByTheirOwnResponse() throws Exception {
        runAsync((id, done) -> officialClient.invokeAsync(apogeeAddr, officialRequest(ECHO, id), TIMEOUT_MILLIS,
            future -> done.accept(Echo.of(id, future.getResponseCommand()))));
    }

    @Test
    void officialClientOnewayCallsAllReachTheApogeeServer() throws Exception {
        runOneway(id -> officialClient.invokeOneway(apogeeAddr, officialRequest(ONEWAY, id), TIMEOUT_MILLIS),
            onewaySeenByApogee);
    }

    // ------------------------------------------------------------------ requests and echoes

    static SerializeType typeOf(int id) {
        return id % 2 == 0 ? SerializeType.JSON : SerializeType.ROCKETMQ;
    }

    static RemotingCommand apogeeRequest(int code, int id) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        request.setRemark("call-" + id + "-é");
        request.addExtField("id", Integer.toString(id));
        request.setBody(("body-" + id).getBytes(UTF_8));
        request.setSerializeTypeCurrentRPC(typeOf(id));
        return request;
    }

    static org.apache.rocketmq.remoting.protocol.RemotingCommand officialRequest(int code, int id) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        request.setRemark("call-" + id + "-é");
        request.addExtField("id", Integer.toString(id));
        request.setBody(("body-" + id).getBytes(UTF_8));
        request.setSerializeTypeCurrentRPC(WireFields.official(typeOf(id)));
        return request;
    }

    /** Apogee server side: the remoting layer sets opaque, response flag and the caller's header encoding. */
    static RemotingCommand echo(RemotingCommand request) {
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, request.getRemark());
        response.addExtField("id", request.getExtFields().get("id"));
        response.setBody(request.getBody());
        return response;
    }

    /** Official server side: as official processors do, the response copies the request's header encoding. */
    static org.apache.rocketmq.remoting.protocol.RemotingCommand echo(
        org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand response =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, request.getRemark());
        response.addExtField("id", request.getExtFields().get("id"));
        response.setBody(request.getBody());
        response.setSerializeTypeCurrentRPC(request.getSerializeTypeCurrentRPC());
        return response;
    }

    interface OfficialHandler {
        org.apache.rocketmq.remoting.protocol.RemotingCommand handle(
            org.apache.rocketmq.remoting.protocol.RemotingCommand request) throws Exception;
    }

    static NettyRequestProcessor officialProcessor(OfficialHandler handler) {
        return new NettyRequestProcessor() {
            @Override
            public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(ChannelHandlerContext ctx,
                org.apache.rocketmq.remoting.protocol.RemotingCommand request) throws Exception {
                return handler.handle(request);
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        };
    }

    /** What a client saw in answer to call {@code id}, from either implementation's response. */
    record Echo(int id, int code, boolean response, String remark, String extId, String type, String body) {
        static Echo of(int id, RemotingCommand r) {
            return r == null ? null : new Echo(id, r.getCode(), r.isResponseType(), r.getRemark(),
                r.getExtFields() == null ? null : r.getExtFields().get("id"), r.getSerializeTypeCurrentRPC().name(),
                r.getBody() == null ? null : new String(r.getBody(), UTF_8));
        }

        static Echo of(int id, org.apache.rocketmq.remoting.protocol.RemotingCommand r) {
            return r == null ? null : new Echo(id, r.getCode(), r.isResponseType(), r.getRemark(),
                r.getExtFields() == null ? null : r.getExtFields().get("id"), r.getSerializeTypeCurrentRPC().name(),
                r.getBody() == null ? null : new String(r.getBody(), UTF_8));
        }

        static Echo expected(int id) {
            return new Echo(id, ResponseCode.SUCCESS, true, "call-" + id + "-é", Integer.toString(id),
                typeOf(id).name(), "body-" + id);
        }
    }

    // ------------------------------------------------------------------ drivers

    interface SyncCall {
        Echo call(int id) throws Exception;
    }

    interface AsyncCall {
        void call(int id, Consumer<Echo> done) throws Exception;
    }

    interface OnewayCall {
        void call(int id) throws Exception;
    }

    /** 10,000 sync calls from 8 threads; each answer must be the echo of its own call. */
    static void runSync(SyncCall rpc) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger matched = new AtomicInteger();
        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                callers.execute(() -> {
                    for (int id = next.getAndIncrement(); id < CALLS; id = next.getAndIncrement()) {
                        try {
                            Echo echo = rpc.call(id);
                            if (Echo.expected(id).equals(echo)) {
                                matched.incrementAndGet();
                            } else {
                                mismatches.add("call " + id + " answered by " + echo);
                            }
                        } catch (Exception e) {
                            mismatches.add("call " + id + " failed: " + e);
                        }
                    }
                });
            }
        } finally {
            callers.shutdown();
        }
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mismatches).as("mismatched or failed calls").isEmpty();
        assertThat(matched.get()).isEqualTo(CALLS);
    }

    /** 10,000 async calls, at most 512 in flight; each callback must carry the echo of its own call. */
    static void runAsync(AsyncCall rpc) throws Exception {
        Semaphore inFlight = new Semaphore(512);
        CountDownLatch done = new CountDownLatch(CALLS);
        AtomicInteger matched = new AtomicInteger();
        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < CALLS; i++) {
            int id = i;
            assertThat(inFlight.tryAcquire(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("a slot for call " + id).isTrue();
            rpc.call(id, echo -> {
                if (Echo.expected(id).equals(echo)) {
                    matched.incrementAndGet();
                } else {
                    mismatches.add("call " + id + " answered by " + echo);
                }
                inFlight.release();
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("all callbacks ran").isTrue();
        assertThat(mismatches).as("mismatched or failed calls").isEmpty();
        assertThat(matched.get()).isEqualTo(CALLS);
    }

    /** 10,000 oneway calls; the server must see every id exactly once. */
    static void runOneway(OnewayCall rpc, Set<String> seenByServer) throws Exception {
        seenByServer.clear();
        for (int id = 0; id < CALLS; id++) {
            rpc.call(id);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seenByServer.size() < CALLS && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(seenByServer).hasSize(CALLS);
        for (int id = 0; id < CALLS; id++) {
            assertThat(seenByServer).contains(Integer.toString(id));
        }
    }
}
