package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

final class ParameterCommandsTest {

    private static String modify(String thing, String feature, String property, JsonValue value) {
        return DittoMessages.toJson(DittoMessages.modifyProperty(ThingId.of(thing), feature, property, value, "c1"));
    }

    @Test
    void acceptsASpeedWithinLimitsAndRefusesTheRestWithAReason() throws Exception {
        LineSpec line = LineEmulatorTest.bottling();
        LineDescriptor things = LineDescriptors.of(line);
        ParameterCommands commands = new ParameterCommands(line, things);
        assertThat(commands.parse(modify("plant1:bottling.filler", "parameters", "speed", JsonValue.of(1.1)))
                .change()).contains(new ParameterChange("filler", "speed", 1.1));
        assertThat(commands.parse(modify("plant1:bottling.filler", "parameters", "speed", JsonValue.of(1.5)))
                .refusal()).contains("must lie in [0.6, 1.2]");
        assertThat(commands.parse(modify("plant1:bottling.capper", "parameters", "speed", JsonValue.of(0)))
                .refusal()).contains("speed must be > 0");
        assertThat(commands.parse(modify("plant1:bottling.capper", "parameters", "glue", JsonValue.of(2)))
                .refusal()).contains("has no parameter glue");
        assertThat(commands.parse(modify("plant1:bottling.filler", "status", "state", JsonValue.of("down")))
                .refusal()).contains("not adjustable");
        assertThat(commands.parse(modify("plant1:other.filler", "parameters", "speed", JsonValue.of(1.0)))
                .refusal()).contains("is not a station");
        assertThat(commands.parse("{ nope").refusal()).startsWith("not a Ditto Protocol message");
    }
}
