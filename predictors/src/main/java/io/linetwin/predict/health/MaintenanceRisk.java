package io.linetwin.predict.health;

import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationSpec;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Replications;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * reported. The maintenance crew works whether the line does or not: only the part of the maintenance on shift
 * stops the machine (a failure mode due when that part begins, repaired when the maintenance ends), so a
 * maintenance inside a break, a night or a weekend loses nothing. Loss = good parts of the line as it is − good
 * parts of the line with the failure (or the maintenance), paired per replication.
 */
public final class MaintenanceRisk {

    /** Later failures of the added modes never come within any look-ahead. */
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
    private List<ReplicationResult> asIs;

    public MaintenanceRisk(LineSpec line, ExperimentSpec experiment, Optional<LineState> start, int threads) {
        this(line, experiment, start, threads, Replications.Progress.NONE);
    }

    /**
     * As {@link #MaintenanceRisk(LineSpec, ExperimentSpec, Optional, int)}, telling {@code progress} of every batch
     * of replications: the line as it is, each machine failing, and each candidate window.
     */
    public MaintenanceRisk(LineSpec line, ExperimentSpec experiment, Optional<LineState> start, int threads,
            Replications.Progress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.line = Objects.requireNonNull(line, "line");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.start = Objects.requireNonNull(start, "start");
        this.threads = threads;
        this.workingTime = new WorkingTime(line.calendar(), lookAheadStartSecondsOfWeek(experiment, start));
    }

    /** Where the look-ahead starts in the week (0 = Monday 00:00; may pass the first week). */
    public static double lookAheadStartSecondsOfWeek(ExperimentSpec experiment, Optional<LineState> start) {
        return experiment.startSecondsOfWeek() + start.map(LineState::clockSeconds).orElse(0.0);
    }

    /**
     * @param machine            a machine of the line
     * @param timeToFailure      its predicted time to failure, operating seconds from the look-ahead's start
     * @param repair             how long a repair of that failure takes
     * @param maintenanceSeconds how long a planned maintenance takes
     * @param windows            candidate maintenance windows
     */
    public Report assess(String machine, TimeToFailure timeToFailure, Distribution repair, double maintenanceSeconds,
            List<MaintenanceWindows.Candidate> windows) {
        StationSpec station = line.station(machine)
                .orElseThrow(() -> new IllegalArgumentException("machine must be a station of line " + line.id()
                        + ", got " + machine));
        int n = experiment.replications();
        double[] ttf = new double[n];
        for (int r = 0; r < n; r++) {
            ttf[r] = timeToFailure.sample(predictionStream(machine, r));
        }
        List<ReplicationResult> asIs = asIs();
        progress.started(machine + " failing", n);
        double[] good = goodParts(asIs);
        double working = asIs.stream().mapToDouble(res -> res.station(machine)
                .map(s -> s.states().working()).orElse(1.0)).average().orElse(1.0);
        double onShift = asIs.stream().mapToDouble(res -> res.station(machine)
                .map(s -> 1 - s.states().offShift()).orElse(1.0)).average().orElse(1.0);
        double u = Math.max(working / Math.max(onShift, 1e-6), 1e-6);

        double[] failed = goodParts(run(r -> withModes(station, predicted(ttf[r], repair))));
        Estimate loss = Estimate.of(difference(good, failed));

        List<Window> assessed = new ArrayList<>();
        Window best = null;
        for (MaintenanceWindows.Candidate candidate : windows) {
            progress.started(machine + " maintained: window " + (assessed.size() + 1) + " of " + windows.size(), n);
            double w = candidate.startSeconds();
            double[] maintained = goodParts(run(r -> {
                List<FailureSpec> modes = new ArrayList<>();
                maintenance(w, maintenanceSeconds).ifPresent(modes::add);
                if (workingTime.afterOnShift(ttf[r] / u) < w) {
                    modes.add(predicted(ttf[r], repair));
                }
                return withModes(station, modes.toArray(FailureSpec[]::new));
            }));
            Window window = new Window(candidate, Estimate.of(difference(good, maintained)));
            assessed.add(window);
            if (best == null || window.lossParts().mean() < best.lossParts().mean()) {
                best = window;
            }
        }
        if (best != null && best.lossParts().mean() >= loss.mean()) {
            // Maintaining costs more than the failure it averts: running to failure is the better plan.
            best = null;
        }
        return new Report(machine, working, riskWithin(timeToFailure, u, 8 * HOUR),
                riskWithin(timeToFailure, u, 24 * HOUR), riskWithin(timeToFailure, u, 168 * HOUR), loss, assessed,
                Optional.ofNullable(best));
    }

    private double riskWithin(TimeToFailure timeToFailure, double u, double calendarSeconds) {
        return timeToFailure.probabilityWithin(u * workingTime.onShiftSeconds(calendarSeconds));
    }

    /** The line as it is, the reference of every loss: the same for every machine assessed, so run once. */
    private synchronized List<ReplicationResult> asIs() {
        if (asIs == null) {
            progress.started("the line as it is", experiment.replications());
            asIs = run(r -> line);
        }
        return asIs;
    }

    private List<ReplicationResult> run(IntFunction<LineSpec> lineOfReplication) {
        return Replications.run(experiment.replications(), threads, r -> {
            LineSimulation simulation = new LineSimulation(lineOfReplication.apply(r))
                    .startingAt(experiment.startSecondsOfWeek()).reportingTo(progress::advanced);
            return start.isPresent()
                    ? simulation.run(start.get(), 0, experiment.horizonSeconds(), experiment.seed(), r)
                    : simulation.run(0, experiment.horizonSeconds(), experiment.seed(), r);
        }, progress);
    }

    private LineSpec withModes(StationSpec station, FailureSpec... added) {
        List<FailureSpec> modes = new ArrayList<>(station.failures());
        modes.addAll(List.of(added));
        return line.withStation(station.withFailures(modes));
    }

    private static FailureSpec predicted(double operatingSeconds, Distribution repair) {
        return new FailureSpec("predicted", NEVER_AGAIN, repair, FailureBasis.OPERATING,
                Optional.of(new Distribution.Constant(operatingSeconds)));
    }

    /**
     * The stop a maintenance from {@code startSeconds} causes: from the first instant on shift until it ends, none
     * if it ends before the line works again. A calendar-basis mode, as its up clock runs off shift too.
     */
    private Optional<FailureSpec> maintenance(double startSeconds, double durationSeconds) {
        double stops = workingTime.nextWorking(startSeconds);
        double ends = startSeconds + durationSeconds;
        if (stops >= ends) {
            return Optional.empty();
        }
        return Optional.of(new FailureSpec("maintenance", NEVER_AGAIN, new Distribution.Constant(ends - stops),
                FailureBasis.CALENDAR, Optional.of(new Distribution.Constant(stops))));
    }

    private static double[] goodParts(List<ReplicationResult> results) {
        return results.stream().mapToDouble(r -> r.throughputPerHour() * r.horizonSeconds() / HOUR).toArray();
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
