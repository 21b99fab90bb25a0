package io.apogee.store;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.apogee.common.UtilAll;
import io.apogee.common.message.MessageClientIDSetter;
import io.apogee.common.message.MessageDecoder;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.FlushDiskType;
import io.apogee.store.config.MessageStoreConfig;

/**
 * Apogee's store against the official 4.9.7 DefaultMessageStore, same settings (128 MiB CommitLog files,
 * default everything else): append throughput by body size and flush mode, and getMessage(32) throughput.
 * Run with {@code main} (see docs/benchmarks-store.md); {@code -prof gc} numbers come from the GC profiler.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
    "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
    "java.base/jdk.internal.ref=ALL-UNNAMED"})
public class StoreBenchmark {
    static final int FILE_SIZE = 128 * 1024 * 1024;
    static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 50000);
    static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);
    static final String TOPIC = "BenchTopic";

    /** One store under test; {@code impl} picks Apogee or the official store. */
    @State(Scope.Benchmark)
    public abstract static class StoreState {
        @Param({"apogee", "official"})
        public String impl;
        @Param({"128", "1024", "4096"})
        public int bodySize;
        Path dir;
        DefaultMessageStore apogee;
        org.apache.rocketmq.store.DefaultMessageStore official;
        final AtomicInteger threadIds = new AtomicInteger();

        abstract FlushDiskType flushDiskType();

        @Setup(Level.Trial)
        public void open() throws Exception {
            // -Dbench.dir=/dev/shm measures the stores without the disk (see docs/benchmarks-store.md)
            String base = System.getProperty("bench.dir");
            dir = base == null ? Files.createTempDirectory("store-bench")
                : Files.createTempDirectory(Path.of(base), "store-bench");
            if (impl.equals("apogee")) {
                MessageStoreConfig c = new MessageStoreConfig();
                c.setStorePathRootDir(dir.toString());
                c.setMappedFileSizeCommitLog(FILE_SIZE);
                c.setFlushDiskType(flushDiskType());
                apogee = new DefaultMessageStore(c);
                apogee.load();
                apogee.start();
            } else {
                org.apache.rocketmq.store.config.MessageStoreConfig c =
                    new org.apache.rocketmq.store.config.MessageStoreConfig();
                c.setStorePathRootDir(dir.toString());
                c.setStorePathCommitLog(dir.resolve("commitlog").toString());
                c.setMappedFileSizeCommitLog(FILE_SIZE);
                c.setFlushDiskType(org.apache.rocketmq.store.config.FlushDiskType.valueOf(flushDiskType().name()));
                try (ServerSocket s = new ServerSocket(0)) {
                    c.setHaListenPort(s.getLocalPort());
                }
                official = new org.apache.rocketmq.store.DefaultMessageStore(c,
                    new org.apache.rocketmq.store.stats.BrokerStatsManager("bench", true), null,
                    new org.apache.rocketmq.common.BrokerConfig());
                official.load();
                official.start();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (apogee != null) {
                apogee.shutdown();
                apogee.destroy();
            }
            if (official != null) {
                official.shutdown();
                official.destroy();
            }
            UtilAll.deleteFile(dir.toFile());
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncStore extends StoreState {
        @Override
        FlushDiskType flushDiskType() {
            return FlushDiskType.ASYNC_FLUSH;
        }
    }

    @State(Scope.Benchmark)
    public static class SyncStore extends StoreState {
        @Override
        FlushDiskType flushDiskType() {
            return FlushDiskType.SYNC_FLUSH;
        }
    }

    /** A writer's reusable message, one queue per writer thread (as a producer pinned to a queue). */
    @State(Scope.Thread)
    public static class Writer {
        MessageExtBrokerInner apogeeMsg;
        org.apache.rocketmq.store.MessageExtBrokerInner officialMsg;

        void build(StoreState s) {
            if (apogeeMsg != null || officialMsg != null) {
                return;
            }
            int queueId = s.threadIds.getAndIncrement() % 8;
            byte[] body = new byte[s.bodySize];
            java.util.Arrays.fill(body, (byte) 'a');
            String uniq = MessageClientIDSetter.createUniqID();
            if (s.apogee != null) {
                MessageExtBrokerInner m = new MessageExtBrokerInner();
                m.setTopic(TOPIC);
                m.setQueueId(queueId);
                m.setBody(body);
                m.setTags("TagA");
                m.setKeys("order-1");
                m.putProperty("UNIQ_KEY", uniq);
                m.setTagsCode("TagA".hashCode());
                m.setBornHost(BORN);
                m.setStoreHost(STORE);
                m.setBornTimestamp(System.currentTimeMillis());
                m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
                apogeeMsg = m;
            } else {
                org.apache.rocketmq.store.MessageExtBrokerInner m = new org.apache.rocketmq.store.MessageExtBrokerInner();
                m.setTopic(TOPIC);
                m.setQueueId(queueId);
                m.setBody(body);
                m.setTags("TagA");
                m.setKeys("order-1");
                org.apache.rocketmq.common.message.MessageAccessor.putProperty(m, "UNIQ_KEY", uniq);
                m.setTagsCode("TagA".hashCode());
                m.setBornHost(BORN);
                m.setStoreHost(STORE);
                m.setBornTimestamp(System.currentTimeMillis());
                m.setPropertiesString(org.apache.rocketmq.common.message.MessageDecoder.messageProperties2String(
                    m.getProperties()));
                officialMsg = m;
            }
        }

        long put(StoreState s) {
            build(s);
            if (s.apogee != null) {
                PutMessageResult r = s.apogee.putMessage(apogeeMsg);
                return r.getAppendMessageResult().getWroteOffset();
            }
            return s.official.putMessage(officialMsg).getAppendMessageResult().getWroteOffset();
        }
    }

    @Benchmark
    @Threads(1)
    public long appendAsync1(AsyncStore s, Writer w) {
        return w.put(s);
    }

    @Benchmark
    @Threads(8)
    public long appendAsync8(AsyncStore s, Writer w) {
        return w.put(s);
    }

    @Benchmark
    @Threads(8)
    public long appendSync8(SyncStore s, Writer w) {
        return w.put(s);
    }

    /** A store pre-filled with 100 000 messages of 1 KiB in one queue; reads walk it 32 at a time. */
    @State(Scope.Benchmark)
    public static class ReadStore {
        @Param({"apogee", "official"})
        public String impl;
        static final int MESSAGES = 100_000;
        final AsyncStore delegate = new AsyncStore();
        long next = 0;

        @Setup(Level.Trial)
        public void open() throws Exception {
            delegate.impl = impl;
            delegate.bodySize = 1024;
            delegate.open();
            Writer w = new Writer();
            for (int i = 0; i < MESSAGES; i++) {
                w.put(delegate);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && (delegate.apogee != null
                ? delegate.apogee.dispatchBehindBytes() : delegate.official.dispatchBehindBytes()) > 0) {
                Thread.sleep(10);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            delegate.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int read32(ReadStore s) {
        long offset = s.next;
        int bytes;
        if (s.delegate.apogee != null) {
            GetMessageResult r = s.delegate.apogee.getMessage("G", TOPIC, 0, offset, 32, null);
            bytes = r.getBufferTotalSize();
            s.next = r.getNextBeginOffset() >= ReadStore.MESSAGES ? 0 : r.getNextBeginOffset();
            r.release();
        } else {
            org.apache.rocketmq.store.GetMessageResult r = s.delegate.official.getMessage("G", TOPIC, 0, offset, 32,
                null);
            bytes = r.getBufferTotalSize();
            s.next = r.getNextBeginOffset() >= ReadStore.MESSAGES ? 0 : r.getNextBeginOffset();
            r.release();
        }
        return bytes;
    }

    public static void main(String[] args) throws Exception {
        Options opt = new OptionsBuilder()
            .include(StoreBenchmark.class.getSimpleName() + (args.length > 0 ? "." + args[0] : ""))
            .addProfiler(GCProfiler.class)
            .build();
        new Runner(opt).run();
    }
}
