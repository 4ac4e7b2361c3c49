package io.linetwin.sim;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Small lines for tests, built straight from the model records. */
final class Lines {

    private Lines() {}

    static Distribution exponential(double meanSeconds) {
        return new Distribution.Exponential(meanSeconds);
    }

    static Distribution constant(double seconds) {
        return new Distribution.Constant(seconds);
    }

    static FailureSpec failure(String name, double mtbfSeconds, double mttrSeconds, FailureBasis basis) {
        return new FailureSpec(name, exponential(mtbfSeconds), exponential(mttrSeconds), basis);
    }

    static BufferSpec buffer(String from, String to, int capacity) {
        return new BufferSpec("b-" + from + "-" + to, from, to, capacity);
    }

    /** Stations in a chain, joined by buffers of the given capacities (one fewer than stations). */
    static LineSpec chain(List<StationSpec> stations, int... capacities) {
        return chain(List.of(), stations, capacities);
    }

    /** A chain whose stations consume the given materials. */
    static LineSpec chain(List<MaterialSpec> materials, List<StationSpec> stations, int... capacities) {
        List<BufferSpec> buffers = new ArrayList<>();
        for (int i = 0; i + 1 < stations.size(); i++) {
            buffers.add(buffer(stations.get(i).id(), stations.get(i + 1).id(), capacities[i]));
        }
        return LineSpec.builder("test:line")
                .stations(stations)
                .buffers(buffers)
                .materials(materials)
                .build();
    }

    /** M/M/1: Poisson arrivals every {@code interarrival} s on average, exponential service, unlimited queue. */
    static LineSpec mm1(double interarrivalSeconds, double serviceSeconds) {
        return chain(
                List.of(
                        StationSpec.source("in", Optional.of(exponential(interarrivalSeconds)), OnFull.BLOCK),
                        StationSpec.machine("m", exponential(serviceSeconds)),
                        StationSpec.sink("out")),
                BufferSpec.UNLIMITED,
                BufferSpec.UNLIMITED);
    }

    /** A Jackson tandem line: Poisson arrivals, exponential machines, unlimited buffers. */
    static LineSpec jackson(double interarrivalSeconds, double... serviceSeconds) {
        List<StationSpec> stations = new ArrayList<>();
        stations.add(StationSpec.source("in", Optional.of(exponential(interarrivalSeconds)), OnFull.BLOCK));
        for (int i = 0; i < serviceSeconds.length; i++) {
            stations.add(StationSpec.machine("m" + (i + 1), exponential(serviceSeconds[i])));
        }
        stations.add(StationSpec.sink("out"));
        int[] capacities = new int[stations.size() - 1];
        Arrays.fill(capacities, BufferSpec.UNLIMITED);
        return chain(stations, capacities);
    }

    /** Two machines, the first never starved and the last never blocked, with a buffer between. */
    static LineSpec twoMachines(StationSpec first, StationSpec second, int capacity) {
        return chain(List.of(first, second), capacity);
    }

    /** The benchmark line: five exponential machines (mean 1 s), buffers of 10, operating failures 100 s / 10 s. */
    static LineSpec benchmark() {
        List<StationSpec> stations = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stations.add(StationSpec.machine("m" + i, exponential(1.0))
                    .withFailures(List.of(failure("jam", 100, 10, FailureBasis.OPERATING))));
        }
        return chain(stations, 10, 10, 10, 10);
    }
}
