package io.linetwin.app.render;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;

/** Ditto Protocol events about the bottling line, as its equipment (or the emulator) publishes them. */
final class TwinMessages {

    static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private TwinMessages() {}

    static LineSpec bottling() throws Exception {
        Path file = Path.of("..", "scenarios", "bottling-line.yaml");
        Scenario scenario =
                ScenarioLoader.load(Files.isRegularFile(file) ? file : Path.of("scenarios", "bottling-line.yaml"));
        return scenario.line();
    }

    static String state(LineSpec line, String station, String state, long revision, Instant at) {
        LineDescriptor things = LineDescriptors.of(line);
        return DittoMessages.toJson(DittoMessages.propertyModified(
                things.thingIdOf(station), TwinFeatures.STATUS, TwinFeatures.STATE, JsonValue.of(state), revision, at));
    }

    static String level(LineSpec line, String buffer, String product, int parts, long revision, Instant at) {
        LineDescriptor things = LineDescriptors.of(line);
        return DittoMessages.toJson(DittoMessages.propertyModified(
                things.thingIdOf(buffer),
                TwinFeatures.BUFFER,
                TwinFeatures.LEVELS,
                JsonFactory.newObjectBuilder().set(product, parts).build(),
                revision,
                at));
    }

    static String rul(LineSpec line, String machine, double seconds, long revision, Instant at) {
        LineDescriptor things = LineDescriptors.of(line);
        return DittoMessages.toJson(DittoMessages.propertyModified(
                things.thingIdOf(machine),
                TwinFeatures.HEALTH,
                TwinFeatures.RUL,
                JsonFactory.newObjectBuilder()
                        .set(TwinFeatures.RUL_SECONDS, seconds)
                        .build(),
                revision,
                at));
    }

    static String good(LineSpec line, String sink, long parts, long revision, Instant at) {
        LineDescriptor things = LineDescriptors.of(line);
        return DittoMessages.toJson(DittoMessages.propertyModified(
                things.thingIdOf(sink), TwinFeatures.COUNTERS, TwinFeatures.GOOD, JsonValue.of(parts), revision, at));
    }
}
