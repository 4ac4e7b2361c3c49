package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class SensorModelTest {

    @Test
    void temperatureDriftsAtItsSlopeWithTheDocumentedNoise() {
        SensorModel.Sensor temperature = SensorModel.of("temperature");
        Random noise = new Random(1);
        int n = 20_000;
        double sumAt0 = 0;
        double sumAt2h = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double r0 = temperature.reading(0, noise);
            sumAt0 += r0;
            sumSq += (r0 - 45.0) * (r0 - 45.0);
            sumAt2h += temperature.reading(7200, noise);
        }
        assertThat(sumAt0 / n).isCloseTo(45.0, within(0.02));
        assertThat((sumAt2h - sumAt0) / n / 2).as("slope per operating hour").isCloseTo(0.8, within(0.02));
        assertThat(Math.sqrt(sumSq / n)).as("noise sd").isCloseTo(0.3, within(0.01));
    }

    @Test
    void withoutNoiseTheReadingIsTheLine() {
        SensorModel.Sensor s = new SensorModel.Sensor(10, 0.5, 0);
        assertThat(s.reading(3 * 3600, new Random(0))).isEqualTo(11.5);
        assertThat(SensorModel.of("Vibration")).isEqualTo(new SensorModel.Sensor(2.0, 0.15, 0.05));
        assertThat(SensorModel.of("pressure")).isEqualTo(SensorModel.OTHER);
    }

    @Test
    void operatingAgeCountsWorkingTimeOnlyAndResetsWhenARepairEnds() {
        OperatingClock age = new OperatingClock();
        age.onState(0, "working");
        age.onState(100, "starved");
        age.onState(150, "working");
        assertThat(age.operatingSeconds(200)).isEqualTo(150.0);
        age.onState(200, "down");
        assertThat(age.operatingSeconds(260)).as("no ageing while down").isEqualTo(150.0);
        age.onState(300, "working");
        assertThat(age.operatingSeconds(300)).as("repaired: as new").isZero();
        assertThat(age.operatingSeconds(330)).isEqualTo(30.0);
    }
}
