package io.apogee.remoting.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.apogee.common.protocol.ResponseCode;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Apogee remoting vs the official rocketmq-remoting 4.9.7, in one run (issue 2, "Benchmark").
 *
 * <p>Rows come in pairs named {@code <row>_apogee} / {@code <row>_official}; {@link #main} prints the
 * Apogee/official throughput ratio per row. The command is a SEND_MESSAGE_V2-like request: 13 single-letter
 * ext fields (as protocol.md §1.3) and a 128-byte body.
 * <ul>
 *   <li>{@code encodeJson} / {@code encodeRocketmq}: the whole frame into a reused buffer — Apogee's
 *       {@code encode(ByteBuf)}, the official {@code fastEncodeHeader(ByteBuf)} + body (what its NettyEncoder does);</li>
 *   <li>{@code decodeJson} / {@code decodeRocketmq}: one frame (length prefix stripped) back into a command;</li>
 *   <li>{@code rpcSync1} / {@code rpcSync16}: loopback sync round trips with 1 and 16 concurrent callers, each
 *       implementation's client against its own server, default configs, JSON headers, echo processor.</li>
 * </ul>
 * How to run it and the last results: docs/benchmarks-remoting.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Drocketmq.remoting.version=407", "-Dtls.server.mode=disabled"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RemotingBenchmark {
    static final int SEND_MESSAGE_V2 = 310;
    static final int ECHO = 1000;

    static HashMap<String, String> sendMessageV2Ext() {
        HashMap<String, String> ext = new HashMap<>();
        ext.put("a", "please_rename_unique_group_name");
        ext.put("b", "TopicTest");
        ext.put("c", "TBW102");
        ext.put("d", "4");
        ext.put("e", "1");
        ext.put("f", "0");
        ext.put("g", "1700000000000");
        ext.put("h", "0");
        ext.put("i", "UNIQ_KEY\u00017F0000011C3C18B4AAC2730B2A0D0000\u0002WAIT\u0001true\u0002TAGS\u0001TagA");
        ext.put("j", "0");
        ext.put("k", "false");
        ext.put("m", "false");
        ext.put("n", "broker-a");
        return ext;
    }

    static byte[] body128() {
        byte[] body = new byte[128];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    static RemotingCommand apogeeCommand(SerializeType type) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(SEND_MESSAGE_V2, null);
        cmd.setExtFields(sendMessageV2Ext());
        cmd.setBody(body128());
        cmd.setSerializeTypeCurrentRPC(type);
        return cmd;
    }

    static org.apache.rocketmq.remoting.protocol.RemotingCommand officialCommand(SerializeType type) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(SEND_MESSAGE_V2, null);
        cmd.setExtFields(sendMessageV2Ext());
        cmd.setBody(body128());
        cmd.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(type.name()));
        return cmd;
    }

    // ------------------------------------------------------------------ codec

    @State(Scope.Thread)
    public static class Codec {
        RemotingCommand apogeeJson;
        RemotingCommand apogeeRocketmq;
        org.apache.rocketmq.remoting.protocol.RemotingCommand officialJson;
        org.apache.rocketmq.remoting.protocol.RemotingCommand officialRocketmq;
        ByteBuf out;
        /** Encoded frames without the length prefix, as the frame decoder hands them on. */
        ByteBuf apogeeJsonFrame;
        ByteBuf apogeeRocketmqFrame;
        ByteBuf officialJsonFrame;
        ByteBuf officialRocketmqFrame;

        @Setup(Level.Trial)
        public void setUp() {
            apogeeJson = apogeeCommand(SerializeType.JSON);
            apogeeRocketmq = apogeeCommand(SerializeType.ROCKETMQ);
            officialJson = officialCommand(SerializeType.JSON);
            officialRocketmq = officialCommand(SerializeType.ROCKETMQ);
            out = Unpooled.buffer(1024);
            apogeeJsonFrame = frameOf(apogeeJson.encode());
            apogeeRocketmqFrame = frameOf(apogeeRocketmq.encode());
            officialJsonFrame = frameOf(officialJson.encode());
            officialRocketmqFrame = frameOf(officialRocketmq.encode());
        }

        static ByteBuf frameOf(java.nio.ByteBuffer encoded) {
            byte[] bytes = new byte[encoded.remaining() - 4];
            encoded.position(encoded.position() + 4);
            encoded.get(bytes);
            return Unpooled.wrappedBuffer(bytes);
        }
    }

    static ByteBuf officialEncode(org.apache.rocketmq.remoting.protocol.RemotingCommand cmd, ByteBuf out) {
        out.clear();
        cmd.fastEncodeHeader(out);
        out.writeBytes(cmd.getBody());
        return out;
    }

    static ByteBuf apogeeEncode(RemotingCommand cmd, ByteBuf out) {
        out.clear();
        cmd.encode(out);
        return out;
    }

    @Benchmark
    public ByteBuf encodeJson_apogee(Codec s) {
        return apogeeEncode(s.apogeeJson, s.out);
    }

    @Benchmark
    public ByteBuf encodeJson_official(Codec s) {
        return officialEncode(s.officialJson, s.out);
    }

    @Benchmark
    public ByteBuf encodeRocketmq_apogee(Codec s) {
        return apogeeEncode(s.apogeeRocketmq, s.out);
    }

    @Benchmark
    public ByteBuf encodeRocketmq_official(Codec s) {
        return officialEncode(s.officialRocketmq, s.out);
    }

    @Benchmark
    public RemotingCommand decodeJson_apogee(Codec s) throws Exception {
        return RemotingCommand.decode(s.apogeeJsonFrame.readerIndex(0));
    }

    @Benchmark
    public org.apache.rocketmq.remoting.protocol.RemotingCommand decodeJson_official(Codec s) throws Exception {
        return org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(s.officialJsonFrame.readerIndex(0));
    }

    @Benchmark
    public RemotingCommand decodeRocketmq_apogee(Codec s) throws Exception {
        return RemotingCommand.decode(s.apogeeRocketmqFrame.readerIndex(0));
    }

    @Benchmark
    public org.apache.rocketmq.remoting.protocol.RemotingCommand decodeRocketmq_official(Codec s) throws Exception {
        return org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(s.officialRocketmqFrame.readerIndex(0));
    }

    // ------------------------------------------------------------------ loopback RPC

    /** An Apogee server with an echo processor and an Apogee client, default configurations. */
    @State(Scope.Benchmark)
    public static class ApogeeRpc {
        NettyRemotingServer server;
        NettyRemotingClient client;
        ExecutorService executor;
        String addr;
        HashMap<String, String> ext = sendMessageV2Ext();
        byte[] body = body128();

        @Setup(Level.Trial)
        public void start() {
            executor = Executors.newFixedThreadPool(4);
            NettyServerConfig config = new NettyServerConfig();
            config.setBindAddress("127.0.0.1");
            config.setListenPort(0);
            server = new NettyRemotingServer(config);
            server.registerProcessor(ECHO, (ctx, request) -> {
                RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
                response.addExtField("queueId", "1");
                response.addExtField("msgId", "7F0000011C3C18B4AAC2730B2A0D0000");
                response.addExtField("queueOffset", "42");
                return response;
            }, executor);
            server.start();
            addr = "127.0.0.1:" + server.localListenPort();
            client = new NettyRemotingClient(new NettyClientConfig());
            client.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.shutdown();
            server.shutdown();
            executor.shutdownNow();
        }

        RemotingCommand call() throws Exception {
            RemotingCommand request = RemotingCommand.createRequestCommand(ECHO, null);
            request.setExtFields(ext);
            request.setBody(body);
            RemotingCommand response = client.invokeSync(addr, request, 5000);
            if (response.getCode() != ResponseCode.SUCCESS) {
                throw new IllegalStateException("unexpected response " + response);
            }
            return response;
        }
    }

    /** The official 4.9.7 server with the same echo processor and the official client, default configurations. */
    @State(Scope.Benchmark)
    public static class OfficialRpc {
        org.apache.rocketmq.remoting.netty.NettyRemotingServer server;
        org.apache.rocketmq.remoting.netty.NettyRemotingClient client;
        ExecutorService executor;
        String addr;
        HashMap<String, String> ext = sendMessageV2Ext();
        byte[] body = body128();

        @Setup(Level.Trial)
        public void start() {
            executor = Executors.newFixedThreadPool(4);
            org.apache.rocketmq.remoting.netty.NettyServerConfig config = new org.apache.rocketmq.remoting.netty.NettyServerConfig();
            config.setListenPort(0);
            server = new org.apache.rocketmq.remoting.netty.NettyRemotingServer(config);
            server.registerProcessor(ECHO, new org.apache.rocketmq.remoting.netty.NettyRequestProcessor() {
                @Override
                public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(ChannelHandlerContext ctx,
                    org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
                    org.apache.rocketmq.remoting.protocol.RemotingCommand response =
                        org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
                    response.addExtField("queueId", "1");
                    response.addExtField("msgId", "7F0000011C3C18B4AAC2730B2A0D0000");
                    response.addExtField("queueOffset", "42");
                    response.setSerializeTypeCurrentRPC(request.getSerializeTypeCurrentRPC());
                    return response;
                }

                @Override
                public boolean rejectRequest() {
                    return false;
                }
            }, executor);
            server.start();
            addr = "127.0.0.1:" + server.localListenPort();
            client = new org.apache.rocketmq.remoting.netty.NettyRemotingClient(
                new org.apache.rocketmq.remoting.netty.NettyClientConfig());
            client.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.shutdown();
            server.shutdown();
            executor.shutdownNow();
        }

        org.apache.rocketmq.remoting.protocol.RemotingCommand call() throws Exception {
            org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(ECHO, null);
            request.setExtFields(ext);
            request.setBody(body);
            org.apache.rocketmq.remoting.protocol.RemotingCommand response = client.invokeSync(addr, request, 5000);
            if (response.getCode() != ResponseCode.SUCCESS) {
                throw new IllegalStateException("unexpected response " + response);
            }
            return response;
        }
    }

    @Benchmark
    @Threads(1)
    public RemotingCommand rpcSync1_apogee(ApogeeRpc rpc) throws Exception {
        return rpc.call();
    }

    @Benchmark
    @Threads(1)
    public org.apache.rocketmq.remoting.protocol.RemotingCommand rpcSync1_official(OfficialRpc rpc) throws Exception {
        return rpc.call();
    }

    @Benchmark
    @Threads(16)
    public RemotingCommand rpcSync16_apogee(ApogeeRpc rpc) throws Exception {
        return rpc.call();
    }

    @Benchmark
    @Threads(16)
    public org.apache.rocketmq.remoting.protocol.RemotingCommand rpcSync16_official(OfficialRpc rpc) throws Exception {
        return rpc.call();
    }

    // ------------------------------------------------------------------ runner

    /**
     * Runs every row with short settings (1 fork, 2 × 1 s warm-up, 3 × 1 s measurement) and prints a
     * Markdown table with the Apogee/official ratio per row. With arguments, behaves as JMH's own main
     * (e.g. {@code -f 3 -wi 5 -i 5 -prof gc RemotingBenchmark.encode}).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Options options = new OptionsBuilder()
            .include(RemotingBenchmark.class.getName() + "\\.")
            .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(ratioTable(results));
    }

    static String ratioTable(Collection<RunResult> results) {
        Map<String, double[]> rows = new LinkedHashMap<>();     // row -> {apogee, apogeeError, official, officialError}
        String unit = "";
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            int sep = method.lastIndexOf('_');
            String row = method.substring(0, sep);
            boolean apogee = method.endsWith("_apogee");
            double[] v = rows.computeIfAbsent(row, k -> new double[4]);
            v[apogee ? 0 : 2] = r.getPrimaryResult().getScore();
            v[apogee ? 1 : 3] = r.getPrimaryResult().getScoreError();
            unit = r.getPrimaryResult().getScoreUnit();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| row | Apogee (" + unit + ") | official 4.9.7 (" + unit + ") | Apogee / official |");
        lines.add("|---|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            lines.add(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.1f ± %.1f | %.2f×%s |", e.getKey(),
                v[0], v[1], v[2], v[3], v[0] / v[2], v[0] < v[2] ? " (below 1.0)" : ""));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
