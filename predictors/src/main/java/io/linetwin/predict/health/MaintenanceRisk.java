package io.linetwin.predict.health;

import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.StationSpec;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.RunProgress;
import io.linetwin.sim.TraceListener;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Replications;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * What a machine's predicted failure costs the line, and when to maintain it, by simulation over a look-ahead
 * (the experiment's horizon, from the line's current state when one is given).
 *
 * <p>Per replication r the predicted time to failure {@code ttf_r} (operating seconds) is drawn from the
 * {@link TimeToFailure} on the replication's own stream, and three lines are simulated on the same random
 * numbers (common random numbers): the line as it is (no predicted failure), the line whose machine fails
 * after {@code ttf_r} of operation (a failure mode whose first failure is {@code ttf_r}; repair from
 * {@code repair}), and, for each candidate window {@code w}, the line where the machine is maintained from
 * {@code w} for {@code maintenanceSeconds} — which averts the predicted failure if it would come later.
 *
 * <p>Operating time only passes on shift: the machine is taken to work the same share {@code u} of its time on
 * shift as in the line as it is, so {@code ttf_r} falls at the calendar instant by which the line has been on
 * shift {@code ttf_r / u}; the same conversion turns operating-time probabilities into the calendar-time risks
 * reported. The maintenance is a planned stop of the machine from {@code w} for {@code maintenanceSeconds}: it
 * starts exactly at {@code w}, even on a machine under repair of its own failures then, and as the crew works
 * whether the line does or not, only the part of it on shift costs production, so a maintenance inside a break, a
 * night or a weekend loses nothing. Loss = good parts of the line as it is − good
 * parts of the line with the failure (or the maintenance), paired per replication.
 */
public final class MaintenanceRisk {

    /** Later failures of the predicted mode never come within any look-ahead. */
    private static final Distribution NEVER_AGAIN = new Distribution.Constant(1e15);

    private static final double HOUR = 3600;

    /**
     * The risk report of one machine: every candidate window with its loss, in the order given, and the cheapest;
     * no best window when no candidate loses less than the failure itself.
     */
    public record Report(
            String machine,
            double workingShare,
            double riskWithin8h,
            double riskWithin24h,
            double riskWithin7d,
            Estimate expectedLossParts,
            List<Window> windows,
            Optional<Window> bestWindow) {
        public Report {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(expectedLossParts, "expectedLossParts");
            windows = List.copyOf(windows);
            Objects.requireNonNull(bestWindow, "bestWindow");
        }
    }

    /** A candidate maintenance window and the loss it leaves (maintenance included). */
    public record Window(MaintenanceWindows.Candidate candidate, Estimate lossParts) {
        public Window {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(lossParts, "lossParts");
        }

        /** Seconds after the look-ahead's start. */
        public double startSeconds() {
            return candidate.startSeconds();
        }

        public MaintenanceWindows.Kind kind() {
            return candidate.kind();
        }
    }

    private final LineSpec line;
    private final ExperimentSpec experiment;
    private final Optional<LineState> start;
    private final int threads;
    private final WorkingTime workingTime;
    private final Replications.Progress progress;
    /** Each window simulated over the whole look-ahead (the slow reference), not branched at its start. */
    private final boolean wholeLookAhead;

    private List<ReplicationResult> asIs;
    private double[] asIsGood;

    public MaintenanceRisk(LineSpec line, ExperimentSpec experiment, Optional<LineState> start, int threads) {
        this(line, experiment, start, threads, Replications.Progress.NONE);
    }

    /**
     * As {@link #MaintenanceRisk(LineSpec, ExperimentSpec, Optional, int)}, telling {@code progress} of every batch
     * of replications: the line as it is, each machine failing, and each candidate window.
     */
    public MaintenanceRisk(
            LineSpec line,
            ExperimentSpec experiment,
            Optional<LineState> start,
            int threads,
            Replications.Progress progress) {
        this(line, experiment, start, threads, progress, false);
    }

    private MaintenanceRisk(
            LineSpec line,
            ExperimentSpec experiment,
            Optional<LineState> start,
            int threads,
            Replications.Progress progress,
            boolean wholeLookAhead) {
        this.wholeLookAhead = wholeLookAhead;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.line = Objects.requireNonNull(line, "line");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.start = Objects.requireNonNull(start, "start");
        this.threads = threads;
        this.workingTime = new WorkingTime(line.calendar(), lookAheadStartSecondsOfWeek(experiment, start));
    }

