package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's property: {@code validate} exits 0 exactly when {@code run} accepts the file. Random lines are
 * generated around the shapes where the two used to disagree (unlimited supply into unlimited buffers, sinks and
 * conveyors, zero-time stations, loops with and without quality gates, sources that feed nothing, arrivals every
 * 0 s) and both commands run on each: when validate refuses a file, run refuses it with the same problems; when
 * validate accepts it, run finishes (exit 0), or reports a deadlock of a rework loop, which is an outcome of the
 * random draws rather than of the file.
 */
final class ValidateRunAgreementTest {

    private static final int CASES = 200;

    @TempDir
    Path dir;

    @Test
    void validateAcceptsExactlyWhatRunAccepts() throws IOException {
        Random random = new Random(20261205L);
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            Path file = Files.writeString(dir.resolve("line-" + i + ".yaml"), randomLine(random));

            Cli validate = Cli.run("validate", file.toString());
            Cli run = Cli.run("run", file.toString(), "--threads", "1");

            String context = file + "\n" + readQuietly(file) + "\nvalidate: " + validate.err() + "\nrun: " + run.err();
            assertThat(validate.exitCode()).as(context).isIn(0, 2);
            assertThat(run.err()).as(context).doesNotContain("Exception").doesNotContain("linetwin: failed");
            if (validate.exitCode() == 2) {
                List<String> problems = validate.err().lines().toList();
                assertThat(run.exitCode()).as(context).isEqualTo(2);
                assertThat(run.err().lines().toList())
                        .as(context)
                        .containsExactlyElementsOf(problems.subList(0, problems.size() - 1));
            } else {
                valid++;
                assertThat(run.exitCode() == 0 || run.err().startsWith("linetwin: the line deadlocked at "))
                        .as(context)
                        .isTrue();
            }
        }
        // Both sides of the property are exercised.
        assertThat(valid).isBetween(CASES / 5, CASES * 4 / 5);
    }

    /**
     * Sources, then a chain of machines (some zero-time, some with servers), maybe a sink; links are buffers of
     * random capacity (0, 3, unlimited) or conveyors; sometimes a quality gate sends rework back, sometimes a
     * loop has no gate, sometimes a link is missing.
     */
    private static String randomLine(Random random) {
        StringBuilder stations = new StringBuilder();
        StringBuilder buffers = new StringBuilder();
        StringBuilder conveyors = new StringBuilder();
        boolean unlimited = random.nextBoolean();
        String arrival = random.nextInt(8) == 0 ? "0s" : "{ dist: exponential, mean: 1.5s }";
        stations.append("    - { id: src, kind: source, ")
                .append(unlimited ? "supply: unlimited" : "interarrival: " + arrival)
                .append(" }\n");
        int machines = 1 + random.nextInt(4);
        List<String> chain = new ArrayList<>(List.of("src"));
        int gate = random.nextInt(3) == 0 && machines >= 2 ? machines : -1;
        for (int m = 1; m <= machines; m++) {
            String process =
                    random.nextInt(4) == 0 ? "0s" : random.nextBoolean() ? "1s" : "{ dist: exponential, mean: 1s }";
            String servers = random.nextInt(4) == 0 ? ", servers: 2" : "";
            String routes = m == gate ? ", routes: [ { to: fwd, share: 0.8 }, { to: back, share: 0.2 } ]" : "";
            stations.append("    - { id: m")
                    .append(m)
                    .append(", kind: machine, process: ")
                    .append(process)
                    .append(servers)
                    .append(routes)
                    .append(" }\n");
            chain.add("m" + m);
        }
        if (random.nextInt(3) > 0) {
            stations.append("    - { id: out, kind: sink }\n");
            chain.add("out");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (random.nextInt(12) == 0) {
                continue;
            }
            String from = chain.get(i);
            String to = chain.get(i + 1);
            String id = from.equals("m" + gate) ? "fwd" : "l" + i;
            if (!id.equals("fwd") && random.nextInt(5) == 0) {
                conveyors
                        .append("    - { id: ")
                        .append(id)
                        .append(", from: ")
                        .append(from)
                        .append(", to: ")
                        .append(to)
                        .append(", length: 4m, speed: 1m/s, capacity: 4 }\n");
            } else {
                String capacity = switch (random.nextInt(4)) {
                    case 0 -> "0";
                    case 1 -> "unlimited";
                    default -> "3";
                };
                buffers.append("    - { id: ")
                        .append(id)
                        .append(", from: ")
                        .append(from)
                        .append(", to: ")
                        .append(to)
                        .append(", capacity: ")
                        .append(capacity)
                        .append(" }\n");
            }
        }
        if (gate > 0) {
            if (!chain.get(chain.size() - 1).equals("m" + gate)) {
                // The gate's forward route needs a link; the chain already made it as 'fwd'.
            } else {
                stations.append("    - { id: done, kind: sink }\n");
                buffers.append("    - { id: fwd, from: m").append(gate).append(", to: done, capacity: 3 }\n");
            }
            buffers.append("    - { id: back, from: m").append(gate).append(", to: m1, capacity: 10 }\n");
        } else if (machines >= 2 && random.nextInt(8) == 0) {
            buffers.append("    - { id: loop, from: m").append(machines).append(", to: m1, capacity: 3 }\n");
        }
        return "schema: linetwin/v1\nname: random\nline:\n  stations:\n" + stations
                + (buffers.length() > 0 ? "  buffers:\n" + buffers : "")
                + (conveyors.length() > 0 ? "  conveyors:\n" + conveyors : "")
                + "experiment: { horizon: 1h, replications: 2, seed: " + random.nextInt(1000) + " }\n";
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
