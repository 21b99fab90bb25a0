package io.apogee.remoting.netty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.apogee.common.ThreadUtils;
import io.apogee.common.protocol.CommandCustomHeader;
import io.apogee.common.protocol.ResponseCode;
import io.apogee.common.protocol.annotation.CFNotNull;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input against the Apogee server over raw loopback sockets (issue 2, acceptance 3; STYLE §6):
 * a frame the server cannot make sense of costs exactly that connection — the server closes it and keeps
 * serving everyone else — while a well-framed but unserviceable request costs one request: it is answered
 * with an error code and a remark, and the connection stays usable.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {
    static final int ECHO = 1000;
    static final int THROWS = 1001;
    static final int TYPED = 1002;
    static final int UNKNOWN = 4242;

    public static class TypedHeader implements CommandCustomHeader {
        @CFNotNull
        private String topic;
        private Integer queueId;
    }

    static NettyRemotingServer server;
    static ExecutorService executor;
    static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        executor = ThreadUtils.newFixedThreadPool(2, 1000, "bad_input_");
        server = startServer(NettyServerConfig.DEFAULT_FRAME_MAX_LENGTH);
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
        executor.shutdownNow();
    }

    static NettyRemotingServer startServer(int frameMaxLength) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(2);
        config.setFrameMaxLength(frameMaxLength);
        NettyRemotingServer s = new NettyRemotingServer(config);
        s.registerProcessor(ECHO, (ctx, req) -> {
            RemotingCommand r = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, req.getRemark());
            r.setBody(req.getBody());
            return r;
        }, executor);
        s.registerProcessor(THROWS, (ctx, req) -> {
            throw new IllegalStateException("processor failed on purpose");
        }, executor);
        s.registerProcessor(TYPED, (ctx, req) -> {
            TypedHeader h = req.decodeCommandCustomHeader(TypedHeader.class);
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, h.topic + "/" + h.queueId);
        }, executor);
        s.start();
        return s;
    }

    // ------------------------------------------------------------------ undecodable frames: connection closed

    static Stream<Arguments> badFrames() {
        List<Arguments> cases = new ArrayList<>();
        Random random = new Random(20240602L);
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            noise[0] |= 0x01;                 // a length prefix of at least 16 MiB
            cases.add(Arguments.of("random bytes #" + i, noise));
        }
        for (int i = 0; i < 5; i++) {
            byte[] content = new byte[16 + random.nextInt(512)];
            random.nextBytes(content);
            cases.add(Arguments.of("a well-sized frame of random content #" + i,
                ByteBuffer.allocate(4 + content.length).putInt(content.length).put(content).array()));
        }
        cases.add(Arguments.of("length prefix 2^31-1", ints(Integer.MAX_VALUE, 0, 0)));
        cases.add(Arguments.of("negative length prefix", ints(-8, 0, 0)));
        cases.add(Arguments.of("length prefix Integer.MIN_VALUE", ints(Integer.MIN_VALUE, 0)));
        cases.add(Arguments.of("frame shorter than its header word", ints(2, 0)));
        cases.add(Arguments.of("header length larger than the frame", frame(0x00000100, "{\"code\":1000}")));
        cases.add(Arguments.of("header length 2^24-1 in a small frame", frame(0x00FFFFFF, "{}")));
        cases.add(Arguments.of("invalid JSON header", json("{\"code\":1000,\"opaque\":")));
        cases.add(Arguments.of("JSON header that is not an object", json("[1,2,3]")));
        cases.add(Arguments.of("JSON header with trailing garbage", json("{\"code\":1000}}")));
        cases.add(Arguments.of("JSON header with a non-numeric code", json("{\"code\":\"ten\",\"opaque\":1}")));
        cases.add(Arguments.of("JSON header with a bad escape", json("{\"code\":1000,\"remark\":\"\\q\"}")));
        cases.add(Arguments.of("JSON header that is not UTF-8 text", frame(4, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1})));
        cases.add(Arguments.of("unknown serialize type 5", frame(0x05000000 | 13, "{\"code\":1000}")));
        cases.add(Arguments.of("unknown serialize type 0xFF", frame(0xFF000000 | 13, "{\"code\":1000}")));
        cases.add(Arguments.of("ROCKETMQ header shorter than its fixed part", frame(0x01000000 | 9, new byte[9])));
        cases.add(Arguments.of("ROCKETMQ remark length beyond the header", rocketmq(1000, null, null)));
        cases.add(Arguments.of("ROCKETMQ negative remark length", rocketmq(-1, null, null)));
        cases.add(Arguments.of("ROCKETMQ extFields length beyond the header", rocketmq(0, 64, new byte[0])));
        cases.add(Arguments.of("ROCKETMQ key length beyond extFields",
            rocketmq(0, 8, ByteBuffer.allocate(8).putShort((short) 200).put("topic!".getBytes(UTF_8)).array())));
        cases.add(Arguments.of("ROCKETMQ value length beyond extFields",
            rocketmq(0, 12, ByteBuffer.allocate(12).putShort((short) 1).put((byte) 'k').putInt(99).put("vvvvv".getBytes(UTF_8)).array())));
        cases.add(Arguments.of("ROCKETMQ negative value length",
            rocketmq(0, 8, ByteBuffer.allocate(8).putShort((short) 1).put((byte) 'k').putInt(-1).put((byte) 'v').array())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void undecodableInputClosesThatConnectionAndTheServerKeepsServing(String name, byte[] input) throws Exception {
        try (Socket bystander = connect(server); Socket bad = connect(server)) {
            assertEchoes(bystander);

            send(bad, input);

            assertClosedByServer(bad);
            assertEchoes(bystander);
        }
        try (Socket fresh = connect(server)) {
            assertEchoes(fresh);
        }
    }

    @Test
    void frameOverTheConfiguredMaximumClosesOnlyThatConnection() throws Exception {
        NettyRemotingServer small = startServer(1024);
        try (Socket bystander = connect(small); Socket big = connect(small)) {
            assertEchoes(bystander);
            RemotingCommand request = echoRequest(SerializeType.JSON);
            request.setBody(new byte[1024]);                 // frame > 1024 bytes including its prefix

            send(big, bytes(request.encode()));

            assertClosedByServer(big);
            assertEchoes(bystander);
            try (Socket fresh = connect(small)) {
                assertEchoes(fresh);
            }
        } finally {
            small.shutdown();
        }
    }

    @Test
    void frameOfExactlyTheConfiguredMaximumIsServed() throws Exception {
        NettyRemotingServer small = startServer(1024);
        try (Socket socket = connect(small)) {
            RemotingCommand request = echoRequest(SerializeType.ROCKETMQ);
            int frameWithoutBody = bytes(request.encode()).length;
            request.setBody(new byte[1024 - frameWithoutBody]);  // the limit counts the 4-byte length prefix
            assertThat(bytes(request.encode())).hasSize(1024);

            RemotingCommand response = roundTrip(socket, request);

            assertThat(response.getBody()).hasSize(1024 - frameWithoutBody);
        } finally {
            small.shutdown();
        }
    }

    // ------------------------------------------------------------------ unserviceable requests: answered, connection kept

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void unknownRequestCodeIsAnsweredRequestCodeNotSupportedNamingTheCode(SerializeType type) throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand request = RemotingCommand.createRequestCommand(UNKNOWN, null);
            request.setSerializeTypeCurrentRPC(type);

            RemotingCommand response = roundTrip(socket, request);

            assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(response.getRemark()).isEqualTo(" request type " + UNKNOWN + " not supported");
            assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
            assertThat(response.isResponseType()).isTrue();
            assertEchoes(socket);
        }
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void processorThatThrowsIsAnsweredSystemErrorAndTheConnectionIsKept(SerializeType type) throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand request = RemotingCommand.createRequestCommand(THROWS, null);
            request.setSerializeTypeCurrentRPC(type);

            RemotingCommand response = roundTrip(socket, request);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.getRemark()).contains("IllegalStateException").contains("processor failed on purpose");
            assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
            assertEchoes(socket);
            assertEchoes(socket);
        }
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void missingRequiredHeaderFieldIsAnsweredWithARemarkNamingTheField(SerializeType type) throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand request = RemotingCommand.createRequestCommand(TYPED, null);
            request.addExtField("queueId", "3");
            request.setSerializeTypeCurrentRPC(type);

            RemotingCommand response = roundTrip(socket, request);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.getRemark()).contains("topic");
            assertEchoes(socket);
        }
    }

    @Test
    void malformedNumberInATypedHeaderIsAnsweredWithARemarkNamingTheField() throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand request = RemotingCommand.createRequestCommand(TYPED, null);
            request.addExtField("topic", "T");
            request.addExtField("queueId", "three");

            RemotingCommand response = roundTrip(socket, request);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.getRemark()).contains("queueId");
            assertEchoes(socket);
        }
    }

    @Test
    void onewayRequestWithAnUnknownCodeGetsNoAnswerAndTheConnectionIsKept() throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand oneway = RemotingCommand.createRequestCommand(UNKNOWN, null);
            oneway.markOnewayRPC();
            send(socket, bytes(oneway.encode()));

            // the next frame on the connection is the echo's response, not an answer to the oneway call
            assertEchoes(socket);
        }
    }

    @Test
    void requestsSplitIntoSingleBytesAndCoalescedRequestsAreBothServed() throws Exception {
        try (Socket socket = connect(server)) {
            RemotingCommand first = echoRequest(SerializeType.JSON);
            RemotingCommand second = echoRequest(SerializeType.ROCKETMQ);
            byte[] a = bytes(first.encode());
            byte[] b = bytes(second.encode());
            OutputStream out = socket.getOutputStream();
            for (byte x : a) {
                out.write(x);
                out.flush();
            }
            assertThat(readResponse(socket).getRemark()).isEqualTo(first.getRemark());

            byte[] both = ByteBuffer.allocate(a.length + b.length).put(b).put(a).array();
            first.setOpaque(first.getOpaque() + 1_000_000);
            send(socket, both);
            // Both are answered; requests run concurrently on the processor's pool, so responses may come back
            // in either order (callers match them by opaque, never by position).
            assertThat(java.util.List.of(readResponse(socket).getRemark(), readResponse(socket).getRemark()))
                .containsExactlyInAnyOrder(second.getRemark(), first.getRemark());
        }
    }

    // ------------------------------------------------------------------ helpers

    static Socket connect(NettyRemotingServer s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.localListenPort());
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    static RemotingCommand echoRequest(SerializeType type) {
        RemotingCommand request = RemotingCommand.createRequestCommand(ECHO, null);
        request.setRemark("echo-" + ids.incrementAndGet());
        request.addExtField("k", "v");
        request.setSerializeTypeCurrentRPC(type);
        return request;
    }

    /** A normal request on this connection is answered with its own remark and opaque, in its own encoding. */
    static void assertEchoes(Socket socket) throws Exception {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand request = echoRequest(type);
            RemotingCommand response = roundTrip(socket, request);
            assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.getRemark()).isEqualTo(request.getRemark());
            assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
            assertThat(response.getSerializeTypeCurrentRPC()).isEqualTo(type);
        }
    }

    static RemotingCommand roundTrip(Socket socket, RemotingCommand request) throws Exception {
        send(socket, bytes(request.encode()));
        return readResponse(socket);
    }

    static RemotingCommand readResponse(Socket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        assertThat(length).isBetween(4, 1 << 20);
        byte[] frame = new byte[length];
        in.readFully(frame);
        RemotingCommand response = RemotingCommand.decode(frame);
        assertThat(response.isResponseType()).isTrue();
        return response;
    }

    /** The server closed the connection: reads reach end-of-stream (or a reset) without any response bytes. */
    static void assertClosedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                throw new AssertionError("server answered " + n + " bytes instead of closing the connection");
            } catch (SocketTimeoutException e) {
                break;
            } catch (SocketException | EOFException e) {
                return;   // connection reset: closed with unread input pending
            }
        }
        throw new AssertionError("server did not close the connection within 5 s");
    }

    static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** A frame with the given header word and header bytes, length prefix consistent with the bytes sent. */
    static byte[] frame(int headerWord, byte[] header) {
        return ByteBuffer.allocate(8 + header.length).putInt(4 + header.length).putInt(headerWord).put(header).array();
    }

    static byte[] frame(int headerWord, String header) {
        return frame(headerWord, header.getBytes(UTF_8));
    }

    static byte[] json(String header) {
        byte[] h = header.getBytes(UTF_8);
        return frame(h.length, h);
    }

    /**
     * A ROCKETMQ header (protocol.md §1.4) for code ECHO with the given remark length and, when extLength is
     * not null, the given extFields length and bytes; the lengths may lie about what follows.
     */
    static byte[] rocketmq(int remarkLength, Integer extLength, byte[] ext) {
        ByteBuffer h = ByteBuffer.allocate(64);
        h.putShort((short) ECHO).put((byte) 0).putShort((short) 407).putInt(1).putInt(0);
        h.putInt(remarkLength);
        if (extLength != null) {
            h.putInt(extLength).put(ext);
        } else {
            h.putInt(0);
        }
        byte[] header = new byte[h.position()];
        h.flip().get(header);
        return frame(0x01000000 | header.length, header);
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
