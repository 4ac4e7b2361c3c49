package io.linetwin.sim;

import io.linetwin.model.LineSpec;
import java.util.List;
import java.util.stream.IntStream;

/** Independent replications of a line, run in parallel (results do not depend on the order). */
final class Runs {

    private Runs() {}

    static List<ReplicationResult> replicate(
            LineSpec line, double warmupSeconds, double horizonSeconds, long seed, int replications) {
        LineSimulation simulation = new LineSimulation(line);
        return IntStream.range(0, replications)
                .parallel()
                .mapToObj(r -> simulation.run(warmupSeconds, horizonSeconds, seed, r))
                .toList();
    }
}
