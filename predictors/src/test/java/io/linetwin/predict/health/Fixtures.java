package io.linetwin.predict.health;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared test data: the committed FD001 slice and small synthetic sets. */
final class Fixtures {

    private Fixtures() {}

    static Path cmapssDir() {
        try {
            return Path.of(Fixtures.class.getResource("/cmapss/train_FD001.txt").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CmapssSet fd001Slice() {
        return CmapssReader.load(cmapssDir(), "FD001");
    }

    /** A dataset with one setting and two sensors; each unit's rows are given as {setting, s1, s2}. */
    static SensorDataset synthetic(double[][]... unitRows) {
        List<UnitHistory> units = new ArrayList<>();
        for (int u = 0; u < unitRows.length; u++) {
            double[][] rows = unitRows[u];
            double[] time = new double[rows.length];
            double[][] settings = new double[rows.length][1];
            double[][] sensors = new double[rows.length][2];
            for (int r = 0; r < rows.length; r++) {
                time[r] = r + 1;
                settings[r][0] = rows[r][0];
                sensors[r][0] = rows[r][1];
                sensors[r][1] = rows[r][2];
            }
            units.add(new UnitHistory(Integer.toString(u + 1), time, settings, sensors));
        }
        return new SensorDataset("synthetic", List.of("setting1"), List.of("a", "b"), units);
    }
}
