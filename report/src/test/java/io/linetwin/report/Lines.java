package io.linetwin.report;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenarios for report tests: the library's, and a small line with every kind of link. */
final class Lines {

    private Lines() {}

    static Path library(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scenarios"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no scenarios folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("scenarios").resolve(file);
    }

    static Scenario load(String file) {
        try {
            return ScenarioLoader.load(library(file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line with a failing machine, a buffer, a conveyor and no description (so no English text of its own). */
    static Scenario cell() {
        try {
            return ScenarioLoader.parse("""
                    schema: linetwin/v1
                    name: cell
                    line:
                      stations:
                        - { id: m1, kind: machine, process: { dist: exponential, mean: 10s },
                            failures: [ { name: jam, mtbf: { dist: exponential, mean: 1h }, mttr: { dist: exponential, mean: 5m } } ] }
                        - { id: m2, kind: machine, process: { dist: exponential, mean: 9s } }
                        - { id: m3, kind: machine, process: { dist: constant, value: 8s } }
                      buffers:
                        - { id: b1, from: m1, to: m2, capacity: 5 }
                      conveyors: [ { id: c1, from: m2, to: m3, length: 4m, speed: 0.5m/s, capacity: 8 } ]
                    experiment: { horizon: 8h, warmup: 1h, replications: 3, seed: 11 }
                    variants:
                      - { name: bigger, set: { buffers.b1.capacity: 20 } }
                      - { name: smaller, set: { buffers.b1.capacity: 1 } }
                    """, "cell.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
