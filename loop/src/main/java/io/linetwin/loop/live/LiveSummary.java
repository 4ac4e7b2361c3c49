package io.linetwin.loop.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalJson;
import io.linetwin.loop.whatif.Prediction;
import io.linetwin.twin.sync.TwinHealth;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code linetwin live --json OUT} writes: the run's line-time span, how many what-ifs ran, and every proposal the
 * run made or moved, with its change, effect, status and — once the line confirmed it — the throughput the twin
 * measured before and after the change beside the interval the what-if predicted for the after window; and the twin's
 * health at the end (lag, stale and refused messages by reason, dead letters, restarts).
 */
public final class LiveSummary {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String scenario;
    private final String line;
    private final boolean dryRun;
    private final Instant from;
    private final Instant to;
    private final int whatIfs;
    private final List<Proposal> proposals;
    private final ThroughputMeter meter;
    private final double lookAheadSeconds;
    private final double minBeforeSeconds;
    private final Optional<TwinHealth> twin;

    LiveSummary(
            String scenario,
            String line,
            boolean dryRun,
            Instant from,
            Instant to,
            int whatIfs,
            List<Proposal> proposals,
            ThroughputMeter meter,
            double lookAheadSeconds,
            double minBeforeSeconds,
            Optional<TwinHealth> twin) {
        this.scenario = scenario;
        this.line = line;
        this.dryRun = dryRun;
        this.from = from;
        this.to = to;
        this.whatIfs = whatIfs;
        this.proposals = List.copyOf(proposals);
        this.meter = meter;
        this.lookAheadSeconds = lookAheadSeconds;
        this.minBeforeSeconds = minBeforeSeconds;
        this.twin = twin;
    }

    /** The twin's health when the summary was made; empty for a twin source that cannot say. */
    public Optional<TwinHealth> twin() {
        return twin;
    }

    public List<Proposal> proposals() {
        return proposals;
    }

    /** The throughput measured on the line around {@code p}'s change, once it was confirmed. */
    public Optional<Measured> measured(Proposal p) {
        if (p.confirmedAt().isEmpty() || to == null || meter.first() == null) {
            return Optional.empty();
        }
        Instant changedAt = p.commands().stream()
                .flatMap(c -> c.sentAtLine().stream())
                .min(Instant::compareTo)
                .orElse(p.confirmedAt().get());
        return Optional.of(measure(
                meter, changedAt, p.confirmedAt().get(), to, lookAheadSeconds, minBeforeSeconds, p.prediction()));
    }

    /**
     * Before: up to one look-ahead of line time before the command left, and only when the twin's counters cover at
     * least {@code minBeforeSeconds} of it (a rate over a few minutes says nothing about the line); after: from the
     * confirmation to {@code to}, beside the prediction for that window.
     */
    static Measured measure(
            ThroughputMeter meter,
            Instant changedAt,
            Instant confirmedAt,
            Instant to,
            double lookAheadSeconds,
            double minBeforeSeconds,
            Optional<Prediction> prediction) {
        Instant beforeFrom = changedAt.minusMillis(Math.round(lookAheadSeconds * 1000));
        double beforeSeconds = meter.coveredSeconds(beforeFrom, changedAt);
        OptionalDouble before =
                beforeSeconds >= minBeforeSeconds ? meter.perHour(beforeFrom, changedAt) : OptionalDouble.empty();
        OptionalDouble after = meter.perHour(confirmedAt, to);
        double afterSeconds = meter.coveredSeconds(confirmedAt, to);
        Optional<Prediction.Interval> interval =
                afterSeconds > 0 ? prediction.map(pr -> pr.interval(afterSeconds)) : Optional.empty();
        return new Measured(before, beforeSeconds, minBeforeSeconds, after, afterSeconds, interval);
    }

    /**
     * Good parts out per hour before and after a change, over the line time each covers. {@code before} is empty when
     * the history before the change covers less than {@code minBeforeSeconds}; {@link #beforeMissing} says so.
     */
    public record Measured(
            OptionalDouble before,
            double beforeSeconds,
            double minBeforeSeconds,
            OptionalDouble after,
            double afterSeconds,
            Optional<Prediction.Interval> predicted) {

        /** Why there is no "before" figure: "not enough history before the change: 249s of 1h needed". */
        public Optional<String> beforeMissing() {
            if (beforeSeconds >= minBeforeSeconds) {
                return Optional.empty();
            }
            return Optional.of("not enough history before the change: " + Durations.text(beforeSeconds) + " of "
                    + Durations.text(minBeforeSeconds) + " needed");
        }
    }

    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario);
        root.put("line", line);
        root.put("dryRun", dryRun);
        root.put("from", from == null ? null : from.toString());
        root.put("to", to == null ? null : to.toString());
        root.put("lineHours", from == null ? 0 : Duration.between(from, to).toMillis() / 3_600_000.0);
        root.put("whatIfs", whatIfs);
        if (twin.isPresent()) {
            try {
                root.set("twin", MAPPER.readTree(twin.get().toJson().toString()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("the twin's health as JSON", e);
            }
        }
        ArrayNode array = root.putArray("proposals");
        for (Proposal p : proposals) {
            ObjectNode json = array.addObject();
            json.put("id", p.id());
            json.put("name", p.name());
            json.put("origin", p.origin());
            json.set("change", ProposalJson.changeMap(p));
            if (p.effect().isPresent()) {
                ObjectNode effect = json.putObject("effect");
                effect.put("kpi", p.effect().get().kpi());
                effect.put("mean", p.effect().get().mean());
                effect.put("ciLow", p.effect().get().ciLow());
                effect.put("ciHigh", p.effect().get().ciHigh());
                effect.put("relative", p.effect().get().relative());
            } else {
                json.putNull("effect");
            }
            json.put("status", p.status().json());
            json.put("evidenceHash", p.evidenceHash());
            p.approval().ifPresent(a -> json.put("approvedBy", a.by()));
            p.rejection().ifPresent(r -> json.put("rejectedBy", r.by()).put("rejectionReason", r.reason()));
            p.refusal().ifPresent(r -> json.put("refusal", r));
            p.failure().ifPresent(f -> json.put("failure", f));
            p.rollbackOf().ifPresent(r -> json.put("rollbackOf", r));
            p.rollback().ifPresent(r -> json.put("rollback", r));
            ArrayNode commands = json.putArray("commands");
            for (CommandRecord c : p.commands()) {
                commands.add(c.commandId());
            }
            measured(p).ifPresent(m -> {
                ObjectNode measured = json.putObject("measured");
                measured.put("kpi", "throughputPerHour");
                put(measured, "before", m.before());
                measured.put("beforeHours", m.beforeSeconds() / 3600);
                measured.put("minBeforeHours", m.minBeforeSeconds() / 3600);
                m.beforeMissing().ifPresent(why -> measured.put("beforeMissing", why));
                put(measured, "after", m.after());
                measured.put("afterHours", m.afterSeconds() / 3600);
                m.predicted().ifPresent(i -> {
                    measured.put("predictedLow", i.low());
                    measured.put("predictedHigh", i.high());
                    m.after().ifPresent(a -> measured.put("afterWithinPrediction", i.contains(a)));
                });
            });
        }
        return root;
    }

    private static void put(ObjectNode json, String field, OptionalDouble value) {
        if (value.isPresent()) {
            json.put(field, value.getAsDouble());
        } else {
            json.putNull(field);
        }
    }
}
