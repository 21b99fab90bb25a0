package io.apogee.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.config.FlushDiskType;

/**
 * Child JVM of {@link CrashRecoveryTest}: appends to queues 0..writers-1 of topic "Crash" from one thread
 * per queue until killed, printing "ACK queueId queueOffset" for each put that returned PUT_OK.
 * Bodies are derived from (queue, offset) so the parent can verify every byte after a restart.
 */
public final class CrashChild {
    static final String TOPIC = "Crash";

    private CrashChild() {
    }

    static String body(int queueId, long queueOffset) {
        int pad = (int) ((queueOffset * 7 + queueId * 13) % 300);
        return "q" + queueId + "-n" + queueOffset + "-" + "x".repeat(pad);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        FlushDiskType type = FlushDiskType.valueOf(args[1]);
        int writers = Integer.parseInt(args[2]);
        DefaultMessageStore store = new DefaultMessageStore(StoreTestSupport.config(root, type));
        if (!store.load()) {
            System.out.println("LOAD_FAILED");
            System.exit(3);
        }
        store.start();
        System.out.println("STARTED");
        List<Thread> threads = new ArrayList<>();
        for (int q = 0; q < writers; q++) {
            final int queueId = q;
            Thread t = new Thread(() -> {
                long next = store.getCommitLog().getTopicQueueOffset(TOPIC, queueId);
                while (true) {
                    MessageExtBrokerInner msg = StoreTestSupport.message(TOPIC, queueId, "tag", "key-" + queueId + "-" + next,
                        body(queueId, next));
                    PutMessageResult r = store.putMessage(msg);
                    if (r.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
                        synchronized (System.out) {
                            System.out.println("ACK " + queueId + " " + r.getAppendMessageResult().getLogicsOffset());
                        }
                        next = r.getAppendMessageResult().getLogicsOffset() + 1;
                    } else {
                        synchronized (System.out) {
                            System.out.println("FAIL " + r.getPutMessageStatus());
                        }
                    }
                }
            }, "writer-" + q);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
