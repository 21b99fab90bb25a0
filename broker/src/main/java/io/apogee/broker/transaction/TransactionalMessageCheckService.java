package io.apogee.broker.transaction;

import java.util.function.LongSupplier;
import java.util.function.IntSupplier;

import io.apogee.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a check round every {@code transactionCheckInterval}; settings are read each round so updates apply. */
public class TransactionalMessageCheckService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger("RocketmqTransaction");

    private final TransactionalMessageService service;
    private final LongSupplier checkInterval;
    private final LongSupplier transactionTimeOut;
    private final IntSupplier transactionCheckMax;

    public TransactionalMessageCheckService(TransactionalMessageService service, LongSupplier checkInterval,
                                            LongSupplier transactionTimeOut, IntSupplier transactionCheckMax) {
        this.service = service;
        this.checkInterval = checkInterval;
        this.transactionTimeOut = transactionTimeOut;
        this.transactionCheckMax = transactionCheckMax;
    }

    @Override
    public String getServiceName() {
        return "TransactionalMessageCheckService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(checkInterval.getAsLong());
            if (isStopped()) {
                break;
            }
            try {
                int n = service.check(transactionTimeOut.getAsLong(), transactionCheckMax.getAsInt());
                if (n > 0) {
                    log.info("transaction check round asked producers about {} half messages", n);
                }
            } catch (Throwable e) {
                log.error("transaction check round failed", e);
            }
        }
    }
}
