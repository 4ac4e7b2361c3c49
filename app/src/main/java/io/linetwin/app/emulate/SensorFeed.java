package io.linetwin.app.emulate;

import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinFeatures;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.ditto.json.JsonValue;

/**
 * Publishes {@code health/readings/<sensor>} of every station that declares sensors, every
 * {@code intervalSeconds} of engine time (t = interval, 2·interval, ...), from {@link SensorModel} with each
 * station's operating age. Noise is drawn from one generator per station seeded from the run's seed and the
 * station id, so readings do not depend on how the run is chunked.
 */
final class SensorFeed implements TraceToDitto.StationStateListener {

    private final DittoEventWriter writer;
    private final EmulatedClock clock;
    private final double intervalSeconds;
    private final Map<String, List<String>> sensors = new LinkedHashMap<>();
    private final Map<String, OperatingClock> ages = new HashMap<>();
    private final Map<String, Random> noise = new HashMap<>();
    private long nextTick = 1;

    SensorFeed(LineDescriptor line, DittoEventWriter writer, EmulatedClock clock, double intervalSeconds, long seed) {
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("sensor interval must be > 0 seconds, got " + intervalSeconds);
        }
        this.writer = writer;
        this.clock = clock;
        this.intervalSeconds = intervalSeconds;
        for (EquipmentDescriptor e : line.equipment()) {
            if (!e.sensors().isEmpty() && e.kind().features().contains(TwinFeatures.HEALTH)) {
                sensors.put(e.id(), e.sensors());
                ages.put(e.id(), new OperatingClock());
                noise.put(e.id(), new Random(seed * 31 + e.id().hashCode()));
            }
        }
    }

    @Override
    public void onStationState(String station, double timeSeconds, String state) {
        OperatingClock age = ages.get(station);
        if (age != null) {
            age.onState(timeSeconds, state);
        }
    }

    /** Publishes every reading due at or before {@code timeSeconds} not yet published. */
    void publishUntil(double timeSeconds) {
        while (nextTick * intervalSeconds <= timeSeconds) {
            double t = nextTick * intervalSeconds;
            sensors.forEach((station, names) -> {
                double age = ages.get(station).operatingSeconds(t);
                for (String name : names) {
                    double value = SensorModel.rounded(SensorModel.of(name).reading(age, noise.get(station)));
                    writer.set(
                            station,
                            TwinFeatures.HEALTH,
                            TwinFeatures.READINGS + "/" + name,
                            JsonValue.of(value),
                            clock.at(t));
                }
            });
            nextTick++;
        }
    }

    double operatingSeconds(String station, double timeSeconds) {
        return ages.get(station).operatingSeconds(timeSeconds);
    }
}
