package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

final class LineStateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void aLineStateIsACopyOfWhatItWasBuiltFrom() {
        Map<String, Double> speed = new HashMap<>(Map.of("speed", 1.1));
        Map<String, Map<String, Double>> parameters = new HashMap<>(Map.of("filler", speed));
        LineState state = new LineState(
                NOW,
                3600,
                Map.of(
                        "filler",
                        new StationState(
                                new MachineCondition.Down(90, OptionalDouble.of(300), Optional.of("jam")),
                                Optional.of("litre"),
                                5,
                                1)),
                Map.of("b1", new BufferContents(Map.of("litre", 3, "half-litre", 5))),
                parameters,
                Map.of("preform", 100.0));
        speed.put("speed", 0.7);

        assertThat(state.parameters().get("filler")).containsEntry("speed", 1.1);
        assertThat(state.buffers().get("b1").total()).isEqualTo(8);
        assertThat(state.stations().get("filler").condition().status()).isEqualTo(StationStatus.DOWN);
    }

    @Test
    void aLineStateKeepsTheOrderItWasGivenSoAWarmStartSchedulesAlikeInEveryJvm() {
        Map<String, Double> stocks = new LinkedHashMap<>();
        Map<String, BufferContents> buffers = new LinkedHashMap<>();
        for (int i = 40; i > 0; i--) {
            stocks.put("material-" + i, (double) i);
            buffers.put("b" + i, new BufferContents(Map.of("a", i)));
        }

        LineState state = new LineState(NOW, 0, Map.of(), buffers, Map.of(), stocks);

        // Map.copyOf would iterate in an order salted per JVM; the engine restores blocks in this order.
        assertThat(state.materialStocks().keySet()).containsExactlyElementsOf(stocks.keySet());
        assertThat(state.buffers().keySet()).containsExactlyElementsOf(buffers.keySet());
    }

    @Test
    void impossibleValuesAreRefusedWithWhatWasExpectedAndFound() {
        assertThatThrownBy(() -> new LineState(NOW, -1, Map.of(), Map.of(), Map.of(), Map.of()))
                .hasMessage("clockSeconds must be in [0, 3153600000] (100 years), got -1.0");
        assertThatThrownBy(() -> new BufferContents(Map.of("litre", -2)))
                .hasMessage("parts of litre must be >= 0, got -2");
        assertThatThrownBy(() -> new MachineCondition.Working(Optional.empty(), OptionalDouble.of(-1)))
                .hasMessage("remainingSeconds must be >= 0, got -1.0");
        assertThatThrownBy(() -> new StationState(new MachineCondition.Starved(), Optional.empty(), -1, 0))
                .hasMessage("good must be >= 0, got -1");
        assertThatThrownBy(() -> LineState.empty(NOW).materialStocks().put("x", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inFlightDetailRefusesImpossibleTimes() {
        assertThatThrownBy(() -> new InFlight(
                        Map.of(), Map.of(), Optional.empty(), Map.of(), Map.of("m1", Map.of("jam", -2.0)), Map.of()))
                .hasMessage("failure clock of m1.jam must be >= 0, got -2.0");
        assertThatThrownBy(() -> new InFlight.VehicleState("flying", "m1", Optional.empty(), 0, false))
                .hasMessageStartingWith("vehicle activity must be one of [idle, toPickup");
        assertThatThrownBy(() -> new InFlight.MaterialOrder(0, 5)).hasMessage("quantity must be > 0, got 0.0");
        assertThatThrownBy(() -> new InFlight(
                        Map.of("b1", java.util.List.of(Double.NaN)),
                        Map.of(),
                        Optional.empty(),
                        Map.of(),
                        Map.of(),
                        Map.of()))
                .hasMessage("release time of a part in b1 must be a finite number, got NaN");
        LineState reported = new LineState(NOW, 10, Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(reported.inFlight()).isEqualTo(InFlight.none());
    }
}