    /**
     * The same assessment with every window simulated from the look-ahead's start to its end, as before windows were
     * branched at their start: the reference the branched estimate is checked against, about three times slower.
     */
    public MaintenanceRisk simulatingWholeLookAhead() {
        return new MaintenanceRisk(line, experiment, start, threads, progress, true);
    }

    /** Where the look-ahead starts in the week (0 = Monday 00:00; may pass the first week). */
    public static double lookAheadStartSecondsOfWeek(ExperimentSpec experiment, Optional<LineState> start) {
        return experiment.startSecondsOfWeek()
                + start.map(LineState::clockSeconds).orElse(0.0);
    }

    /** One machine to assess: its predicted time to failure and how long repairing that failure takes. */
    public record Request(String machine, TimeToFailure timeToFailure, Distribution repair) {
        public Request {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(timeToFailure, "timeToFailure");
            Objects.requireNonNull(repair, "repair");
        }
    }

    /**
     * @param machine            a machine of the line
     * @param timeToFailure      its predicted time to failure, operating seconds from the look-ahead's start
     * @param repair             how long a repair of that failure takes
     * @param maintenanceSeconds how long a planned maintenance takes
     * @param windows            candidate maintenance windows
     */
    public Report assess(
            String machine,
            TimeToFailure timeToFailure,
            Distribution repair,
            double maintenanceSeconds,
            List<MaintenanceWindows.Candidate> windows) {
        return assess(List.of(new Request(machine, timeToFailure, repair)), maintenanceSeconds, windows)
                .get(0);
    }

    /**
     * Simulations {@link #assess(List, double, List)} runs for {@code machines} machines: the line as it is, each
     * machine failing, and each window whose maintenance stops the line (one that lies wholly in a stop of the line
     * needs none: per replication it is exactly the line as it is, or the failing line when the failure comes
     * first), each {@code replications} times; branched at their starts, a window's runs are short (see
     * {@link #branchedLosses}) after one chain of snapshots per replication.
     */
    public int simulations(int machines, List<MaintenanceWindows.Candidate> windows, double maintenanceSeconds) {
        int n = experiment.replications();
        if (wholeLookAhead) {
            long each = windows.stream()
                    .filter(w -> stopsTheLine(w.startSeconds(), maintenanceSeconds))
                    .count();
            return n * (1 + machines * (1 + (int) each));
        }
        long simulated = windows.stream()
                .mapToDouble(MaintenanceWindows.Candidate::startSeconds)
                .filter(w -> stopsTheLine(w, maintenanceSeconds))
                .distinct()
                .count();
        // The line as it is and the failures; the chain of snapshots; per window the line as it is and each machine.
        return n * (1 + machines) + (simulated == 0 ? 0 : n + n * (int) simulated * (1 + machines));
    }

    /** The distinct start times, in order, of the windows whose maintenance stops the line. */
    private double[] lineStoppingStarts(List<MaintenanceWindows.Candidate> windows, double maintenanceSeconds) {
        return windows.stream()
                .mapToDouble(MaintenanceWindows.Candidate::startSeconds)
                .filter(w -> stopsTheLine(w, maintenanceSeconds))
                .sorted()
                .distinct()
                .toArray();
    }

    /**
     * The batches {@link #assess(List, double, List)} runs, by the label it tells its progress, each with its number
     * of replications and the work of one relative to a run over the whole look-ahead (time on shift simulated), so
     * progress can follow the work rather than the count.
     */
    public Map<String, double[]> work(
            int machines, List<MaintenanceWindows.Candidate> windows, double maintenanceSeconds) {
        int n = experiment.replications();
        Map<String, double[]> work = new LinkedHashMap<>();
        work.put(firstBatch(machines, asIs == null), new double[] {n * ((asIs == null ? 1 : 0) + machines), 1});
        double[] starts = lineStoppingStarts(windows, maintenanceSeconds);
        if (starts.length == 0) {
            return work;
        }
        double whole = Math.max(workingTime.onShiftSeconds(experiment.horizonSeconds()), 1e-9);
        if (wholeLookAhead) {
            long each = windows.stream()
                    .filter(w -> stopsTheLine(w.startSeconds(), maintenanceSeconds))
                    .count();
            work.put(WINDOWS_BATCH, new double[] {n * machines * each, 1});
            return work;
        }
        double branches = 0;
        for (double w : starts) {
            branches += workingTime.onShiftSeconds(settledBy(w, maintenanceSeconds)) - workingTime.onShiftSeconds(w);
        }
        work.put(CHAIN_BATCH, new double[] {n, workingTime.onShiftSeconds(starts[starts.length - 1]) / whole});
        work.put(
                WINDOWS_BATCH,
                new double[] {n * starts.length * (1 + machines), Math.max(branches / starts.length / whole, 1e-6)});
        return work;
    }

