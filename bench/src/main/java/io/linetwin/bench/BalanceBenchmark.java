package io.linetwin.bench;

import io.linetwin.model.LineSpec;
import io.linetwin.predict.balance.BalanceAnalysis;
import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.BalanceTruth;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.Measurement;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.predict.balance.Reconciler;
import io.linetwin.predict.balance.Reconciliation;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: how long a material balance takes. Networks: a generated serial line of {@code stages} machines and
 * buffers with two products (every sixth station an assembly consuming a material), about 1,000 streams at 35
 * stages, and library scenarios. True flows from a one-day run of the line; 70 % of the streams measured (drawn
 * with a fixed seed) with 1 % noise. Times one reconciliation ({@link Reconciler}) and one full analysis with
 * serial elimination ({@link BalanceAnalysis}, on data with one planted 5-sd gross error, so it reconciles twice
 * or more), fresh noise each round.
 *
 * <p>Usage: {@code BalanceBenchmark warm ROUNDS NETWORK...} or {@code BalanceBenchmark cold NETWORK}, a network
 * being {@code generated:STAGES} or a scenario file.
 */
public final class BalanceBenchmark {

    private static long startedMillis;

    private BalanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        startedMillis = System.currentTimeMillis();
        boolean warm = args[0].equals("warm");
        int rounds = warm ? Integer.parseInt(args[1]) : 1;
        List<String> networks = Arrays.asList(args).subList(warm ? 2 : 1, args.length);
        System.out.printf(
                Locale.ROOT,
                "%-32s %7s %6s %8s %5s %8s   %s%n",
                "network",
                "streams",
                "constr",
                "measured",
                "dof",
                "build",
                warm
                        ? "reconcile ms (median / p90 / min) · analysis ms (median / p90 / min)"
                        : "reconcile ms · analysis ms (first, cold)");
        for (String name : networks) {
            long t0 = System.nanoTime();
            LineSpec line = line(name);
            long t1 = System.nanoTime();
            FlowNetwork network = FlowNetwork.of(line);
            long t2 = System.nanoTime();
            double[] truth = BalanceTruth.of(network, new LineSimulation(line).run(0, 86_400, 1, 0));
            long t3 = System.nanoTime();
            double loadMs = (t1 - t0) / 1e6;
            double buildMs = (t2 - t1) / 1e6;
            double truthMs = (t3 - t2) / 1e6;
            boolean[] measured = plan(network, new Random(7));
            int planted = plantable(network, truth, measured);
            int warmUp = warm ? Math.max(20, rounds) : 0;
            double[] reconcile = new double[rounds];
            double[] analysis = new double[rounds];
            int dof = 0;
            int found = 0;
            for (int round = -warmUp; round < rounds; round++) {
                Random noise = new Random(1000L + round + warmUp);
                MeasurementSet clean = measure(network, truth, measured, noise, -1);
                MeasurementSet faulty = measure(network, truth, measured, noise, planted);
                long a = System.nanoTime();
                Reconciliation r = Reconciler.reconcile(clean);
                long b = System.nanoTime();
                BalanceReport report = BalanceAnalysis.run(faulty, 0.05);
                long c = System.nanoTime();
                dof = r.degreesOfFreedom();
                if (round >= 0) {
                    reconcile[round] = (b - a) / 1e6;
                    analysis[round] = (c - b) / 1e6;
                    if (report.suspected(network.stream(planted).id())) {
                        found++;
                    }
                }
            }
            int count = 0;
            for (boolean m : measured) {
                count += m ? 1 : 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %7d %6d %8d %5d %6.1fms   %s · %s   (5-sd error on %s found %d/%d)%n",
                    label(name),
                    network.size(),
                    network.constraints().size(),
                    count,
                    dof,
                    buildMs,
                    stats(reconcile, warm),
                    stats(analysis, warm),
                    network.stream(planted).id(),
                    found,
                    rounds);
            if (!warm) {
                double jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(
                        Locale.ROOT,
                        "  JVM start to main %.0f ms; scenario load %.0f ms; network %.0f ms; "
                                + "first reconciliation %.0f ms; first analysis %.0f ms (the one-day simulation that makes the "
                                + "true flows, %.0f ms, is not part of a balance)%n",
                        startedMillis - jvm,
                        loadMs,
                        buildMs,
                        reconcile[0],
                        analysis[0],
                        truthMs);
            }
        }
    }

    private static String label(String name) {
        return name.startsWith("generated:")
                ? "generated serial line, " + name.substring(10) + " stages"
                : Path.of(name).getFileName().toString();
    }

    private static String stats(double[] ms, boolean warm) {
        if (!warm) {
            return String.format(Locale.ROOT, "%.1f", ms[0]);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f",
                sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)],
                sorted[0]);
    }

    private static LineSpec line(String name) throws Exception {
        if (!name.startsWith("generated:")) {
            return ScenarioLoader.load(Path.of(name)).line();
        }
        Path file = Files.createTempFile("balance-generated", ".yaml");
        try {
            Files.writeString(file, generated(Integer.parseInt(name.substring("generated:".length()))));
            return ScenarioLoader.load(file).line();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A source, {@code stages} stations (every sixth an assembly of two parts and a kit), buffers, a sink. */
    static String generated(int stages) {
        StringBuilder yaml = new StringBuilder("""
                schema: linetwin/v1
                name: generated
                line:
                  products: [ { id: a, mix: 0.6 }, { id: b, mix: 0.4 } ]
                  materials: [ { id: kit, initial: 1000000 } ]
                  stations:
                    - { id: src, kind: source, supply: unlimited }
                """);
        StringBuilder buffers = new StringBuilder("  buffers:\n");
        String previous = "src";
        for (int s = 1; s <= stages; s++) {
            String id = "m" + s;
            String buffer = "b" + s;
            buffers.append("    - { id: ")
                    .append(buffer)
                    .append(", from: ")
                    .append(previous)
                    .append(", to: ")
                    .append(id)
                    .append(", capacity: 20 }\n");
            if (s % 6 == 0) {
                yaml.append("    - { id: ")
                        .append(id)
                        .append(", kind: assembly, inputs: { ")
                        .append(buffer)
                        .append(
                                ": 2 }, process: { dist: exponential, mean: 1s }, scrap: 0.01, consumes: { kit: 1 } }\n");
            } else {
                yaml.append("    - { id: ")
                        .append(id)
                        .append(", kind: machine, process: { dist: exponential, mean: " + "0.5s }, scrap: 0.01 }\n");
            }
            previous = id;
        }
        yaml.append("    - { id: out, kind: sink }\n");
        buffers.append("    - { id: b-out, from: ").append(previous).append(", to: out, capacity: 20 }\n");
        return yaml.append(buffers)
                .append("experiment: { horizon: 1d, replications: 1, seed: 1 }\n")
                .toString();
    }

    private static boolean[] plan(FlowNetwork network, Random random) {
        boolean[] measured = new boolean[network.size()];
        for (int v = 0; v < measured.length; v++) {
            measured[v] = random.nextDouble() < 0.7;
        }
        return measured;
    }

    /** The measured stream with the largest redundancy: where a planted error is surely found. */
    private static int plantable(FlowNetwork network, double[] truth, boolean[] measured) {
        Reconciliation r = Reconciler.reconcile(measure(network, truth, measured, new Random(1), -1));
        int best = -1;
        for (int v = 0; v < measured.length; v++) {
            if (measured[v] && (best < 0 || r.redundancy(v) > r.redundancy(best))) {
                best = v;
            }
        }
        return best;
    }

    private static MeasurementSet measure(
            FlowNetwork network, double[] truth, boolean[] measured, Random noise, int planted) {
        List<Measurement> list = new ArrayList<>();
        for (int v = 0; v < measured.length; v++) {
            if (measured[v]) {
                double sd = 0.01 * Math.max(Math.abs(truth[v]), 1);
                list.add(new Measurement(
                        network.stream(v).id(),
                        truth[v] + noise.nextGaussian() * sd + (v == planted ? 5 * sd : 0),
                        sd));
            }
        }
        return MeasurementSet.of(network, list);
    }
}
