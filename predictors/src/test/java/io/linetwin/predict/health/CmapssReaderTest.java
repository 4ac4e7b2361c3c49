package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CmapssReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFixtureSliceWithUnitsCyclesAndTrueRul() {
        CmapssSet set = Fixtures.fd001Slice();

        assertThat(set.train().units()).extracting(UnitHistory::length).containsExactly(128, 135, 137);
        assertThat(set.test().units()).extracting(UnitHistory::length).containsExactly(31, 34, 37, 39);
        assertThat(set.testRul()).containsExactly(112, 118, 142, 111);
        assertThat(set.train().sensorNames()).hasSize(21).startsWith("s1").endsWith("s21");
        assertThat(set.train().units().get(0).sensors()[0][1]).isEqualTo(642.72);
        assertThat(set.operatingConditions()).isEqualTo(1);
    }

    @Test
    void rejectsARowWithAMissingColumnNamingFileAndLine() throws IOException {
        Path file = write(
                "train_FD001.txt", row(1, 1), row(1, 2).substring(0, row(1, 2).lastIndexOf(' ')));

        assertThatThrownBy(() -> CmapssReader.readHistory(file))
                .isInstanceOf(SensorDataException.class)
                .hasMessage(file + ":2: expected 26 whitespace-separated columns (unit, cycle, 3 settings, "
                        + "21 sensors), got 25")
                .satisfies(e -> assertThat(((SensorDataException) e).line()).isEqualTo(2));
    }

    @Test
    void rejectsANonNumericSensorNamingColumnAndValue() throws IOException {
        Path file = write("test_FD001.txt", row(1, 1), row(1, 2), row(1, 3).replace(" 642.5 ", " abc "));

        assertThatThrownBy(() -> CmapssReader.readHistory(file))
                .isInstanceOf(SensorDataException.class)
                .hasMessage(file + ":3: column 7 (s2): expected a finite number, got \"abc\"");
    }

    @Test
    void rejectsAGapInCycles() throws IOException {
        Path file = write("train_FD001.txt", row(1, 1), row(1, 2), row(1, 4));

        assertThatThrownBy(() -> CmapssReader.readHistory(file))
                .isInstanceOf(SensorDataException.class)
                .hasMessage(file + ":3: expected cycle 3 of unit 1, got 4");
    }

    @Test
    void rejectsARulFileWithTheWrongNumberOfUnits() throws IOException {
        write("train_FD001.txt", row(1, 1), row(1, 2), row(2, 1));
        write("test_FD001.txt", row(1, 1), row(2, 1));
        Path rul = write("RUL_FD001.txt", "12");

        assertThatThrownBy(() -> CmapssReader.load(dir, "FD001"))
                .isInstanceOf(SensorDataException.class)
                .hasMessage(rul + ": expected 2 RUL values (one per test unit), got 1");
    }

    @Test
    void rejectsAMissingFileAndAnUnknownSet() {
        assertThatThrownBy(() -> CmapssReader.load(dir, "FD001"))
                .isInstanceOf(SensorDataException.class)
                .hasMessageContaining("train_FD001.txt: expected a readable file");
        assertThatThrownBy(() -> CmapssReader.load(dir, "FD009"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set must be one of FD001..FD004, got FD009");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private static String row(int unit, int cycle) {
        StringBuilder line = new StringBuilder(unit + " " + cycle + " 0.0 0.0 100.0");
        for (int s = 1; s <= 21; s++) {
            line.append(' ').append(s == 2 ? "642.5" : Double.toString(500 + s));
        }
        return line.toString();
    }
}
