package io.linetwin.loop.live;

import io.linetwin.twin.TwinStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the live loop's twin comes from: a store kept current by some source, the line's clock, and whether the store
 * has caught up with what the source held when it started (a what-if on a half-read history would mislead).
 * {@link KafkaTwinFeed} reads the events topic; other sources (a Ditto server, a twin follower of another process)
 * plug in here.
 */
public interface TwinFeed extends AutoCloseable {

    TwinStore store();

    /** The latest event time the twin applied; empty before the first. */
    Optional<Instant> lineTime();

    boolean caughtUp();

    void start() throws Exception;

    @Override
    void close();
}
