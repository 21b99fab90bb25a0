package io.apogee.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.apogee.common.ServiceThread;

/**
 * Put/get counters and put latency distribution, sampled once a second into TPS figures. Keys of
 * {@link #getRuntimeInfo()} are the ones {@code mqadmin brokerStatus} prints.
 */
public class StoreStatsService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(StoreLoggers.STORE);
    /** Upper bounds (ms) of the put latency buckets, as in RocketMQ's putMessageDistributeTime. */
    private static final long[] BUCKET_BOUNDS_MS = {0, 1, 5, 10, 50, 100, 500, 1000, 2000, 3000, Long.MAX_VALUE};
    private static final String[] BUCKET_NAMES = {"[<=0ms]", "[0~1ms]", "[1~5ms]", "[5~10ms]", "[10~50ms]",
        "[50~100ms]", "[100~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]"};
    /** RocketMQ's putLatency99/999 cover the last minute. */
    static final long LATENCY_WINDOW_MILLIS = 60_000;

    private final LongAdder putMessageTimesTotal = new LongAdder();
    private final LongAdder putMessageSizeTotal = new LongAdder();
    private final LongAdder putMessageFailedTimes = new LongAdder();
    private final LongAdder getMessageTimesTotalFound = new LongAdder();
    private final LongAdder getMessageTransferedMsgCount = new LongAdder();
    private final LongAdder getMessageTimesTotalMiss = new LongAdder();
    private final LongAdder[] putMessageDistributeTime = new LongAdder[BUCKET_NAMES.length];
    private final AtomicLong putMessageEntireTimeMax = new AtomicLong();
    private final PutLatencyHistogram putLatency = new PutLatencyHistogram();
    private long latencyWindowStart = System.currentTimeMillis();
    private final AtomicLong getMessageEntireTimeMax = new AtomicLong();
    private final long messageStoreBootTimestamp = System.currentTimeMillis();
    private volatile long dispatchMaxBuffer = 0;

    private long lastSampleTime = System.currentTimeMillis();
    private long lastPutTimes;
    private long lastGetFound;
    private long lastGetMiss;
    private long lastTransfered;
    private volatile double putTps;
    private volatile double getFoundTps;
    private volatile double getMissTps;
    private volatile double getTransferedTps;

    public StoreStatsService() {
        super(true);
        for (int i = 0; i < putMessageDistributeTime.length; i++) {
            putMessageDistributeTime[i] = new LongAdder();
        }
    }

    @Override
    public String getServiceName() {
        return "StoreStatsService";
    }

    /** One stored message of {@code size} bytes whose put took {@code elapsedNanos}. */
    public void recordPut(String topic, int size, long elapsedNanos) {
        recordPuts(topic, 1, size, elapsedNanos);
    }

    public void recordPuts(String topic, int count, int size, long elapsedNanos) {
        putMessageTimesTotal.add(count);
        putMessageSizeTotal.add(size);
        long ms = elapsedNanos / 1_000_000;
        int i = 0;
        while (ms > BUCKET_BOUNDS_MS[i] && i < putMessageDistributeTime.length - 1) {
            i++;
        }
        putMessageDistributeTime[i].increment();
        putLatency.record(elapsedNanos);
        if (ms > putMessageEntireTimeMax.get()) {
            putMessageEntireTimeMax.accumulateAndGet(ms, Math::max);
        }
    }

    public void recordPutFailed() {
        putMessageFailedTimes.increment();
    }

    public void recordGet(boolean found, int messageCount, long elapsedMs) {
        if (found) {
            getMessageTimesTotalFound.increment();
            getMessageTransferedMsgCount.add(messageCount);
        } else {
            getMessageTimesTotalMiss.increment();
        }
        if (elapsedMs > getMessageEntireTimeMax.get()) {
            getMessageEntireTimeMax.accumulateAndGet(elapsedMs, Math::max);
        }
    }

    public void setDispatchMaxBuffer(long value) {
        this.dispatchMaxBuffer = Math.max(value, dispatchMaxBuffer);
    }

    public long getPutMessageTimesTotal() {
        return putMessageTimesTotal.sum();
    }

    public long getPutMessageSizeTotal() {
        return putMessageSizeTotal.sum();
    }

    public long getPutMessageFailedTimes() {
        return putMessageFailedTimes.sum();
    }

    public long getGetMessageTimesTotalFound() {
        return getMessageTimesTotalFound.sum();
    }

    public long getGetMessageTimesTotalMiss() {
        return getMessageTimesTotalMiss.sum();
    }

    public Map<String, String> getRuntimeInfo() {
        Map<String, String> result = new HashMap<>(64);
        long totalTimes = getPutMessageTimesTotal();
        result.put("bootTimestamp", String.valueOf(messageStoreBootTimestamp));
        result.put("runtime", runtime());
        result.put("putMessageEntireTimeMax", String.valueOf(putMessageEntireTimeMax.get()));
        result.put("putMessageTimesTotal", String.valueOf(totalTimes));
        result.put("putMessageFailedTimes", String.valueOf(getPutMessageFailedTimes()));
        result.put("putMessageSizeTotal", String.valueOf(getPutMessageSizeTotal()));
        result.put("putMessageDistributeTime", distributeTime());
        result.put("putLatency99", String.format("%.2f", putLatency.percentileMillis(0.99)));
        result.put("putLatency999", String.format("%.2f", putLatency.percentileMillis(0.999)));
        result.put("putMessageAverageSize", String.valueOf(totalTimes == 0 ? 0.0
            : getPutMessageSizeTotal() / (double) totalTimes));
        result.put("dispatchMaxBuffer", String.valueOf(dispatchMaxBuffer));
        result.put("getMessageEntireTimeMax", String.valueOf(getMessageEntireTimeMax.get()));
        result.put("putTps", String.format("%.2f", putTps));
        result.put("getFoundTps", String.format("%.2f", getFoundTps));
        result.put("getMissTps", String.format("%.2f", getMissTps));
        result.put("getTotalTps", String.format("%.2f", getFoundTps + getMissTps));
        result.put("getTransferedTps", String.format("%.2f", getTransferedTps));
        return result;
    }

    private String runtime() {
        long time = System.currentTimeMillis() - messageStoreBootTimestamp;
        long days = time / 86_400_000;
        long hours = time % 86_400_000 / 3_600_000;
        long minutes = time % 3_600_000 / 60_000;
        long seconds = time % 60_000 / 1000;
        return "[ " + days + " days, " + hours + " hours, " + minutes + " minutes, " + seconds + " seconds ]";
    }

    private String distributeTime() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < BUCKET_NAMES.length; i++) {
            sb.append(BUCKET_NAMES[i]).append(':').append(putMessageDistributeTime[i].sum()).append(' ');
        }
        return sb.toString().trim();
    }

    /** Makes the puts recorded since the last roll the ones putLatency99/999 describe. */
    void rollLatencyWindow() {
        putLatency.roll();
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(1000);
            sample();
        }
    }

    private void sample() {
        long now = System.currentTimeMillis();
        double seconds = Math.max(0.001, (now - lastSampleTime) / 1000.0);
        long put = getPutMessageTimesTotal();
        long found = getGetMessageTimesTotalFound();
        long miss = getGetMessageTimesTotalMiss();
        long transfered = getMessageTransferedMsgCount.sum();
        putTps = (put - lastPutTimes) / seconds;
        getFoundTps = (found - lastGetFound) / seconds;
        getMissTps = (miss - lastGetMiss) / seconds;
        getTransferedTps = (transfered - lastTransfered) / seconds;
        lastPutTimes = put;
        lastGetFound = found;
        lastGetMiss = miss;
        lastTransfered = transfered;
        lastSampleTime = now;
        if (now - latencyWindowStart >= LATENCY_WINDOW_MILLIS) {
            rollLatencyWindow();
            latencyWindowStart = now;
        }
        if (log.isDebugEnabled()) {
            log.debug("put_tps {} get_found_tps {} get_miss_tps {}", putTps, getFoundTps, getMissTps);
        }
    }
}
