package io.linetwin.loop.whatif;

import io.linetwin.loop.ParameterLimits;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link CandidateSource} may look at: the line, the state the what-if starts from (the twin's snapshot,
 * parameters as the twin reports them), the writable parameters' limits and the bottleneck of the baseline run.
 */
public record CandidateContext(LineSpec line, LineState start, ParameterLimits limits, Optional<String> bottleneck) {

    public CandidateContext {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(bottleneck, "bottleneck");
    }

    /** A parameter's value in the start state, else the scenario's. */
    public OptionalDouble current(String station, String parameter) {
        Double value = start.parameters().getOrDefault(station, Map.of()).get(parameter);
        if (value != null) {
            return OptionalDouble.of(value);
        }
        return line.station(station)
                .map(s -> s.parameters().get(parameter))
                .map(p -> OptionalDouble.of(p.value()))
                .orElse(OptionalDouble.empty());
    }
}
