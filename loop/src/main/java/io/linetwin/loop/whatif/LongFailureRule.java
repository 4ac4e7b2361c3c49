package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import io.linetwin.loop.Numbers;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.twin.ParameterLimit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Built-in rule: while a machine is down with a long repair ahead, slow each machine that feeds it by one
 * {@code maxStep} (not below its {@code min}): it would only fill the buffer and stand blocked. Whether that costs
 * throughput is for the what-if to say — the rule only makes sure the question is asked.
 */
public final class LongFailureRule implements CandidateSource {

    private final double longRepairSeconds;

    /** @param longRepairSeconds a repair with at least this much left (or this much elapsed, when no estimate) is long */
    public LongFailureRule(double longRepairSeconds) {
        if (!(longRepairSeconds > 0)) {
            throw new IllegalArgumentException("long repair must be > 0 seconds, got " + longRepairSeconds);
        }
        this.longRepairSeconds = longRepairSeconds;
    }

    @Override
    public List<Candidate> candidates(CandidateContext context) {
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, StationState> entry : context.start().stations().entrySet()) {
            if (!(entry.getValue().condition() instanceof MachineCondition.Down down) || !isLong(down)) {
                continue;
            }
            Set<String> feeders = new LinkedHashSet<>();
            for (BufferSpec inbound : context.line().inbound(entry.getKey())) {
                feeders.add(inbound.from());
            }
            for (String feeder : feeders) {
                Optional<ParameterLimit> limit = context.limits().limit(feeder, StationSpec.SPEED);
                OptionalDouble current = context.current(feeder, StationSpec.SPEED);
                if (limit.isEmpty()
                        || current.isEmpty()
                        || current.getAsDouble() <= limit.get().min()) {
                    continue;
                }
                double to = Numbers.tidy(Math.max(
                        limit.get().min(), current.getAsDouble() - limit.get().maxStep()));
                candidates.add(new Candidate(
                        "slow-" + feeder + "-while-" + entry.getKey() + "-down",
                        "rule:long-failure",
                        List.of(new Change(feeder, StationSpec.SPEED, current.getAsDouble(), to))));
            }
        }
        return candidates;
    }

    private boolean isLong(MachineCondition.Down down) {
        return down.remainingRepairSeconds().isPresent()
                ? down.remainingRepairSeconds().getAsDouble() >= longRepairSeconds
                : down.elapsedRepairSeconds() >= longRepairSeconds;
    }
}
