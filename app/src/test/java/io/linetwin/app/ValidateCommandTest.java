package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aValidFileExitsZero() {
        Cli cli = Cli.run(
                "validate", Scenarios.library().resolve("bottling-line.yaml").toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("valid");
    }

    @Test
    void printsEveryProblemWithItsPositionAndExits2() throws IOException {
        Path file = dir.resolve("two-problems.yaml");
        Files.writeString(file, """
                schema: linetwin/v1
                name: broken
                line:
                  stations:
                    - { id: m1, kind: machine, process: { dist: exponential, mean: fast } }
                    - { id: capper, kind: machine, process: { dist: constant, value: 1s } }
                  buffers: [ { id: b2, from: m1, to: cappr, capacity: 10 } ]
                """);

        Cli cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().toList())
                .containsExactly(
                        file
                                + ":5:68 stations.m1.process.mean: expected a duration like \"1.2s\", got \"fast\" [scenario.value.format]",
                        file
                                + ":7:38 buffers.b2.to: no station 'cappr'; did you mean 'capper'? [scenario.reference.unknown-station]",
                        "2 problems");
    }

    @Test
    void equipmentPlacedOnTheSameFloorIsAProblemAtItsLayoutEntry() throws IOException {
        Path file = dir.resolve("overlap.yaml");
        Files.writeString(file, """
                schema: linetwin/v1
                name: overlap
                line:
                  stations:
                    - { id: m1, kind: machine, process: { dist: constant, value: 1s } }
                    - { id: m2, kind: machine, process: { dist: constant, value: 1s } }
                  buffers: [ { id: b, from: m1, to: m2, capacity: 10 } ]
                  layout:
                    m1: { x: 0, z: 0 }
                    m2: { x: 2, z: 1 }
                """);

        Cli cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().toList())
                .containsExactly(
                        file + ":9:5 layout.m1: overlaps station m2 (m1 3.0 x 3.0 m at x 0.0, z 0.0 and 3.0 x 3.0 m at "
                                + "x 2.0, z 1.0) [scenario.layout.overlap]",
                        "1 problem");
    }

    @Test
    void everyLibraryScenarioHasAFloorPlanWithoutOverlaps() throws IOException {
        try (var files = Files.list(Scenarios.library())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Cli cli = Cli.run("validate", file.toString());

                assertThat(cli.exitCode()).as(file + ": " + cli.err()).isZero();
            }
        }
    }
}
