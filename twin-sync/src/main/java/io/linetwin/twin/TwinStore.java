package io.linetwin.twin;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.ditto.json.JsonMergePatch;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live twin: the current Thing of every piece of equipment with its revision.
 *
 * <p>Messages are decoded outside the lock and applied under it, so a {@link #snapshot()} always sees
 * whole messages. A message whose revision is not newer than the Thing's is counted as stale and left
 * out, which makes at-least-once delivery safe. A bad message never throws out of {@code apply}: it is
 * rejected with a reason, counted and logged (sparsely, so a flood of garbage cannot flood the log).
 */
public final class TwinStore {

    private static final Logger LOG = LoggerFactory.getLogger(TwinStore.class);
    /** After this many rejections of one reason, only every {@link #LOG_EVERY}th is logged. */
    private static final long LOG_FIRST = 10;

    private static final long LOG_EVERY = 1000;
    /** The longest explanation a rejection carries. */
    static final int MAX_DETAIL = 500;

    private final Clock clock;
    private final InputLimits limits;
    private final SignalDecoder decoder = new SignalDecoder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<ThingId, LiveThing> entries = new HashMap<>();
    private final Map<ThingId, TwinValidation> rules = new HashMap<>();
    /** False only in tests: every change then takes Ditto's immutable route, the reference of the live one. */
    private final boolean liveChanges;

    private final List<Consumer<TwinEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final Map<StaleReason, AtomicLong> stale = new EnumMap<>(StaleReason.class);
    private final Map<RejectReason, AtomicLong> rejected = new EnumMap<>(RejectReason.class);

    /**
     * A twin of these Things as they are now (revision 0). What the line side may change follows from each
     * Thing: its kind's features, its scenario attributes ({@link TwinValidation}); product names are not
     * checked (use {@link #of(LineDescriptor, Clock)} for a line's twin).
     */
    public TwinStore(Collection<Thing> things, Clock clock) {
        this(things, clock, true, java.util.List.of(), InputLimits.DEFAULT);
    }

    TwinStore(Collection<Thing> things, Clock clock, boolean liveChanges) {
        this(things, clock, liveChanges, java.util.List.of(), InputLimits.DEFAULT);
    }

    private TwinStore(
            Collection<Thing> things,
            Clock clock,
            boolean liveChanges,
            Collection<String> products,
            InputLimits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.liveChanges = liveChanges;
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new AtomicLong());
        }
        for (StaleReason r : StaleReason.values()) {
            stale.put(r, new AtomicLong());
        }
        Instant now = clock.instant();
        for (Thing thing : things) {
            ThingId id = thing.getEntityId()
                    .orElseThrow(
                            () -> new IllegalArgumentException("things must have ids, got " + thing.toJsonString()));
            if (entries.putIfAbsent(id, new LiveThing(thing, 0, now)) != null) {
                throw new IllegalArgumentException("thing ids must be unique, got " + id + " twice");
            }
            rules.put(id, TwinValidation.of(thing, products));
        }
    }

    public static TwinStore of(LineDescriptor line, Clock clock) {
        return of(line, clock, InputLimits.DEFAULT);
    }

    /**
     * The twin of a line: one Thing per piece of equipment, checked against the descriptor (its products too).
     * With a {@link LineClock} the twin's time follows the timestamps of the changes it applies.
     */
    public static TwinStore of(LineDescriptor line, Clock clock, InputLimits limits) {
        return new TwinStore(EquipmentThings.of(line, clock.instant()), clock, true, line.products(), limits);
    }

    /** A reference twin for tests: every change takes Ditto's immutable route. */
    static TwinStore reference(LineDescriptor line, Clock clock) {
        return new TwinStore(
                EquipmentThings.of(line, clock.instant()), clock, false, line.products(), InputLimits.DEFAULT);
    }

    public InputLimits limits() {
        return limits;
    }

    /** The twin's time: its clock's instant (with a {@link LineClock}, the line's time of the latest change). */
    public Instant time() {
        return clock.instant();
    }

    /** Sees every outcome; called on the applying thread, in apply order, so it must be quick. */
    public void addListener(Consumer<TwinEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public TwinEvent apply(String dittoProtocolJson) {
        String refusal = InputGuard.check(dittoProtocolJson, limits);
        if (refusal != null) {
            return reject(RejectReason.TOO_LARGE, refusal, Optional.empty());
        }
        ThingUpdate update;
        try {
            update = decoder.decode(dittoProtocolJson);
        } catch (RejectedMessageException e) {
            return reject(e.reason(), e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            return reject(RejectReason.NOT_DITTO_PROTOCOL, "undecodable: " + e, Optional.empty());
        }
        return apply(update);
    }

    /** The same for UTF-8 bytes (Kafka record values), which skips making a String on the hot path. */
    public TwinEvent apply(byte[] dittoProtocolJsonUtf8) {
        return apply(prepare(dittoProtocolJsonUtf8));
    }

    /** Decodes without touching the store; thread-safe, so batches can be decoded in parallel. */
    public Prepared prepare(byte[] dittoProtocolJsonUtf8) {
        String refusal = InputGuard.check(dittoProtocolJsonUtf8, limits);
        if (refusal != null) {
            return new Prepared.Refused(RejectReason.TOO_LARGE, refusal);
        }
        try {
            return new Prepared.Update(decoder.decode(dittoProtocolJsonUtf8));
        } catch (RejectedMessageException e) {
            return new Prepared.Refused(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return new Prepared.Refused(RejectReason.NOT_DITTO_PROTOCOL, "undecodable: " + e);
        }
    }

    public TwinEvent apply(Prepared prepared) {
        if (prepared instanceof Prepared.Update u) {
            return apply(u.update());
        }
        Prepared.Refused refused = (Prepared.Refused) prepared;
        return reject(refused.reason(), refused.detail(), Optional.empty());
    }

    public TwinEvent apply(ThingUpdate update) {
        return apply(update, true);
    }

    private TwinEvent apply(ThingUpdate update, boolean boundJump) {
        lock.lock();
        try {
            LiveThing entry = entries.get(update.thingId());
            if (entry == null) {
                return reject(
                        RejectReason.UNKNOWN_THING,
                        "no thing " + update.thingId() + " in this twin",
                        Optional.of(update.thingId()));
            }
            long current = entry.revision();
            long revision;
            if (update.revision().isPresent()) {
                revision = update.revision().getAsLong();
                if (revision <= current) {
                    StaleReason reason = revision == current ? StaleReason.DUPLICATE : StaleReason.OUT_OF_ORDER;
                    stale.get(reason).incrementAndGet();
                    TwinEvent event = new TwinEvent.Stale(update.thingId(), revision, current, reason);
                    notifyListeners(event);
                    return event;
                }
                // revision > current >= 0, so the difference cannot overflow.
                if (boundJump && revision - current > limits.maxRevisionJump()) {
                    return reject(
                            RejectReason.IMPLAUSIBLE_REVISION,
                            "revision " + revision + " of " + update.thingId()
                                    + " lies " + (revision - current) + " ahead of its revision " + current
                                    + ", at most "
                                    + limits.maxRevisionJump() + " is accepted",
                            Optional.of(update.thingId()));
                }
            } else if (current == Long.MAX_VALUE) {
                return reject(
                        RejectReason.IMPLAUSIBLE_REVISION,
                        update.thingId() + " is at the last revision " + current
                                + "; a command without a revision has none left",
                        Optional.of(update.thingId()));
            } else {
                revision = current + 1;
            }
            TwinValidation thingRules = rules.get(update.thingId());
            TwinEvent.Rejected refused = liveChanges && inPlace(update)
                    ? changeInPlace(entry, thingRules, update)
                    : changeByDitto(entry, thingRules, update);
            if (refused != null) {
                return refused;
            }
            if (clock instanceof LineClock line) {
                update.timestamp().ifPresent(line::observe);
            }
            Instant now = clock.instant();
            entry.changed(revision, now);
            applied.incrementAndGet();
            TwinEvent event = new TwinEvent.Applied(update, revision, now);
            notifyListeners(event);
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** Sets and merges below feature properties or attributes: any value there leaves a valid Thing. */
    private static boolean inPlace(ThingUpdate update) {
        return update.action() != ThingUpdate.Action.DELETE && FastDecoder.simplePath(update.path());
    }

    /** The hot path: changes the live state, checks it and undoes the change if it is refused. */
    private TwinEvent.Rejected changeInPlace(LiveThing entry, TwinValidation thingRules, ThingUpdate update) {
        JsonValue value = update.value().orElseThrow();
        try {
            thingRules.checkTarget(update.path());
        } catch (RejectedMessageException e) {
            return reject(e.reason(), e.getMessage(), Optional.of(update.thingId()));
        }
        LiveThing.Undo undo = null;
        try {
            undo = update.action() == ThingUpdate.Action.SET
                    ? entry.set(update.path(), value)
                    : entry.merge(update.path(), value);
            thingRules.check(entry::valueAt, update.path());
            return null;
        } catch (RejectedMessageException e) {
            undo.undo();
            return reject(e.reason(), e.getMessage(), Optional.of(update.thingId()));
        } catch (RuntimeException e) {
            // A failure inside set or merge leaves the state as it was: both change it only at their end.
            if (undo != null) {
                undo.undo();
            }
            return invalid(update, e);
        }
    }

    /** Everything else: Ditto's immutable JSON, checked as a whole Thing by Ditto's model. */
    private TwinEvent.Rejected changeByDitto(LiveThing entry, TwinValidation thingRules, ThingUpdate update) {
        try {
            thingRules.checkTarget(update.path());
            JsonObject current = entry.json();
            JsonObject next = change(current, update);
            thingRules.check(current, next);
            // Below properties and attributes any value leaves a valid Thing: it is built when read.
            entry.replace(next, inPlace(update) ? null : ThingsModelFactory.newThing(next));
            return null;
        } catch (RejectedMessageException e) {
            return reject(e.reason(), e.getMessage(), Optional.of(update.thingId()));
        } catch (RuntimeException e) {
            return invalid(update, e);
        }
    }

    private TwinEvent.Rejected invalid(ThingUpdate update, RuntimeException e) {
        return reject(
                RejectReason.INVALID_VALUE,
                "not a valid Thing after " + update.action() + " at " + update.path() + ": " + e.getMessage(),
                Optional.of(update.thingId()));
    }

    /**
     * Takes a whole Thing as retrieved from a server or read from a snapshot (initial state): kept only if its
     * revision is newer, so an event that overtook the retrieve response is not undone. The revision may lie
     * any distance ahead (a server's Thing may be at revision 10^10); the Thing's rules still hold.
     */
    public TwinEvent put(Thing thing, long revision) {
        ThingId id = thing.getEntityId()
                .orElseThrow(() -> new IllegalArgumentException("thing must have an id, got " + thing.toJsonString()));
        return apply(ThingUpdate.set(id, JsonPointer.empty(), thing.toJson(), revision), false);
    }

    private static JsonObject change(JsonObject current, ThingUpdate update) throws RejectedMessageException {
        JsonPointer path = update.path();
        return switch (update.action()) {
            case SET -> {
                JsonValue value = update.value().orElseThrow();
                if (path.isEmpty()) {
                    yield wholeThing(update.thingId(), value);
                }
                yield current.setValue(path, value);
            }
            case MERGE -> {
                JsonValue merged =
                        JsonMergePatch.of(path, update.value().orElseThrow()).applyOn(current);
                if (!merged.isObject()) {
                    throw new RejectedMessageException(RejectReason.INVALID_VALUE, "merge must leave an object");
                }
                yield wholeThing(update.thingId(), merged);
            }
            case DELETE -> current.remove(path);
        };
    }

    private static JsonObject wholeThing(ThingId id, JsonValue value) throws RejectedMessageException {
        if (!value.isObject()) {
            throw new RejectedMessageException(
                    RejectReason.INVALID_VALUE, "a Thing must be a JSON object, got " + value);
        }
        JsonObject object = value.asObject();
        Optional<JsonValue> givenId = object.getValue(Thing.JsonFields.ID.getPointer());
        if (givenId.isPresent() && !givenId.get().isString()
                || givenId.isPresent() && !id.toString().equals(givenId.get().asString())) {
            throw new RejectedMessageException(
                    RejectReason.FORBIDDEN_PATH, "thingId must stay " + id + ", got " + givenId.get());
        }
        return object.setValue(Thing.JsonFields.ID.getPointer(), JsonValue.of(id.toString()));
    }

    private TwinEvent.Rejected reject(RejectReason reason, String detail, Optional<ThingId> thingId) {
        return reject(reason, detail, thingId, true);
    }

    /**
     * Counts a record that failed outside the store (its apply threw, or a consumer gave up on it), so the
     * twin's figures hold every record; listeners see it like any rejection.
     */
    public TwinEvent.Rejected failed(String detail) {
        return reject(RejectReason.APPLY_FAILED, detail, Optional.empty(), false);
    }

    private TwinEvent.Rejected reject(RejectReason reason, String fullDetail, Optional<ThingId> thingId, boolean log) {
        // Parsers quote what they could not read; a hostile message must not make every log line a megabyte.
        String detail =
                fullDetail.length() <= MAX_DETAIL ? fullDetail : fullDetail.substring(0, MAX_DETAIL - 3) + "...";
        long n = rejected.get(reason).incrementAndGet();
        if (log && (n <= LOG_FIRST || n % LOG_EVERY == 0)) {
            LOG.warn("rejected message #{} ({}): {}", n, reason, detail);
        }
        TwinEvent.Rejected event = new TwinEvent.Rejected(reason, detail, thingId);
        notifyListeners(event);
        return event;
    }

    private void notifyListeners(TwinEvent event) {
        for (Consumer<TwinEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("twin listener failed on {}", event, e);
            }
        }
    }

    /**
     * Takes the Ditto form of every changed Thing under the lock (so no half-applied message shows) and
     * builds the Things after it; a Thing unchanged since the last snapshot is not built again.
     */
    public Snapshot snapshot() {
        record Taken(LiveThing live, JsonObject json, long revision, Instant modified) {}
        Map<ThingId, Taken> taken = new HashMap<>();
        Instant takenAt;
        lock.lock();
        try {
            takenAt = clock.instant();
            entries.forEach((id, e) -> taken.put(id, new Taken(e, e.json(), e.revision(), e.modified())));
        } finally {
            lock.unlock();
        }
        Map<ThingId, TwinThing> things = new HashMap<>();
        taken.forEach((id, t) -> things.put(id, new TwinThing(t.live().thing(t.json()), t.revision(), t.modified())));
        return new Snapshot(takenAt, things);
    }

    public OptionalLong revisionOf(ThingId id) {
        lock.lock();
        try {
            LiveThing e = entries.get(id);
            return e == null ? OptionalLong.empty() : OptionalLong.of(e.revision());
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        rejected.forEach((r, n) -> byReason.put(r, n.get()));
        Map<StaleReason, Long> staleByReason = new EnumMap<>(StaleReason.class);
        stale.forEach((r, n) -> staleByReason.put(r, n.get()));
        return new Stats(applied.get(), staleByReason, byReason);
    }

    /**
     * Counts since the store was made.
     *
     * @param applied messages that changed a Thing
     * @param staleByReason duplicates and out-of-order messages left out, by reason
     * @param rejected refused messages by reason
     */
    public record Stats(long applied, Map<StaleReason, Long> staleByReason, Map<RejectReason, Long> rejected) {
        public Stats {
            if (applied < 0) {
                throw new IllegalArgumentException("applied must be >= 0, got " + applied);
            }
            staleByReason = Map.copyOf(staleByReason);
            rejected = Map.copyOf(rejected);
        }

        /** Duplicates and out-of-order messages left out. */
        public long stale() {
            return staleByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        public long total() {
            return applied + stale() + rejectedTotal();
        }
    }
}
