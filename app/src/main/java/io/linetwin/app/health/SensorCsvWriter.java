package io.linetwin.app.health;

import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.UnitHistory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes histories in the format {@code health train --csv} reads (see {@code SensorCsvReader}): a header
 * {@code unit,time_s,<settings...>,<sensors...>}, one row per reading, each unit's rows oldest first, its last row
 * its failure. Numbers in Java's shortest round-trip form, so reading the file back gives the same doubles.
 */
final class SensorCsvWriter {

    private SensorCsvWriter() {}

    static void write(SensorDataset data, OutputStream stream) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.write("unit,time_s");
        for (String name : data.settingNames()) {
            out.write("," + name);
        }
        for (String name : data.sensorNames()) {
            out.write("," + name);
        }
        out.write('\n');
        for (UnitHistory unit : data.units()) {
            for (int r = 0; r < unit.length(); r++) {
                out.write(unit.unitId());
                out.write(',');
                out.write(Double.toString(unit.time()[r]));
                for (double v : unit.settings()[r]) {
                    out.write(',');
                    out.write(Double.toString(v));
                }
                for (double v : unit.sensors()[r]) {
                    out.write(',');
                    out.write(Double.toString(v));
                }
                out.write('\n');
            }
        }
        out.flush();
    }
}
