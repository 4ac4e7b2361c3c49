package io.linetwin.predict.tuning;

import io.linetwin.model.LineState;
import io.linetwin.model.TuningVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warm start split for tuning. A start state's parameter values override the line's when a replication starts,
 * so left in the state they would pin every tuned parameter to the line's current value and each setting the
 * search tried would run the same line. The tuned parameters therefore leave the state and become the values
 * of the baseline instead: the line as it runs now is what the tuner compares with.
 */
final class TunedStart {

    private static final Pattern PARAMETER = Pattern.compile("stations\\.([^.]+)\\.parameters\\.([^.]+)");

    private final Optional<LineState> state;
    private final double[] current;

    private TunedStart(Optional<LineState> state, double[] current) {
        this.state = state;
        this.current = current;
    }

    static TunedStart of(Optional<LineState> start, List<TuningVariable> variables) {
        double[] current = new double[variables.size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = variables.get(i).current().orElse(Double.NaN);
        }
        if (start.isEmpty()) {
            return new TunedStart(start, current);
        }
        LineState state = start.get();
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
        state.parameters().forEach((station, values) -> parameters.put(station, new LinkedHashMap<>(values)));
        for (int i = 0; i < current.length; i++) {
            Matcher m = PARAMETER.matcher(variables.get(i).path());
            if (!m.matches()) {
                continue;
            }
            Map<String, Double> values = parameters.get(m.group(1));
            Double value = values == null ? null : values.remove(m.group(2));
            if (value != null) {
                current[i] = value;
            }
        }
        LineState stripped = new LineState(
                state.capturedAt(),
                state.clockSeconds(),
                state.stations(),
                state.buffers(),
                parameters,
                state.materialStocks(),
                state.inFlight());
        return new TunedStart(Optional.of(stripped), current);
    }

    /** The state every replication starts from, without the tuned parameters. */
    Optional<LineState> state() {
        return state;
    }

    /** The value variable {@code i} has on the line now: the start state's, else the scenario's. */
    OptionalDouble current(int i) {
        return Double.isNaN(current[i]) ? OptionalDouble.empty() : OptionalDouble.of(current[i]);
    }
}
