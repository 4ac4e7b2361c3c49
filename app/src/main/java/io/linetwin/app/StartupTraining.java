package io.linetwin.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The launcher's training run for the JVM's class-data archive (AppCDS on Java 17, the AOT cache on Java 25):
 * the commands users start most, run once in one JVM so the archive holds their classes (and, on Java 25, the
 * simulation's method profiles). Results are thrown away; the archive only changes how fast classes load.
 * Usage: {@code StartupTraining SCENARIO_DIR}.
 */
final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path scenarios = Path.of(args.length > 0 ? args[0] : "scenarios");
        Path json = Files.createTempFile("linetwin-training", ".json");
        try {
            for (List<String> command : commands(scenarios, json)) {
                CommandLine commandLine = Main.commandLine(command.toArray(String[]::new));
                commandLine.setOut(new PrintWriter(Writer.nullWriter()));
                commandLine.setErr(new PrintWriter(Writer.nullWriter()));
                commandLine.execute(command.toArray(String[]::new));
            }
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private static List<List<String>> commands(Path scenarios, Path json) {
        String line = scenarios.resolve("automotive-body.yaml").toString();
        return List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("validate", scenarios.resolve("bottling-line.yaml").toString()),
                List.of("validate", line),
                List.of(
                        "run",
                        line,
                        "--horizon",
                        "60d",
                        "--warmup",
                        "0s",
                        "--replications",
                        "2",
                        "--threads",
                        "2",
                        "--json",
                        json.toString()),
                List.of(
                        "run",
                        scenarios.resolve("textbook-two-machine.yaml").toString(),
                        "--horizon",
                        "7d",
                        "--replications",
                        "2",
                        "--threads",
                        "1"));
    }
}