    private static final String CHAIN_BATCH = "the line at each window's start";
    private static final String WINDOWS_BATCH = "the maintenance windows";

    private static String firstBatch(int machines, boolean withTheLineAsItIs) {
        return (withTheLineAsItIs ? "the line as it is and " : "")
                + (machines == 1 ? "the failure" : "the " + machines + " failures");
    }

    /**
     * Every machine's report, in the order asked. All simulations of a phase go to one pool (the line as it is and
     * the failures, then the windows, which need the machines' working shares), so no core idles between batches.
     */
    public List<Report> assess(
            List<Request> requests, double maintenanceSeconds, List<MaintenanceWindows.Candidate> windows) {
        int n = experiment.replications();
        List<StationSpec> stations = new ArrayList<>();
        List<double[]> ttf = new ArrayList<>();
        for (Request request : requests) {
            stations.add(line.station(request.machine())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "machine must be a station of line " + line.id() + ", got " + request.machine())));
            double[] t = new double[n];
            for (int r = 0; r < n; r++) {
                t[r] = request.timeToFailure().sample(predictionStream(request.machine(), r));
            }
            ttf.add(t);
        }
        boolean asIsKnown = asIs != null;
        List<IntFunction<LineSpec>> first = new ArrayList<>();
        if (!asIsKnown) {
            first.add(r -> line);
        }
        for (int m = 0; m < requests.size(); m++) {
            StationSpec station = stations.get(m);
            double[] t = ttf.get(m);
            Distribution repair = requests.get(m).repair();
            first.add(r -> withModes(station, predicted(t[r], repair)));
        }
        List<double[]> firstGood = runAll(firstBatch(requests.size(), !asIsKnown), first);
        if (!asIsKnown) {
            asIsGood = firstGood.remove(0);
        }
        double[] good = asIsGood;
        double[] shares = new double[requests.size()];
        double[] working = new double[requests.size()];
        for (int m = 0; m < requests.size(); m++) {
            String machine = requests.get(m).machine();
            shares[m] = asIs.stream()
                    .mapToDouble(res ->
                            res.station(machine).map(s -> s.states().working()).orElse(1.0))
                    .average()
                    .orElse(1.0);
            double onShiftShare = asIs.stream()
                    .mapToDouble(res -> res.station(machine)
                            .map(s -> 1 - s.states().offShift())
                            .orElse(1.0))
                    .average()
                    .orElse(1.0);
            working[m] = Math.max(shares[m] / Math.max(onShiftShare, 1e-6), 1e-6);
        }
        double[][][] windowLoss = wholeLookAhead
                ? wholeLookAheadLosses(requests, stations, working, ttf, maintenanceSeconds, windows)
                : branchedLosses(stations, working, ttf, firstGood, maintenanceSeconds, windows);
        List<Report> reports = new ArrayList<>();
        for (int m = 0; m < requests.size(); m++) {
            double u = working[m];
            double[] failed = firstGood.get(m);
            double[] t = ttf.get(m);
            Estimate loss = Estimate.of(difference(good, failed));
            List<Window> assessed = new ArrayList<>();
            Window best = null;
            for (int k = 0; k < windows.size(); k++) {
                MaintenanceWindows.Candidate candidate = windows.get(k);
                double[] lossParts = windowLoss[m][k];
                if (lossParts == null) {
                    // A maintenance wholly inside a stop changes nothing the engine sees: the line as it is, or the
                    // failing line where the failure comes before the window (the same replications, the same draws).
                    double[] maintained = new double[n];
                    for (int r = 0; r < n; r++) {
                        maintained[r] =
                                workingTime.afterOnShift(t[r] / u) < candidate.startSeconds() ? failed[r] : good[r];
                    }
                    lossParts = difference(good, maintained);
                }
                Window window = new Window(candidate, Estimate.of(lossParts));
                assessed.add(window);
                if (best == null || window.lossParts().mean() < best.lossParts().mean()) {
                    best = window;
                }
            }
            if (best != null && best.lossParts().mean() >= loss.mean()) {
                // Maintaining costs more than the failure it averts: running to failure is the better plan.
                best = null;
            }
            TimeToFailure timeToFailure = requests.get(m).timeToFailure();
            reports.add(new Report(
                    requests.get(m).machine(),
                    shares[m],
                    riskWithin(timeToFailure, u, 8 * HOUR),
                    riskWithin(timeToFailure, u, 24 * HOUR),
                    riskWithin(timeToFailure, u, 168 * HOUR),
                    loss,
                    assessed,
                    Optional.ofNullable(best)));
        }
        return reports;
    }

    /**
     * Loss per machine, window and replication with every window simulated over the whole look-ahead (null where the
     * maintenance lies wholly in a stop of the line): the reference {@link #branchedLosses} is checked against.
     */
    private double[][][] wholeLookAheadLosses(
            List<Request> requests,
            List<StationSpec> stations,
            double[] working,
            List<double[]> ttf,
            double maintenanceSeconds,
            List<MaintenanceWindows.Candidate> windows) {
        double[][][] losses = new double[requests.size()][windows.size()][];
        List<IntFunction<LineSpec>> lines = new ArrayList<>();
        List<int[]> index = new ArrayList<>();
        for (int m = 0; m < requests.size(); m++) {
            double u = working[m];
            StationSpec station = stations.get(m);
            double[] t = ttf.get(m);
            Distribution repair = requests.get(m).repair();
            for (int k = 0; k < windows.size(); k++) {
                double w = windows.get(k).startSeconds();
                if (!stopsTheLine(w, maintenanceSeconds)) {
                    continue;
                }
                lines.add(r -> {
                    List<FailureSpec> modes = new ArrayList<>();
                    if (workingTime.afterOnShift(t[r] / u) < w) {
                        modes.add(predicted(t[r], repair));
                    }
                    return maintained(station, w, maintenanceSeconds, modes.toArray(FailureSpec[]::new));
                });
                index.add(new int[] {m, k});
            }
        }
        if (lines.isEmpty()) {
            return losses;
        }
        List<double[]> good = runAll(WINDOWS_BATCH, lines);
        for (int i = 0; i < index.size(); i++) {
            losses[index.get(i)[0]][index.get(i)[1]] = difference(asIsGood, good.get(i));
        }
        return losses;
    }

    /**
     * Loss per machine, window and replication, simulating each window only from its start (null where the
     * maintenance lies wholly in a stop of the line).
     *
     * <p>Under common random numbers the maintained line is the line as it is (or the failing line, when the failure
     * comes first) up to the window, so only what follows differs. Per replication the line as it is is run once to
     * each window's start in turn (a chain of snapshots, the first on the replication's own path); from each snapshot
     * the line as it is and the maintained line run on the same random numbers until {@value #SETTLE_HOURS} h of time
     * on shift after the maintenance has ended, when the line has made up its buffers and the two differ only by
     * chance. The window's loss is that difference, plus the failure's own loss when the failure comes before the
     * window (the maintenance then no longer averts it).
     */
    private double[][][] branchedLosses(
            List<StationSpec> stations,
            double[] working,
            List<double[]> ttf,
            List<double[]> failedGood,
            double maintenanceSeconds,
            List<MaintenanceWindows.Candidate> windows) {
        int n = experiment.replications();
        int machines = stations.size();
        double[][][] losses = new double[machines][windows.size()][];
        double[] starts = lineStoppingStarts(windows, maintenanceSeconds);
        if (starts.length == 0) {
            return losses;
        }
        LineSimulation asItIs = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
        progress.started(CHAIN_BATCH, n);
        List<LineState[]> states = Replications.run(n, threads, r -> chain(asItIs, starts, r), progress);
        int lines = 1 + machines;
        int branches = starts.length * n * lines;
        progress.started(WINDOWS_BATCH, branches);
        // Branch b: window b / (n * lines), replication b / lines % n, line b % lines (0: as it is; m + 1: machine m
        // maintained at the window's start).
        List<ReplicationResult> results = Replications.run(
                branches,
                threads,
                b -> {
                    int k = b / (n * lines);
                    int r = b / lines % n;
                    int v = b % lines;
                    double w = starts[k];
                    LineSpec spec = v == 0 ? line : maintained(stations.get(v - 1), w, maintenanceSeconds);
                    return branch(
                            spec,
                            states.get(r)[k],
                            settledBy(w, maintenanceSeconds),
                            branchStream(r, k),
                            (replication, share) -> progress.advanced(b, share));
                },
                progress);
        for (int m = 0; m < machines; m++) {
            double u = working[m];
            double[] t = ttf.get(m);
            double[] failureLoss = difference(asIsGood, failedGood.get(m));
            for (int c = 0; c < windows.size(); c++) {
                double w = windows.get(c).startSeconds();
                int k = Arrays.binarySearch(starts, w);
                if (k < 0) {
                    continue;
                }
                double[] loss = new double[n];
                for (int r = 0; r < n; r++) {
                    int at = (k * n + r) * lines;
                    double effect = goodParts(results.get(at)) - goodParts(results.get(at + m + 1));
                    loss[r] = effect + (workingTime.afterOnShift(t[r] / u) < w ? failureLoss[r] : 0);
                }
                losses[m][c] = loss;
            }
        }
        return losses;
    }

    /** Hours on shift after a maintenance's end within which the line has made up for it. */
    static final double SETTLE_HOURS = 4;

    /** Where a branch from a window at {@code startSeconds} ends: see {@link #branchedLosses}. */
    private double settledBy(double startSeconds, double maintenanceSeconds) {
        double end = startSeconds + maintenanceSeconds;
        double settled = workingTime.alwaysWorking()
                ? end + SETTLE_HOURS * HOUR
                : workingTime.afterOnShift(workingTime.onShiftSeconds(end) + SETTLE_HOURS * HOUR);
        return Math.min(experiment.horizonSeconds(), Math.max(end, settled));
    }

    /**
     * The line as it is at each start (sorted, distinct), in replication {@code r}, after everything at that instant;
     * the maintenance's planned stop, due at the very instant the branch's warm start begins, begins then; null for a
     * start at the look-ahead's beginning without a state (a cold start).
     */
    LineState[] chain(LineSimulation asItIs, double[] starts, int r) {
        LineState[] states = new LineState[starts.length];
        LineState at = start.orElse(null);
        double reached = 0;
        for (int k = 0; k < starts.length; k++) {
            double until = starts[k];
            if (until > reached) {
                // The first stretch runs on the replication's own streams, as the line as it is did; later ones on
                // streams of their own, so no stretch replays another's draws.
                int stream = reached == 0 ? r : branchStream(r, k);
                at = at == null
                        ? asItIs.snapshot(until, experiment.seed(), stream, Instant.EPOCH)
                        : asItIs.snapshot(at, until - reached, experiment.seed(), stream, Instant.EPOCH);
                reached = until;
            }
            states[k] = at;
        }
        return states;
    }

    /**
     * Runs {@code spec} from {@code state} (null: a cold start at the look-ahead's beginning) until {@code end}
     * seconds after the look-ahead's start, on streams {@code stream}.
     */
    ReplicationResult branch(LineSpec spec, LineState state, double end, int stream, RunProgress listener) {
        return branch(spec, state, end, stream, listener, null);
    }

    ReplicationResult branch(
            LineSpec spec, LineState state, double end, int stream, RunProgress listener, TraceListener trace) {
        LineSimulation simulation = new LineSimulation(spec)
                .startingAt(experiment.startSecondsOfWeek())
                .reportingTo(listener);
        if (state == null) {
            return simulation.run(0, end, experiment.seed(), stream, trace);
        }
        double lookAheadStart = start.map(LineState::clockSeconds).orElse(0.0);
        double span = end - (state.clockSeconds() - lookAheadStart);
        return simulation.run(state, 0, span, experiment.seed(), stream, trace);
    }

    /** Streams of replication {@code r}'s branches at window {@code k}, apart from every replication's own. */
    private int branchStream(int r, int k) {
        return r + experiment.replications() * (k + 1);
    }

    /** Good parts of every replication of every line given, all in one pool. */
    private List<double[]> runAll(String label, List<IntFunction<LineSpec>> lines) {
        int n = experiment.replications();
        progress.started(label, n * lines.size());
        List<ReplicationResult> results = Replications.run(
                n * lines.size(),
                threads,
                i -> {
                    LineSimulation simulation = new LineSimulation(
                                    lines.get(i / n).apply(i % n))
                            .startingAt(experiment.startSecondsOfWeek())
                            .reportingTo((replication, share) -> progress.advanced(i, share));
                    return start.isPresent()
                            ? simulation.run(start.get(), 0, experiment.horizonSeconds(), experiment.seed(), i % n)
                            : simulation.run(0, experiment.horizonSeconds(), experiment.seed(), i % n);
                },
                progress);
        if (asIs == null) {
            asIs = results.subList(0, n);
        }
        List<double[]> good = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            good.add(goodParts(results.subList(l * n, (l + 1) * n)));
        }
        return good;
    }

    /**
     * P(failure within {@code calendarSeconds} of the look-ahead's start) for a machine that works {@code u} of its
     * on-shift time: the curve the 8 h / 24 h / 7 d risks of a {@link Report} are points of.
     */
    public double riskWithin(TimeToFailure timeToFailure, double u, double calendarSeconds) {
        return timeToFailure.probabilityWithin(u * workingTime.onShiftSeconds(calendarSeconds));
    }

    private LineSpec withModes(StationSpec station, FailureSpec... added) {
        List<FailureSpec> modes = new ArrayList<>(station.failures());
        modes.addAll(List.of(added));
        return line.withStation(station.withFailures(modes));
    }

    private static FailureSpec predicted(double operatingSeconds, Distribution repair) {
        return new FailureSpec(
                "predicted",
                NEVER_AGAIN,
                repair,
                FailureBasis.OPERATING,
                Optional.of(new Distribution.Constant(operatingSeconds)));
    }

    /** Whether a maintenance from {@code startSeconds} reaches into the line's working time at all. */
    private boolean stopsTheLine(double startSeconds, double durationSeconds) {
        return workingTime.nextWorking(startSeconds) < startSeconds + durationSeconds;
    }

    /**
     * The line whose {@code station} is maintained from {@code startSeconds} after the look-ahead's start for
     * {@code durationSeconds}: a planned stop at that instant, which the engine starts exactly then whatever the
     * machine's own failures do (the part of it off shift loses nothing), with the failure modes {@code added}.
     */
    LineSpec maintained(StationSpec station, double startSeconds, double durationSeconds, FailureSpec... added) {
        double lookAheadStart = start.map(LineState::clockSeconds).orElse(0.0);
        List<PlannedStop> stops = new ArrayList<>(station.plannedStops());
        stops.add(new PlannedStop(
                freeName(station, "maintenance"),
                new PlannedStop.At(lookAheadStart + startSeconds),
                durationSeconds,
                false));
        LineSpec withFailures = withModes(station, added);
        return withFailures.withStation(
                withFailures.station(station.id()).orElseThrow().withPlannedStops(stops));
    }

    /** {@code name}, or with a number after it where the station already names a failure or stop so. */
    private static String freeName(StationSpec station, String name) {
        Set<String> taken = new HashSet<>();
        station.failures().forEach(f -> taken.add(f.name()));
        station.plannedStops().forEach(p -> taken.add(p.name()));
        String free = name;
        for (int i = 2; taken.contains(free); i++) {
            free = name + "-" + i;
        }
        return free;
    }

    private static double goodParts(ReplicationResult result) {
        return result.throughputPerHour() * result.horizonSeconds() / HOUR;
    }

    private static double[] goodParts(List<ReplicationResult> results) {
        return results.stream()
                .mapToDouble(r -> r.throughputPerHour() * r.horizonSeconds() / HOUR)
                .toArray();
    }

    private static double[] difference(double[] baseline, double[] changed) {
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = baseline[i] - changed[i];
        }
        return d;
    }

    /** The prediction's own stream: fixed by seed, replication and machine, apart from the line's streams. */
    private MersenneTwister predictionStream(String machine, int replication) {
        long seed = experiment.seed();
        int name = Arrays.hashCode(machine.getBytes(StandardCharsets.UTF_8));
        return new MersenneTwister(new int[] {(int) seed, (int) (seed >>> 32), replication, name, 0x4845414c});
    }
}
