package io.apogee.testsupport;

import java.util.function.BooleanSupplier;

/** Waits for a condition that other processes make true, checking it every 200 ms. */
public final class Poll {
    private Poll() {
    }

    /** Whether {@code condition} held within {@code timeoutMs} (checked once more at the deadline). */
    public static boolean until(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }
}
