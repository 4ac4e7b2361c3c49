package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PreprocessingTest {

    @Test
    void dropsSensorsThatAreConstantInTraining() {
        Preprocessing preprocessing = Preprocessing.fit(Fixtures.fd001Slice().train(), 1);

        assertThat(preprocessing.keptSensors())
                .doesNotContain("s1", "s5", "s10", "s16", "s18", "s19")
                .contains("s2", "s3", "s4", "s7", "s11", "s12", "s15", "s21");
    }

    @Test
    void scalesTrainingDataIntoTheUnitInterval() {
        CmapssSet set = Fixtures.fd001Slice();
        Preprocessing preprocessing = Preprocessing.fit(set.train(), 1);

        WindowSet windows = RulProtocol.trainingWindows(set.train(), preprocessing, 30, 125);

        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : windows.inputs()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void aTestSetOutlierDoesNotMoveTheScaler() {
        CmapssSet set = Fixtures.fd001Slice();
        Preprocessing before = Preprocessing.fit(set.train(), 1);
        SensorDataset testWithOutlier = withOutlier(set.test(), "s2", 10_000.0);

        WindowSet windows = RulProtocol.lastWindows(testWithOutlier, before, 30, set.testRul());
        Preprocessing after = Preprocessing.fit(set.train(), 1);

        assertThat(after.min()).isDeepEqualTo(before.min());
        assertThat(after.max()).isDeepEqualTo(before.max());
        int s2 = before.keptSensors().indexOf("s2");
        float lastRowOfFirstUnit = windows.inputs()[(30 - 1) * windows.features() + s2];
        assertThat(lastRowOfFirstUnit).isGreaterThan(100f);
    }

    @Test
    void scalesEachOperatingConditionByItsOwnRange() {
        double[][] lowRegime = {{0, 10, 5}, {0, 20, 5}, {0, 30, 6}};
        double[][] highRegime = {{40, 110, 5}, {40, 130, 5}, {40, 150, 6}};
        SensorDataset train = Fixtures.synthetic(lowRegime, highRegime);

        Preprocessing preprocessing = Preprocessing.fit(train, 2);
        float[][] low = preprocessing.transform(train, train.units().get(0));
        float[][] high = preprocessing.transform(train, train.units().get(1));

        assertThat(preprocessing.keptSensors()).containsExactly("a");
        assertThat(low).isDeepEqualTo(new float[][] {{0f}, {0.5f}, {1f}});
        assertThat(high).isDeepEqualTo(new float[][] {{0f}, {0.5f}, {1f}});
    }

    @Test
    void smoothingIsCausalSoLaterRowsNeverChangeEarlierFeatures() {
        double[][] rows = {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}};
        double[][] firstTwo = {{0, 0, 5}, {0, 8, 5}};
        SensorDataset full = Fixtures.synthetic(rows);
        Preprocessing preprocessing = Preprocessing.fit(full, 1, 0.5);

        float[][] all = preprocessing.transform(full, full.units().get(0));
        float[][] prefix = preprocessing.transform(
                Fixtures.synthetic(firstTwo),
                Fixtures.synthetic(firstTwo).units().get(0));

        // scaled 0, 0.8, 0.4, 1.0; smoothed with alpha 0.5
        assertThat(new float[] {all[0][0], all[1][0], all[2][0], all[3][0]})
                .containsExactly(new float[] {0f, 0.4f, 0.4f, 0.7f}, within(1e-6f));
        assertThat(prefix).isDeepEqualTo(new float[][] {all[0], all[1]});
    }

    @Test
    void theAgeInputIsTheRowTimeOverTheLongestTrainingUnit() {
        // Units of 4 and 2 rows (times 1..4 and 1..2): ages scale by 4, and a test unit may pass 1.
        SensorDataset train = Fixtures.synthetic(
                new double[][] {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}}, new double[][] {{0, 2, 5}, {0, 6, 6}});
        Preprocessing preprocessing = Preprocessing.fit(train, 1, 1.0, true);
        SensorDataset longer =
                Fixtures.synthetic(new double[][] {{0, 0, 5}, {0, 1, 5}, {0, 2, 5}, {0, 3, 5}, {0, 4, 5}, {0, 5, 5}});

        float[][] features = preprocessing.transform(longer, longer.units().get(0));

        assertThat(preprocessing.ageScale()).isEqualTo(4.0);
        assertThat(preprocessing.features())
                .isEqualTo(preprocessing.keptSensors().size() + 1);
        float[] ages = new float[features.length];
        for (int r = 0; r < features.length; r++) {
            ages[r] = features[r][preprocessing.features() - 1];
        }
        assertThat(ages).containsExactly(0.25f, 0.5f, 0.75f, 1f, 1.25f, 1.5f);
        assertThat(Preprocessing.fit(train, 1).features())
                .isEqualTo(preprocessing.keptSensors().size());
    }

    @Test
    void baselineSubtractsTheMeanOfTheUnitsOwnFirstCyclesCausally() {
        // Sensor a scales by the training range 0..10; b has two values only and is dropped.
        SensorDataset train = Fixtures.synthetic(new double[][] {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}});
        Preprocessing preprocessing = Preprocessing.fit(train, 1, 1.0, false, 2, false);

        float[][] features = preprocessing.transform(train, train.units().get(0));

        // scaled 0, 0.8, 0.4, 1.0; baseline over the first 2 rows as far as seen: 0, 0.4, 0.4, 0.4
        assertThat(preprocessing.keptSensors()).containsExactly("a");
        assertThat(preprocessing.features()).isEqualTo(1);
        assertThat(new float[] {features[0][0], features[1][0], features[2][0], features[3][0]})
                .containsExactly(new float[] {0f, 0.4f, 0f, 0.6f}, within(1e-6f));
        double[][] prefixRows = {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}};
        SensorDataset prefix = Fixtures.synthetic(prefixRows);
        assertThat(preprocessing.transform(prefix, prefix.units().get(0)))
                .isDeepEqualTo(new float[][] {features[0], features[1], features[2]});
    }

    @Test
    void baselineWithAbsoluteSensorsAndAgeOrdersTheFeaturesAbsoluteRelativeAge() {
        SensorDataset train = Fixtures.synthetic(new double[][] {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}});
        Preprocessing preprocessing = Preprocessing.fit(train, 1, 0.5, true, 2, true);

        float[][] features = preprocessing.transform(train, train.units().get(0));

        // smoothed (alpha 0.5) 0, 0.4, 0.4, 0.7 minus the baseline of the unsmoothed scaled rows 0, 0.4, 0.4, 0.4
        assertThat(preprocessing.features()).isEqualTo(3);
        assertThat(features).hasDimensions(4, 3);
        float[][] expected = {{0f, 0f, 0.25f}, {0.4f, 0f, 0.5f}, {0.4f, 0f, 0.75f}, {0.7f, 0.3f, 1f}};
        for (int r = 0; r < 4; r++) {
            assertThat(features[r]).containsExactly(expected[r], within(1e-6f));
        }
    }

    @Test
    void baselineOfATestUnitComesFromItsOwnRowsAndScalingStaysFittedOnTrain() {
        SensorDataset train = Fixtures.synthetic(new double[][] {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}});
        Preprocessing plain = Preprocessing.fit(train, 1, 1.0, false);
        Preprocessing baseline = Preprocessing.fit(train, 1, 1.0, false, 2, false);
        // A test unit outside the training range: 5, 7, 9, 30 scale to 0.5, 0.7, 0.9, 3.0.
        SensorDataset test = Fixtures.synthetic(new double[][] {{0, 5, 5}, {0, 7, 5}, {0, 9, 6}, {0, 30, 6}});

        float[][] features = baseline.transform(test, test.units().get(0));

        assertThat(baseline.min()).isDeepEqualTo(plain.min());
        assertThat(baseline.max()).isDeepEqualTo(plain.max());
        assertThat(baseline.min()[0]).containsExactly(0.0);
        assertThat(baseline.max()[0]).containsExactly(10.0);
        // baseline 0.5, 0.6, 0.6, 0.6
        assertThat(new float[] {features[0][0], features[1][0], features[2][0], features[3][0]})
                .containsExactly(new float[] {0f, 0.1f, 0.3f, 2.4f}, within(1e-6f));
    }

    @Test
    void aPreprocessingWithBaselineSurvivesTheJsonRoundTripAndOldJsonHasNone() throws Exception {
        SensorDataset train = Fixtures.synthetic(new double[][] {{0, 0, 5}, {0, 8, 5}, {0, 4, 6}, {0, 10, 6}});
        Preprocessing preprocessing = Preprocessing.fit(train, 1, 0.5, true, 2, true);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        String text = json.writeValueAsString(preprocessing);
        Preprocessing back = json.readValue(text, Preprocessing.class);
        com.fasterxml.jackson.databind.node.ObjectNode old =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text);
        old.remove("baselineCycles");
        old.remove("baselineKeepAbsolute");
        Preprocessing before = json.treeToValue(old, Preprocessing.class);

        assertThat(back.baselineCycles()).isEqualTo(2);
        assertThat(back.baselineKeepAbsolute()).isTrue();
        assertThat(back.transform(train, train.units().get(0)))
                .isDeepEqualTo(preprocessing.transform(train, train.units().get(0)));
        assertThat(before.baselineCycles()).isZero();
        assertThat(before.features()).isEqualTo(2);
    }

    private static SensorDataset withOutlier(SensorDataset data, String sensor, double value) {
        int index = data.sensorIndex(sensor);
        List<UnitHistory> units = new ArrayList<>();
        for (UnitHistory unit : data.units()) {
            double[][] sensors = new double[unit.length()][];
            for (int r = 0; r < unit.length(); r++) {
                sensors[r] = unit.sensors()[r].clone();
            }
            sensors[unit.length() - 1][index] = value;
            units.add(new UnitHistory(unit.unitId(), unit.time(), unit.settings(), sensors));
        }
        return new SensorDataset(data.source(), data.settingNames(), data.sensorNames(), units);
    }
}
