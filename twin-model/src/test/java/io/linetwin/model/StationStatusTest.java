package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

final class StationStatusTest {

    @Test
    void theSixStatesAreSpeltAsInJsonInTheEngineOrder() {
        assertThat(StationStatus.jsonNames())
                .containsExactly("working", "blocked", "starved", "down", "setup", "offShift");
        for (StationStatus status : StationStatus.values()) {
            assertThat(StationStatus.ofJson(status.json())).contains(status);
        }
        assertThat(StationStatus.ofJson("OFF_SHIFT")).isEmpty();
        assertThat(StationStatus.ofJson("offshift")).isEmpty();
    }

    @Test
    void aStationIsInItsMostActiveServersState() {
        assertThat(StationStatus.ofServers(List.of("starved", "blocked", "setup")))
                .contains(StationStatus.SETUP);
        assertThat(StationStatus.ofServers(List.of("blocked", "working", "setup")))
                .contains(StationStatus.WORKING);
        assertThat(StationStatus.ofServers(List.of("working", "offShift"))).contains(StationStatus.OFF_SHIFT);
        assertThat(StationStatus.ofServers(List.of("offShift", "down"))).contains(StationStatus.DOWN);
        assertThat(StationStatus.ofServers(Arrays.asList(null, "dozing", "starved")))
                .contains(StationStatus.STARVED);
        assertThat(StationStatus.ofServers(Arrays.asList(null, "dozing"))).isEmpty();
        // Each state ranks once: a strict order from down to starved.
        List<StationStatus> ranked = List.of(
                StationStatus.DOWN,
                StationStatus.OFF_SHIFT,
                StationStatus.WORKING,
                StationStatus.SETUP,
                StationStatus.BLOCKED,
                StationStatus.STARVED);
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = 0; j < ranked.size(); j++) {
                assertThat(ranked.get(i).moreActiveThan(ranked.get(j)))
                        .as("%s over %s", ranked.get(i), ranked.get(j))
                        .isEqualTo(i < j);
            }
        }
    }

    @Test
    void eachStateReadsIntoItsConditionWithWhatItTakes() {
        Optional<String> sedan = Optional.of("sedan");
        OptionalDouble left = OptionalDouble.of(4);
        Optional<String> jam = Optional.of("jam");

        assertThat(MachineCondition.of(StationStatus.WORKING, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.Working(sedan, left));
        assertThat(MachineCondition.of(StationStatus.SETUP, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.Setup(sedan, left));
        assertThat(MachineCondition.of(StationStatus.BLOCKED, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.Blocked(sedan));
        assertThat(MachineCondition.of(StationStatus.STARVED, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.Starved());
        assertThat(MachineCondition.of(StationStatus.OFF_SHIFT, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.OffShift());
        assertThat(MachineCondition.of(StationStatus.DOWN, sedan, left, 9, jam))
                .isEqualTo(new MachineCondition.Down(9, left, jam));
        for (StationStatus status : StationStatus.values()) {
            assertThat(MachineCondition.of(status, sedan, left, 9, jam).status())
                    .isEqualTo(status);
        }
    }
}
