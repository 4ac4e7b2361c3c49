package io.linetwin.twin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The twin's time as the line tells it: the latest timestamp of an applied change (never going back), or
 * the fallback clock's time until the first one arrives. A twin that follows an emulated line running at
 * 60x (or a recording) then stamps its snapshots in the line's time, so that "down since" and the
 * snapshot's {@code takenAt} share one clock. {@link TwinStore} advances it with each applied message that
 * carries a timestamp; refused messages never move it.
 */
public final class LineClock extends Clock {

    private final Clock fallback;
    private final AtomicReference<Instant> latest = new AtomicReference<>();

    public LineClock(Clock fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Moves the clock to {@code at} if that is later than it shows. */
    public void observe(Instant at) {
        Objects.requireNonNull(at, "at");
        latest.accumulateAndGet(at, (current, next) -> current == null || next.isAfter(current) ? next : current);
    }

    /** Whether any timestamp has been seen (before that, the clock shows the fallback's time). */
    public boolean observed() {
        return latest.get() != null;
    }

    @Override
    public Instant instant() {
        Instant at = latest.get();
        return at != null ? at : fallback.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the line clock is UTC");
    }
}
