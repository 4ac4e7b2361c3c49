package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.BufferContents;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the dashboard shows of the live twin, recomputed from a consistent snapshot of the {@link TwinStore}: each
 * station's state, counters and failure risk, each buffer's level, the line's output and WIP, and the twin's own
 * health (messages applied, stale, rejected, the age of the latest update). Keeps each machine's recent state
 * changes for its page. {@link #refresh} is called by one thread; {@link #view} and {@link #history} by any.
 */
public final class LiveLine {

    /** The spread assumed for a remaining-life estimate published without one, as {@code health risk} does. */
    static final double DEFAULT_RUL_CV = 0.3;

    private static final int HISTORY = 500;
    private static final double[] RISK_HOURS = {8, 24, 48, 168};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One state change of a machine, as the twin reported it. */
    public record Change(Instant at, String state) {}

    private final LineSpec line;
    private final TwinStore store;
    private final Clock clock;
    private final String source;
    private final LineDescriptor descriptor;
    private final LineStateMapper mapper;
    private final Map<String, Deque<Change>> history = new HashMap<>();
    private final Map<String, String> lastState = new HashMap<>();
    private Instant firstAt;
    private long firstGood;
    private volatile ObjectNode view;
    private long version;

    /**
     * @param source where the twin's messages come from, in words ("Kafka 127.0.0.1:9092")
     */
    public LiveLine(LineSpec line, TwinStore store, Clock clock, String source) {
        this.line = Objects.requireNonNull(line, "line");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.source = Objects.requireNonNull(source, "source");
        this.descriptor = LineDescriptors.of(line);
        this.mapper = new LineStateMapper(descriptor.lineId());
        line.stations().forEach(s -> history.put(s.id(), new ArrayDeque<>()));
        refresh();
    }

    public LineSpec line() {
        return line;
    }

    /** Recomputes the view from the store's current snapshot; returns it. */
    public synchronized ObjectNode refresh() {
        Snapshot snapshot = store.snapshot();
        LineState state = mapper.map(snapshot, 0);
        Instant now = clock.instant();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", ++version);
        root.put("at", now.toString());
        ObjectNode stations = root.putObject("stations");
        Map<String, TimeToFailure> rul = rul(snapshot);
        long goodOut = 0;
        for (StationSpec station : line.stations()) {
            ObjectNode node = stations.putObject(station.id());
            node.put("kind", station.kind().name().toLowerCase(java.util.Locale.ROOT));
            StationState s = state.stations().get(station.id());
            // A Thing still at revision 0 has never reported: its default state is no news about the machine.
            boolean reported = snapshot.get(descriptor.thingIdOf(station.id()))
                    .map(t -> t.revision() > 0)
                    .orElse(false);
            String stateName =
                    s == null || !reported ? "unknown" : s.condition().status().json();
            boolean machine = station.kind().processesParts();
            node.put("state", machine ? stateName : "none");
            node.put("good", s == null ? 0 : s.good());
            node.put("scrap", s == null ? 0 : s.scrap());
            if (station.kind() == StationKind.SINK && s != null) {
                goodOut += s.good();
            }
            TimeToFailure ttf = rul.get(station.id());
            if (ttf != null) {
                node.put("rulHours", ttf.meanSeconds() / 3600);
                ObjectNode risk = node.putObject("risk");
                for (double hours : RISK_HOURS) {
                    risk.put(riskKey(hours), Math.max(0, Math.min(1, ttf.probabilityWithin(hours * 3600))));
                }
            }
            if (machine && reported && !stateName.equals(lastState.get(station.id()))) {
                lastState.put(station.id(), stateName);
                Deque<Change> changes = history.get(station.id());
                changes.addLast(new Change(now, stateName));
                while (changes.size() > HISTORY) {
                    changes.removeFirst();
                }
            }
        }
        ObjectNode links = root.putObject("links");
        int waiting = 0;
        for (BufferSpec buffer : line.buffers()) {
            BufferContents contents = state.buffers().get(buffer.id());
            int level = contents == null ? 0 : contents.total();
            waiting += level;
            ObjectNode node = links.putObject(buffer.id());
            node.put("level", level);
            if (buffer.capacity() == BufferSpec.UNLIMITED) {
                node.putNull("capacity");
            } else {
                node.put("capacity", buffer.capacity());
            }
        }
        if (firstAt == null) {
            firstAt = now;
            firstGood = goodOut;
        }
        double since = Duration.between(firstAt, now).toNanos() / 1e9;
        ObjectNode totals = root.putObject("line");
        totals.put("goodOut", goodOut);
        totals.put("throughputPerHour", since > 60 ? Math.max(0, goodOut - firstGood) * 3600 / since : 0);
        totals.put("waiting", waiting);
        ObjectNode twin = root.putObject("twin");
        TwinStore.Stats stats = store.stats();
        twin.put("source", source);
        twin.put("applied", stats.applied());
        twin.put("stale", stats.stale());
        twin.put("rejected", stats.rejectedTotal());
        Instant latest = snapshot.things().values().stream()
                .map(TwinThing::modified)
                .max(Instant::compareTo)
                .orElse(null);
        if (latest == null || stats.applied() == 0) {
            twin.putNull("lastUpdateSeconds");
        } else {
            twin.put(
                    "lastUpdateSeconds",
                    Math.max(0, Duration.between(latest, now).toMillis() / 1000.0));
        }
        view = root;
        return root;
    }

    static String riskKey(double hours) {
        return hours % 24 == 0 ? (long) (hours / 24) + "d" : (long) hours + "h";
    }

    private Map<String, TimeToFailure> rul(Snapshot snapshot) {
        Map<String, TimeToFailure> estimates = new HashMap<>();
        RulReadings.of(snapshot, descriptor).forEach((id, reading) -> {
            double mean = Math.max(reading.seconds(), 1);
            estimates.put(id, new TimeToFailure(mean, reading.sdSeconds().orElse(DEFAULT_RUL_CV * mean)));
        });
        return estimates;
    }

    /** The latest view (JSON) as computed by {@link #refresh}. */
    public ObjectNode view() {
        return view;
    }

    /** The machine's recent state changes, oldest first. */
    public synchronized List<Change> history(String station) {
        Deque<Change> changes = history.get(station);
        return changes == null ? List.of() : new ArrayList<>(changes);
    }
}
