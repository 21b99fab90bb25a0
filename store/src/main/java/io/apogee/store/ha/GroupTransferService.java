package io.apogee.store.ha;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.apogee.common.ServiceThread;

/** Completes SYNC_MASTER waits once a slave acknowledged their end offset, or fails them on timeout. */
public class GroupTransferService extends ServiceThread {
    private final HAService haService;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    private record Request(long endOffset, long deadline, CompletableFuture<Boolean> future) {
    }

    GroupTransferService(HAService haService) {
        super(true);
        this.haService = haService;
    }

    CompletableFuture<Boolean> putRequest(long endOffset, long timeoutMs) {
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        if (haService.getPush2SlaveMaxOffset().get() >= endOffset) {
            future.complete(true);
            return future;
        }
        requests.add(new Request(endOffset, System.currentTimeMillis() + timeoutMs, future));
        wakeup();
        return future;
    }

    void notifyTransferSome() {
        wakeup();
    }

    private void doWaitTransfer() {
        long acked = haService.getPush2SlaveMaxOffset().get();
        long now = System.currentTimeMillis();
        for (Iterator<Request> it = requests.iterator(); it.hasNext();) {
            Request r = it.next();
            if (acked >= r.endOffset()) {
                it.remove();
                r.future().complete(true);
            } else if (now >= r.deadline() || isStopped()) {
                it.remove();
                r.future().complete(false);
            }
        }
    }

    @Override
    public String getServiceName() {
        return "GroupTransferService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(10);
            doWaitTransfer();
        }
        doWaitTransfer();
        for (Request r; (r = requests.poll()) != null;) {
            r.future().complete(false);
        }
    }
}
