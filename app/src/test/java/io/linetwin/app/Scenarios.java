package io.linetwin.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's scenario library is, seen from the app module's tests, and small scenario files. */
final class Scenarios {

    private Scenarios() {}

    static Path library() {
        Path fromModule = Path.of("..", "scenarios");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("scenarios");
    }

    /** One machine of 2 h per part watched for 1 h: no part leaves the line, so there is no lead time. */
    static Path withoutOutput(Path dir, int replications) throws IOException {
        Path scenario = dir.resolve("slow.yaml");
        Files.writeString(scenario, """
                schema: linetwin/v1
                name: slow
                line:
                  stations: [ { id: m, kind: machine, process: 2h } ]
                experiment: { horizon: 1h, replications: %d }
                """.formatted(replications));
        return scenario;
    }
}
