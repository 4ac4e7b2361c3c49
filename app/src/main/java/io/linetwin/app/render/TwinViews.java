package io.linetwin.app.render;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.model.StationStatus;
import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns successive snapshots of the live twin into the renderer's views: each machine's reported state, each
 * buffer's level, each machine's failure risk over a look-ahead from the twin's remaining-life estimate, and in
 * the HUD the parts leaving the line per hour since the first snapshot and the parts waiting in buffers. View
 * time is seconds since the first snapshot, so a session's views stay in order whatever the wall clock does.
 * Not thread-safe: one feed thread calls {@link #next}.
 */
final class TwinViews {

    /** The spread of a remaining-life estimate published without one, as {@code health risk} assumes. */
    static final double DEFAULT_RUL_CV = 0.3;
    /** The look-ahead of a health lamp's risk when none is given: the maintenance planners' two days. */
    static final double DEFAULT_RISK_HORIZON_SECONDS = 48 * 3600;

    private final LineSpec line;
    private final LineDescriptor descriptor;
    private final LineStateMapper mapper;
    private final double riskHorizonSeconds;
    private Instant firstAt;
    private long firstGood;

    TwinViews(LineSpec line, double riskHorizonSeconds) {
        this.line = Objects.requireNonNull(line, "line");
        if (!(riskHorizonSeconds > 0) || Double.isInfinite(riskHorizonSeconds)) {
            throw new IllegalArgumentException("risk horizon must be > 0 seconds, got " + riskHorizonSeconds);
        }
        this.riskHorizonSeconds = riskHorizonSeconds;
        this.descriptor = LineDescriptors.of(line);
        this.mapper = new LineStateMapper(descriptor.lineId());
    }

    LineView next(Snapshot snapshot) {
        LineState state = mapper.map(snapshot, 0);
        long good = goodOut(state);
        if (firstAt == null || snapshot.takenAt().isBefore(firstAt)) {
            firstAt = snapshot.takenAt();
            firstGood = good;
        }
        double since = Duration.between(firstAt, snapshot.takenAt()).toNanos() / 1e9;
        Map<String, StationStatus> stations = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            StationState s = state.stations().get(station.id());
            if (s != null && worksOnParts(station)) {
                stations.put(station.id(), s.condition().status());
            }
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        int waiting = 0;
        for (var buffer : line.buffers()) {
            BufferContents contents = state.buffers().get(buffer.id());
            int level = contents == null ? 0 : contents.total();
            levels.put(buffer.id(), level);
            waiting += level;
        }
        double perHour = since > 0 ? Math.max(0, good - firstGood) * 3600 / since : 0;
        Hud hud = new Hud(
                "live twin at " + snapshot.takenAt() + "; throughput since " + firstAt + ", WIP = parts in buffers",
                perHour,
                waiting,
                Optional.empty());
        return new LineView(since, stations, levels, risk(snapshot), hud);
    }

    private Map<String, Double> risk(Snapshot snapshot) {
        Map<String, Double> risk = new LinkedHashMap<>();
        RulReadings.of(snapshot, descriptor).forEach((id, reading) -> {
            if (line.station(id).filter(TwinViews::worksOnParts).isPresent()) {
                double mean = Math.max(reading.seconds(), 1);
                double sd = reading.sdSeconds().orElse(DEFAULT_RUL_CV * mean);
                double p = new TimeToFailure(mean, sd).probabilityWithin(riskHorizonSeconds);
                risk.put(id, Math.max(0, Math.min(1, p)));
            }
        });
        return risk;
    }

    /** Good parts counted where they leave the line: at sinks. */
    private long goodOut(LineState state) {
        long good = 0;
        for (StationSpec station : line.stations()) {
            StationState s = state.stations().get(station.id());
            if (s != null && station.kind() == StationKind.SINK) {
                good += s.good();
            }
        }
        return good;
    }

    private static boolean worksOnParts(StationSpec station) {
        return station.kind().processesParts();
    }
}
