package io.linetwin.loop.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.loop.Change;
import io.linetwin.loop.Lines;
import io.linetwin.loop.ParameterLimits;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in rule of issue 12 §2, "slow the upstream machine of a long failure", on the press line: blanker
 * (speed 1.0 in 0.9..1.1, step 0.1) feeds the press (0.7 in 0.6..1.2, step 0.2), which feeds the washer.
 */
final class LongFailureRuleTest {

    private static final double THIRTY_MINUTES = 1800;

    private static Scenario scenario;
    private static LineState running;

    @BeforeAll
    static void pressLineAfterTwoHours() throws Exception {
        scenario = Lines.pressLine();
        running = Lines.pressLineAfter(scenario, 7200);
    }

    private static List<Candidate> candidates(LineState start) {
        return new LongFailureRule(THIRTY_MINUTES)
                .candidates(new CandidateContext(
                        scenario.line(), start, ParameterLimits.of(scenario.line()), Optional.of("press")));
    }

    private static LineState with(String station, MachineCondition condition, Map<String, Double> speeds) {
        Map<String, StationState> stations = new LinkedHashMap<>(running.stations());
        StationState was = stations.get(station);
        stations.put(station, new StationState(condition, Optional.empty(), was.good(), was.scrap()));
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>(running.parameters());
        speeds.forEach((id, speed) -> parameters.put(id, Map.of("speed", speed)));
        return new LineState(
                running.capturedAt(),
                running.clockSeconds(),
                stations,
                running.buffers(),
                parameters,
                running.materialStocks());
    }

    private static MachineCondition down(double elapsedSeconds, OptionalDouble remainingSeconds) {
        return new MachineCondition.Down(elapsedSeconds, remainingSeconds, Optional.of("misfeed"));
    }

    @Test
    void aLongRepairAheadSlowsTheMachineFeedingItOneStep() {
        List<Candidate> found = candidates(with("press", down(60, OptionalDouble.of(45 * 60)), Map.of()));

        assertThat(found)
                .containsExactly(new Candidate(
                        "slow-blanker-while-press-down",
                        "rule:long-failure",
                        List.of(new Change("blanker", "speed", 1.0, 0.9))));
    }

    @Test
    void aShortRepairAheadAsksNothing() {
        assertThat(candidates(with("press", down(3600, OptionalDouble.of(10 * 60)), Map.of())))
                .as("the estimate, not the time already spent, decides")
                .isEmpty();
        assertThat(candidates(running)).as("nothing down").isEmpty();
    }

    @Test
    void withoutAnEstimateTheRepairIsLongOnceItLastedTheThreshold() {
        assertThat(candidates(with("press", down(29 * 60, OptionalDouble.empty()), Map.of())))
                .isEmpty();
        assertThat(candidates(with("press", down(31 * 60, OptionalDouble.empty()), Map.of())))
                .extracting(Candidate::changes)
                .containsExactly(List.of(new Change("blanker", "speed", 1.0, 0.9)));
    }

    @Test
    void theStepStopsAtTheFeedersMinimumAndAFeederAtItsMinimumIsLeftAlone() {
        assertThat(candidates(with("washer", down(60, OptionalDouble.of(3600)), Map.of("press", 0.7))))
                .as("press 0.7 - step 0.2 stops at min 0.6")
                .extracting(Candidate::changes)
                .containsExactly(List.of(new Change("press", "speed", 0.7, 0.6)));
        assertThat(candidates(with("press", down(60, OptionalDouble.of(3600)), Map.of("blanker", 0.9))))
                .as("the blanker already runs at its minimum")
                .isEmpty();
    }

    @Test
    void aLongRepairIsAPositiveDuration() {
        assertThatThrownBy(() -> new LongFailureRule(0)).hasMessage("long repair must be > 0 seconds, got 0.0");
    }
}
