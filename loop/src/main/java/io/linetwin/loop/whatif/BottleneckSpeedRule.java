package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import io.linetwin.loop.Numbers;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.ParameterLimit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Built-in rule: raise the speed of the baseline's bottleneck by one {@code maxStep} (capped at its {@code max}) —
 * the bottleneck is the one machine whose speed moves the line's throughput.
 */
public final class BottleneckSpeedRule implements CandidateSource {

    @Override
    public List<Candidate> candidates(CandidateContext context) {
        if (context.bottleneck().isEmpty()) {
            return List.of();
        }
        String station = context.bottleneck().get();
        Optional<ParameterLimit> limit = context.limits().limit(station, StationSpec.SPEED);
        OptionalDouble current = context.current(station, StationSpec.SPEED);
        if (limit.isEmpty()
                || current.isEmpty()
                || current.getAsDouble() >= limit.get().max()) {
            return List.of();
        }
        double to = Numbers.tidy(
                Math.min(limit.get().max(), current.getAsDouble() + limit.get().maxStep()));
        return List.of(new Candidate(
                "raise-" + station + "-speed",
                "rule:bottleneck",
                List.of(new Change(station, StationSpec.SPEED, current.getAsDouble(), to))));
    }
}
