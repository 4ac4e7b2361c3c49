package io.linetwin.app.emulate;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The emulated sensors' degradation model: a reading is
 * {@code base + slopePerHour × (operating hours since the last repair) + N(0, noiseSd)}, so readings creep up
 * while a machine runs and fall back after each repair. Known sensors have typical figures (°C, mm/s, A);
 * any other sensor name gets a dimensionless default. Noise comes from the caller's seeded generator, so a
 * run is reproducible.
 */
public final class SensorModel {

    /** One sensor's figures. */
    public record Sensor(double base, double slopePerHour, double noiseSd) {
        public Sensor {
            if (!(noiseSd >= 0)) {
                throw new IllegalArgumentException("noiseSd must be >= 0, got " + noiseSd);
            }
        }

        public double reading(double operatingSeconds, Random noise) {
            return base + slopePerHour * operatingSeconds / 3600.0 + noiseSd * noise.nextGaussian();
        }
    }

    static final Map<String, Sensor> KNOWN = Map.of(
            "temperature", new Sensor(45.0, 0.8, 0.3),
            "vibration", new Sensor(2.0, 0.15, 0.05),
            "current", new Sensor(10.0, 0.1, 0.1));

    static final Sensor OTHER = new Sensor(1.0, 0.01, 0.01);

    private SensorModel() {}

    public static Sensor of(String sensorName) {
        return KNOWN.getOrDefault(sensorName.toLowerCase(Locale.ROOT), OTHER);
    }

    /** Readings rounded to 3 decimals: what a PLC would report, and short JSON. */
    static double rounded(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
