package io.linetwin.app.emulate;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.EquipmentKind;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.sync.SignalSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Turns "this property of this equipment now has this value" into Ditto {@code propertyModified} events,
 * publishing only real changes (a line's controller reports changes, not its whole state every cycle) with
 * a per-thing revision that increases by one per event. Revisions start at 1, just above a fresh twin's 0; an
 * emulator that continues a line from the events topic continues each Thing's revisions, so a twin that
 * followed the first run takes the events of the second.
 */
public final class DittoEventWriter {

    private final LineDescriptor line;
    private final SignalSink sink;
    private final Map<String, EquipmentKind> kinds = new HashMap<>();
    private final Map<String, Long> revisions = new HashMap<>();
    private final Map<String, JsonValue> last = new HashMap<>();
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private long published;

    public DittoEventWriter(LineDescriptor line, SignalSink sink) {
        this(line, sink, Map.of(), Map.of());
    }

    /**
     * Continuing a line: {@code revisions} (equipment id → last revision given) and {@code published}
     * ({@code equipment/feature/property} → last value) as the events topic holds them.
     */
    public DittoEventWriter(
            LineDescriptor line, SignalSink sink, Map<String, Long> revisions, Map<String, JsonValue> published) {
        this.line = line;
        this.sink = sink;
        for (EquipmentDescriptor e : line.equipment()) {
            kinds.put(e.id(), e.kind());
        }
        this.revisions.putAll(revisions);
        this.last.putAll(published);
    }

    /** Whether the Thing of {@code equipment} carries {@code feature} (a sink has no status, ...). */
    public boolean has(String equipment, String feature) {
        EquipmentKind kind = kinds.get(equipment);
        return kind != null && kind.features().contains(feature);
    }

    /**
     * Publishes {@code feature/property = value} at {@code at} unless it is the value last published (or the
     * Thing has no such feature); returns whether an event went out. {@code property} may be a path
     * ({@code readings/temperature}).
     */
    public boolean set(String equipment, String feature, String property, JsonValue value, Instant at) {
        if (!has(equipment, feature)) {
            return false;
        }
        String key = equipment + '/' + feature + '/' + property;
        if (value.equals(last.get(key))) {
            return false;
        }
        last.put(key, value);
        long revision = revisions.merge(equipment, 1L, Long::sum);
        ThingId thing = line.thingIdOf(equipment);
        inFlight.add(sink.send(DittoMessages.propertyModified(thing, feature, property, value, revision, at))
                .toCompletableFuture());
        published++;
        return true;
    }

    /** Waits until the sink has accepted everything sent so far; rethrows the first failure. */
    public void flush() {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        inFlight.clear();
    }

    public long published() {
        return published;
    }

    /** The last revision given to the Thing of {@code equipment} (0 before its first event). */
    public long revisionOf(String equipment) {
        return revisions.getOrDefault(equipment, 0L);
    }
}
