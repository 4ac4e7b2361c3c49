package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code health monitor} refuses before it connects: one line naming the problem, exit 2. */
final class HealthMonitorCommandTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                HealthMonitorCommandTest.class.getResource("/health/" + name).toURI());
    }

    /**
     * A model that ships: the press line's press, which reads vibration and current. These tests check what the
     * command refuses, not what a model predicts, so any real model will do.
     */
    private static Path pressModel() {
        return Scenarios.library()
                .resolveSibling("assets")
                .resolve("models")
                .resolve("press-line")
                .resolve("press")
                .toAbsolutePath()
                .normalize();
    }

    private static Cli monitor(String... more) throws URISyntaxException {
        String[] base = {"health", "monitor", resource("wear-line.yaml").toString(), "--kafka", "127.0.0.1:1"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void aMistypedMachineIsNamedWithTheNearestOne() throws Exception {
        Cli cli = monitor("--model", "spindel=" + pressModel());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("--model spindel=" + pressModel() + ": no machine with "
                        + "sensors or kind 'spindel'; did you mean 'spindle'? (machines with sensors: spindle, deburr; kinds: "
                        + "machine, assembly)");
    }

    @Test
    void withoutAnyModelThereIsNothingToWatch() throws Exception {
        Cli cli = monitor();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).contains("spindle: no model, not watched", "deburr: no model, not watched");
        assertThat(cli.err()).contains("no machine to watch: no station with sensors has a model");
    }

    @Test
    void aModelInputNoSensorFeedsIsRefusedWithTheMappingThatWouldFixIt() throws Exception {
        Cli cli = monitor("--model", "spindle=" + pressModel());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("spindle: the model in " + pressModel() + " reads sensor "
                        + "'current', but spindle has temperature, vibration; map it in --mapping (machines: {spindle: "
                        + "{sensors: {current: TWIN_SENSOR}}})");

        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(
                mapping,
                "machines:\n  spindle:\n    model: " + pressModel() + "\n    sensors: { current: temperature }\n");
        Cli mapped = monitor("--mapping", mapping.toString());
        // Mapped, the model is fine: what fails now is the broker, which is not there.
        assertThat(mapped.exitCode()).as(mapped.err()).isEqualTo(1);
        assertThat(mapped.err()).contains("no Kafka broker at 127.0.0.1:1");
    }

    @Test
    void aMappingFileIsCheckedKeyByKey() throws Exception {
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "machines:\n  spindle:\n    modle: x\n");
        assertThat(monitor("--mapping", mapping.toString()).err().strip())
                .isEqualTo(mapping + ": machines.spindle.modle: unknown key (model, sensors, secondsPerCycle)");

        Files.writeString(mapping, "machines:\n  spindl: { model: x }\n");
        assertThat(monitor("--mapping", mapping.toString()).err().strip())
                .isEqualTo(mapping + ": machines.spindl: no "
                        + "machine with sensors of that id in the scenario; did you mean 'spindle'? (spindle, deburr)");

        Files.writeString(mapping, "machines:\n  spindle: { model: x, secondsPerCycle: -5 }\n");
        assertThat(monitor("--mapping", mapping.toString()).err().strip())
                .isEqualTo(mapping + ": machines.spindle.secondsPerCycle: expected a number of seconds > 0, got -5");

        Files.writeString(mapping, "machines: [\n");
        Cli cli = monitor("--mapping", mapping.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(mapping + ":").contains("not YAML");
    }

    @Test
    void aFolderThatHoldsNoModelIsBadInputNamingIt() throws Exception {
        Cli cli = monitor("--model", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("spindle: model folder must contain health-model.json, got none in " + dir);
    }

    @Test
    void withoutABrokerItSaysSoInOneLine() throws Exception {
        // The press line's press has a shipped model, found without --model.
        Cli cli = Cli.run(
                "health",
                "monitor",
                Scenarios.library().resolve("press-line.yaml").toString(),
                "--kafka",
                "127.0.0.1:1",
                "--threshold",
                "0.7");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).contains("no Kafka broker at 127.0.0.1:1");
        assertThat(monitor("--threshold", "1.5").err())
                .contains("--threshold: expected a probability in (0, 1], " + "got 1.5");
    }
}
