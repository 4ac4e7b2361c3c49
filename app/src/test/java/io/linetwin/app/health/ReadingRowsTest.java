package io.linetwin.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReadingRowsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private final List<ReadingRows.Row> rows = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final ReadingRows assembler =
            new ReadingRows(List.of("temperature", "vibration"), new ReadingRows.Listener() {
                @Override
                public void row(ReadingRows.Row row) {
                    rows.add(row);
                }

                @Override
                public void state(Instant at, String state) {
                    states.add(state);
                }
            });

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void aRowIsCompleteWhenEverySensorReportedAtOneInstant() {
        assembler.state(at(0), "working");
        assembler.reading(at(1), "temperature", 45.1);
        assertThat(rows).isEmpty();
        assembler.reading(at(1), "vibration", 2.0);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).at()).isEqualTo(at(1));
        assertThat(rows.get(0).values()).containsExactly(45.1, 2.0);
        assertThat(rows.get(0).state()).isEqualTo("working");
        assertThat(states).containsExactly("working");
    }

    @Test
    void anUnchangedReadingIsNotPublishedAgainAndKeepsItsLastValue() {
        assembler.reading(at(1), "temperature", 45.1);
        assembler.reading(at(1), "vibration", 2.0);
        // At minute 2 only the temperature changed: the line did not send the vibration again.
        assembler.reading(at(2), "temperature", 45.3);
        assembler.reading(at(3), "temperature", 45.4);
        assembler.flush();

        assertThat(rows).extracting(ReadingRows.Row::at).containsExactly(at(1), at(2), at(3));
        assertThat(rows.get(1).values()).containsExactly(45.3, 2.0);
        assertThat(rows.get(2).values()).containsExactly(45.4, 2.0);
    }

    @Test
    void rowsBeforeEverySensorReportedOnceAreDroppedAndOtherSensorsIgnored() {
        assembler.reading(at(1), "temperature", 45.1);
        assembler.reading(at(1), "current", 10.0);
        assembler.reading(at(2), "temperature", 45.2);
        assembler.reading(at(2), "vibration", 2.1);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).at()).isEqualTo(at(2));
    }

    @Test
    void aStateChangeClosesTheRowBeingAssembledWithTheStateBeforeIt() {
        assembler.reading(at(1), "temperature", 45.1);
        assembler.reading(at(1), "vibration", 2.0);
        assembler.reading(at(2), "temperature", 45.2);
        assembler.state(at(2), "down");

        assertThat(rows).extracting(ReadingRows.Row::state).containsExactly(null, null);
        assertThat(assembler.state()).isEqualTo("down");
    }

    @Test
    void noSensorsIsRefused() {
        assertThatThrownBy(() -> new ReadingRows(List.of(), new ReadingRows.Listener() {
                    @Override
                    public void row(ReadingRows.Row row) {}

                    @Override
                    public void state(Instant at, String state) {}
                }))
                .hasMessage("sensors must name >= 1 sensor, got none");
    }
}
