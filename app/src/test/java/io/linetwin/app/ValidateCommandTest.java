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
        Cli cli = Cli.run("validate", Scenarios.library().resolve("bottling-line.yaml").toString());

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
        assertThat(cli.err().lines().toList()).containsExactly(
                file + ":5:68 stations.m1.process.mean: expected a duration like \"1.2s\", got \"fast\"",
                file + ":7:38 buffers.b2.to: no station 'cappr'; did you mean 'capper'?",
                "2 problems");
    }
}
