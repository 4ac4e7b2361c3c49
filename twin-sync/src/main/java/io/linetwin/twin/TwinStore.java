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

    private final Clock clock;
    private final SignalDecoder decoder = new SignalDecoder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<ThingId, LiveThing> entries = new HashMap<>();
    /** False only in tests: every change then takes Ditto's immutable route, the reference of the live one. */
    private final boolean liveChanges;
    private final List<Consumer<TwinEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final Map<RejectReason, AtomicLong> rejected = new EnumMap<>(RejectReason.class);

    public TwinStore(Collection<Thing> things, Clock clock) {
        this(things, clock, true);
    }

    TwinStore(Collection<Thing> things, Clock clock, boolean liveChanges) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.liveChanges = liveChanges;
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new AtomicLong());
        }
        Instant now = clock.instant();
        for (Thing thing : things) {
            ThingId id = thing.getEntityId().orElseThrow(
                    () -> new IllegalArgumentException("things must have ids, got " + thing.toJsonString()));
            if (entries.putIfAbsent(id, new LiveThing(thing, 0, now)) != null) {
                throw new IllegalArgumentException("thing ids must be unique, got " + id + " twice");
            }
        }
    }

    public static TwinStore of(LineDescriptor line, Clock clock) {
        return new TwinStore(EquipmentThings.of(line, clock.instant()), clock);
    }

    /** Sees every outcome; called on the applying thread, in apply order, so it must be quick. */
    public void addListener(Consumer<TwinEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public TwinEvent apply(String dittoProtocolJson) {
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
        lock.lock();
        try {
            LiveThing entry = entries.get(update.thingId());
            if (entry == null) {
                return reject(RejectReason.UNKNOWN_THING, "no thing " + update.thingId() + " in this twin",
                        Optional.of(update.thingId()));
            }
            long revision = update.revision().orElse(entry.revision() + 1);
            if (revision <= entry.revision()) {
                stale.incrementAndGet();
                TwinEvent event = new TwinEvent.Stale(update.thingId(), revision, entry.revision());
                notifyListeners(event);
                return event;
            }
            TwinEvent.Rejected refused = liveChanges && inPlace(update) ? changeInPlace(entry, update)
                    : changeByDitto(entry, update);
            if (refused != null) {
                return refused;
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
    private TwinEvent.Rejected changeInPlace(LiveThing entry, ThingUpdate update) {
        JsonValue value = update.value().orElseThrow();
        LiveThing.Undo undo = null;
        try {
            undo = update.action() == ThingUpdate.Action.SET ? entry.set(update.path(), value)
                    : entry.merge(update.path(), value);
            TwinValidation.check(entry::valueAt, update.path());
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
    private TwinEvent.Rejected changeByDitto(LiveThing entry, ThingUpdate update) {
        try {
            JsonObject next = change(entry.json(), update);
            TwinValidation.check(next, update.path());
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
        return reject(RejectReason.INVALID_VALUE, "not a valid Thing after " + update.action() + " at "
                + update.path() + ": " + e.getMessage(), Optional.of(update.thingId()));
    }

    /**
     * Takes a whole Thing as retrieved from a server (initial state): kept only if its revision is newer,
     * so an event that overtook the retrieve response is not undone.
     */
    public TwinEvent put(Thing thing, long revision) {
        ThingId id = thing.getEntityId().orElseThrow(
                () -> new IllegalArgumentException("thing must have an id, got " + thing.toJsonString()));
        return apply(ThingUpdate.set(id, JsonPointer.empty(), thing.toJson(), revision));
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
                JsonValue merged = JsonMergePatch.of(path, update.value().orElseThrow()).applyOn(current);
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
            throw new RejectedMessageException(RejectReason.INVALID_VALUE, "a Thing must be a JSON object, got " + value);
        }
        JsonObject object = value.asObject();
        Optional<JsonValue> givenId = object.getValue(Thing.JsonFields.ID.getPointer());
        if (givenId.isPresent() && !givenId.get().isString() || givenId.isPresent()
                && !id.toString().equals(givenId.get().asString())) {
            throw new RejectedMessageException(RejectReason.FORBIDDEN_PATH,
                    "thingId must stay " + id + ", got " + givenId.get());
        }
        return object.setValue(Thing.JsonFields.ID.getPointer(), JsonValue.of(id.toString()));
    }

    private TwinEvent.Rejected reject(RejectReason reason, String detail, Optional<ThingId> thingId) {
        long n = rejected.get(reason).incrementAndGet();
        if (n <= LOG_FIRST || n % LOG_EVERY == 0) {
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
        record Taken(LiveThing live, JsonObject json, long revision, Instant modified) {
        }
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
        return new Stats(applied.get(), stale.get(), byReason);
    }

    /**
     * Counts since the store was made.
     *
     * @param applied  messages that changed a Thing
     * @param stale    duplicates and out-of-order messages left out
     * @param rejected refused messages by reason
     */
    public record Stats(long applied, long stale, Map<RejectReason, Long> rejected) {
        public Stats {
            rejected = Map.copyOf(rejected);
        }

        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        public long total() {
            return applied + stale + rejectedTotal();
        }
    }
}
