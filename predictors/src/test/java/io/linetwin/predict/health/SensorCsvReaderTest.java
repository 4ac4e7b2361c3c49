package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SensorCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsMachinesInAnyRowOrderAndSortsEachByTime() throws IOException {
        Path file = Files.write(
                dir.resolve("history.csv"),
                List.of(
                        "machine,time_s,setting_load,temperature,vibration",
                        "press-2,20,0.5,61.0,0.30",
                        "press-1,10,0.4,55.0,0.10",
                        "press-2,10,0.5,60.0,0.20",
                        "press-1,20,0.4,56.0,0.11"));

        SensorDataset data = SensorCsvReader.read(file);

        assertThat(data.settingNames()).containsExactly("setting_load");
        assertThat(data.sensorNames()).containsExactly("temperature", "vibration");
        assertThat(data.units()).extracting(UnitHistory::unitId).containsExactly("press-2", "press-1");
        UnitHistory press2 = data.units().get(0);
        assertThat(press2.time()).containsExactly(10, 20);
        assertThat(press2.sensors()[0]).containsExactly(60.0, 0.20);
        assertThat(press2.sensors()[1]).containsExactly(61.0, 0.30);
    }

    @Test
    void rejectsABadValueNamingLineAndColumn() throws IOException {
        Path file = Files.write(dir.resolve("history.csv"), List.of("unit,cycle,s2", "1,1,642.1", "1,2,n/a"));

        assertThatThrownBy(() -> SensorCsvReader.read(file))
                .isInstanceOf(SensorDataException.class)
                .hasMessage(file + ":3: column 3 (s2): expected a finite number, got \"n/a\"");
    }

    @Test
    void rejectsAHeaderWithoutUnitOrTimeColumn() throws IOException {
        Path file = Files.write(dir.resolve("history.csv"), List.of("when,s2", "1,642.1"));

        assertThatThrownBy(() -> SensorCsvReader.read(file))
                .isInstanceOf(SensorDataException.class)
                .hasMessageStartingWith(file + ":1: expected a header with a unit column");
    }

    @Test
    void feedsTheSameWindowsAsTheCmapssReaderForTheSameRows() throws IOException {
        CmapssSet set = Fixtures.fd001Slice();
        StringBuilder csv = new StringBuilder("unit,cycle,setting1,setting2,setting3");
        for (int s = 1; s <= 21; s++) {
            csv.append(",s").append(s);
        }
        csv.append('\n');
        for (UnitHistory unit : set.test().units()) {
            for (int r = 0; r < unit.length(); r++) {
                csv.append(unit.unitId()).append(',').append((int) unit.time()[r]);
                for (double v : unit.settings()[r]) {
                    csv.append(',').append(v);
                }
                for (double v : unit.sensors()[r]) {
                    csv.append(',').append(v);
                }
                csv.append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("test.csv"), csv);
        Preprocessing preprocessing = Preprocessing.fit(set.train(), 1);

        WindowSet fromCsv = RulProtocol.lastWindows(SensorCsvReader.read(file), preprocessing, 30, null);
        WindowSet fromCmapss = RulProtocol.lastWindows(set.test(), preprocessing, 30, null);

        assertThat(fromCsv.inputs()).containsExactly(fromCmapss.inputs());
        assertThat(fromCsv.unitIds()).isEqualTo(fromCmapss.unitIds());
    }
}
