package io.linetwin.app.emulate;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs refused commands without letting a flood of them flood the log: the first {@value #FIRST} one by one,
 * then at most one line per {@code period} with how many were refused since and the last reason.
 */
final class RefusalLog {

    static final int FIRST = 10;

    private final Logger log;
    private final long periodNanos;
    private long total;
    private long unreported;
    private String last = "";
    private long lastReport = System.nanoTime();

    RefusalLog(Logger log, Duration period) {
        this.log = log;
        this.periodNanos = period.toNanos();
    }

    /** Returns whether this refusal was written out on its own line. */
    synchronized boolean refused(String reason) {
        total++;
        if (total <= FIRST) {
            log.warn("command refused: {}", reason);
            return true;
        }
        unreported++;
        last = reason;
        long now = System.nanoTime();
        if (now - lastReport >= periodNanos) {
            log.warn("{} more commands refused (last: {})", unreported, last);
            unreported = 0;
            lastReport = now;
        }
        return false;
    }
}
