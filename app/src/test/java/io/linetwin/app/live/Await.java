package io.linetwin.app.live;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread or process does, with a generous limit (a guard against hanging, not a timing). */
final class Await {

    private Await() {}

    static void until(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
