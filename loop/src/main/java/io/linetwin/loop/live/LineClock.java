package io.linetwin.loop.live;

import io.linetwin.twin.TwinEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The line's own clock, read from the twin: the latest event timestamp the twin applied. An emulated line runs
 * faster than the wall clock, and a real line's events carry the equipment's time; either way "every 1 h", the
 * rate limit and the age of evidence count the line's time. Given to the twin store as its clock, so snapshots are
 * stamped in line time and a repair's elapsed time ({@code takenAt − since}) is right.
 */
public final class LineClock extends Clock {

    private final AtomicReference<Instant> latest = new AtomicReference<>();
    private final Clock before;

    /** @param before the clock to read until the first timestamped event arrived */
    public LineClock(Clock before) {
        this.before = before;
    }

    /** A twin store listener: moves the clock to an applied event's timestamp when it is later. */
    public void observe(TwinEvent event) {
        if (event instanceof TwinEvent.Applied applied) {
            applied.update().timestamp().ifPresent(this::advanceTo);
        }
    }

    public void advanceTo(Instant at) {
        latest.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** The latest event time, empty before the first. */
    public Optional<Instant> lineTime() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public Instant instant() {
        Instant at = latest.get();
        return at == null ? before.instant() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
