package io.apogee.example.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/** Counters shared by the sending threads of a benchmark, read once a second by the printing thread. */
final class SendStats {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong rtTotal = new AtomicLong();
    final AtomicLong rtMax = new AtomicLong();
    private long lastOk;
    private long lastRt;

    void record(long beginMillis, boolean success) {
        long rt = System.currentTimeMillis() - beginMillis;
        if (success) {
            ok.incrementAndGet();
            rtTotal.addAndGet(rt);
            rtMax.accumulateAndGet(rt, Math::max);
        } else {
            failed.incrementAndGet();
        }
    }

    /** {sends in the last interval, max RT since the last call, average RT of the interval}; resets the max. */
    double[] next() {
        long o = ok.get();
        long rt = rtTotal.get();
        long n = o - lastOk;
        double avg = n == 0 ? 0.0 : (double) (rt - lastRt) / n;
        lastOk = o;
        lastRt = rt;
        return new double[] {n, rtMax.getAndSet(0), avg};
    }
}
