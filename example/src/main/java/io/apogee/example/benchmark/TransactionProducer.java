package io.apogee.example.benchmark;

import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactional-send load generator: {@code -t topic (BenchmarkTest) -w threads (32) -s bodySize (2048)
 * -sr sendRollbackRate -su sendUnknownRate -cr checkRollbackRate -cu checkUnknownRate (all 0.0)
 * -i sendIntervalMs (0) -n namesrv}. Each message carries the verdicts it should get (user properties), so
 * the listener needs no state; a check-back for a message whose first verdict was not UNKNOW counts as
 * unexpected, a second check of the same message as duplicated. Prints TPS, RT and check counts every second.
 */
public class TransactionProducer {
    static final String SEND_VERDICT = "benchSendVerdict";
    static final String CHECK_VERDICT = "benchCheckVerdict";
    static final String RUN_ID = "benchRunId";

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String topic = a.str("t", "BenchmarkTest");
        int threads = a.integer("w", 32);
        int size = a.integer("s", 2048);
        double sendRollback = Double.parseDouble(a.str("sr", "0.0"));
        double sendUnknown = Double.parseDouble(a.str("su", "0.0"));
        double checkRollback = Double.parseDouble(a.str("cr", "0.0"));
        double checkUnknown = Double.parseDouble(a.str("cu", "0.0"));
        int interval = a.integer("i", 0);
        String runId = Long.toString(System.currentTimeMillis());

        Checks checks = new Checks(runId);
        TransactionMQProducer producer = new TransactionMQProducer("benchmark_transaction_producer");
        if (a.str("n", null) != null) {
            producer.setNamesrvAddr(a.str("n", null));
        }
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.setTransactionListener(checks);
        producer.start();
        System.out.printf("topic: %s threadCount: %d messageSize: %d sendRollbackRate: %s sendUnknownRate: %s "
            + "checkRollbackRate: %s checkUnknownRate: %s%n", topic, threads, size, sendRollback, sendUnknown, checkRollback, checkUnknown);

        SendStats stats = new SendStats();
        byte[] body = new byte[size];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    Message m = new Message(topic, body);
                    m.putUserProperty(RUN_ID, runId);
                    m.putUserProperty(SEND_VERDICT, verdict(r, sendRollback, sendUnknown).name());
                    m.putUserProperty(CHECK_VERDICT, verdict(r, checkRollback, checkUnknown).name());
                    long begin = System.currentTimeMillis();
                    try {
                        stats.record(begin, producer.sendMessageInTransaction(m, null).getSendStatus() == SendStatus.SEND_OK);
                    } catch (Exception e) {
                        stats.record(begin, false);
                    }
                    if (interval > 0) {
                        try {
                            Thread.sleep(interval);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.shutdownNow();
            producer.shutdown();
        }));
        while (true) {
            TimeUnit.SECONDS.sleep(1);
            double[] s = stats.next();
            System.out.printf("Current Time: %d Send TPS: %5d Max RT(ms): %5d AVG RT(ms): %3.1f Send Failed: %d check: %d "
                    + "unexpectedCheck: %d duplicatedCheck: %d%n", System.currentTimeMillis(), (long) s[0], (long) s[1], s[2],
                stats.failed.get(), checks.checks.get(), checks.unexpected.get(), checks.duplicated.get());
        }
    }

    private static LocalTransactionState verdict(ThreadLocalRandom r, double rollbackRate, double unknownRate) {
        if (r.nextDouble() < rollbackRate) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        return r.nextDouble() < unknownRate ? LocalTransactionState.UNKNOW : LocalTransactionState.COMMIT_MESSAGE;
    }

    /** Answers with the verdicts the message carries and counts check-backs. */
    static final class Checks implements TransactionListener {
        final AtomicLong checks = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        private final Set<String> checked = ConcurrentHashMap.newKeySet();
        private final String runId;

        Checks(String runId) {
            this.runId = runId;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return LocalTransactionState.valueOf(msg.getUserProperty(SEND_VERDICT));
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            if (!runId.equals(msg.getUserProperty(RUN_ID))) {
                return LocalTransactionState.ROLLBACK_MESSAGE; // left over from an earlier run
            }
            checks.incrementAndGet();
            LocalTransactionState sent = LocalTransactionState.valueOf(msg.getUserProperty(SEND_VERDICT));
            if (sent != LocalTransactionState.UNKNOW) {
                unexpected.incrementAndGet();
                return sent;
            }
            LocalTransactionState verdict = LocalTransactionState.valueOf(msg.getUserProperty(CHECK_VERDICT));
            if (!checked.add(msg.getTransactionId()) && verdict != LocalTransactionState.UNKNOW) {
                duplicated.incrementAndGet(); // answered with a decision before, yet checked again
            }
            return verdict;
        }
    }
}
