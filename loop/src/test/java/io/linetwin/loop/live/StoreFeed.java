package io.linetwin.loop.live;

import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A twin fed by the test itself, message by message (the store and its line clock are the real ones). */
final class StoreFeed implements TwinFeed {

    private final LineClock clock;
    private final TwinStore store;

    StoreFeed(LineDescriptor line, Clock wall) {
        this.clock = new LineClock(wall);
        this.store = TwinStore.of(line, clock);
    }

    @Override
    public TwinStore store() {
        return store;
    }

    @Override
    public Optional<Instant> lineTime() {
        return clock.observed() ? Optional.of(clock.instant()) : Optional.empty();
    }

    @Override
    public boolean caughtUp() {
        return true;
    }

    @Override
    public void start() {}

    @Override
    public void close() {}

    /** Applies a Ditto event setting {@code feature/property} of {@code equipment}, as the line would publish it. */
    void event(String equipment, String feature, String property, String jsonValue, long revision, Instant at) {
        store.apply("{\"topic\":\"plant3/press." + equipment + "/things/twin/events/modified\",\"headers\":{},"
                + "\"path\":\"/features/" + feature + "/properties/" + property + "\",\"value\":" + jsonValue
                + ",\"revision\":" + revision + ",\"timestamp\":\"" + at + "\"}");
    }
}
