package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.Distribution;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DistributionFormsTest {

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("{ dist: constant, value: 2s }", new Distribution.Constant(2)),
                Arguments.of("1.5m", new Distribution.Constant(90)),
                Arguments.of("{ dist: exponential, mean: 500ms }", new Distribution.Exponential(0.5)),
                Arguments.of("{ dist: uniform, min: 1s, max: 3s }", new Distribution.Uniform(1, 3)),
                Arguments.of("{ dist: normal, mean: 10s, sd: 2s }", new Distribution.Normal(10, 2)),
                Arguments.of("{ dist: normal, mean: 10s, cv: 0.2 }", new Distribution.Normal(10, 2)),
                Arguments.of("{ dist: lognormal, mean: 1m, sd: 6s }", new Distribution.Lognormal(60, 6)),
                Arguments.of("{ dist: lognormal, mean: 1m, cv: 0.5 }", new Distribution.Lognormal(60, 30)),
                Arguments.of("{ dist: gamma, shape: 2, scale: 3s }", new Distribution.Gamma(2, 3)),
                Arguments.of("{ dist: gamma, mean: 8s, cv: 0.5 }", new Distribution.Gamma(4, 2)),
                Arguments.of("{ dist: weibull, shape: 1.5, scale: 1h }", new Distribution.Weibull(1.5, 3600)),
                Arguments.of("{ dist: triangular, min: 1s, mode: 2s, max: 4s }", new Distribution.Triangular(1, 2, 4)),
                Arguments.of(
                        "{ dist: empirical, values: [1s, 2s] }",
                        new Distribution.Empirical(List.of(1.0, 2.0), List.of())),
                Arguments.of(
                        "{ dist: empirical, values: [1s, 1m], weights: [3, 1] }",
                        new Distribution.Empirical(List.of(1.0, 60.0), List.of(3.0, 1.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyDistributionFormReadsToItsRecordInSeconds(String yaml, Distribution expected) throws Exception {
        Distribution read = ScenarioLoader.parse(Scenarios.oneMachine(yaml, ""), "t.yaml")
                .line()
                .station("m")
                .orElseThrow()
                .process()
                .orElseThrow();

        assertThat(read).isEqualTo(expected);
    }

    @Test
    void gammaByMeanAndCvKeepsTheMean() throws Exception {
        Distribution read = ScenarioLoader.parse(
                        Scenarios.oneMachine("{ dist: gamma, mean: 7s, cv: 0.3 }", ""), "t.yaml")
                .line()
                .station("m")
                .orElseThrow()
                .process()
                .orElseThrow();

        assertThat(read.mean()).isCloseTo(7, within(1e-9));
    }

    @Test
    void aWrongParameterSetNamesTheAcceptedSets() {
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        Scenarios.oneMachine("{ dist: gamma, mean: 7s, scale: 2s }", ""), "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("t.yaml:6:40 stations.m.process: gamma takes {mean, cv} or {shape, scale}, "
                        + "got {mean, scale}");
    }

    @Test
    void shapesAndWeightsArePlainNumbersNotDurations() {
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        Scenarios.oneMachine("{ dist: weibull, shape: 2s, scale: 1h }", ""), "t.yaml"))
                .hasMessageEndingWith("stations.m.process.shape: expected a number, got \"2s\"");
    }
}
