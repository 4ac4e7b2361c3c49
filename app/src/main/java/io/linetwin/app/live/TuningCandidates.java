package io.linetwin.app.live;

import io.linetwin.loop.Change;
import io.linetwin.loop.Numbers;
import io.linetwin.loop.ParameterPath;
import io.linetwin.loop.whatif.Candidate;
import io.linetwin.loop.whatif.CandidateContext;
import io.linetwin.loop.whatif.CandidateSource;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.Tuner;
import io.linetwin.predict.tuning.TuningListener;
import io.linetwin.predict.tuning.TuningOptions;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.twin.ParameterLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scenario's {@code tuning} section as a source of candidates for the live loop. A tuning run is far too long to
 * wait for inside a what-if, so it runs in the background, warm-started from the state the latest what-if started
 * from, over the look-ahead; the next what-if after it finished gets its recommendation — when every tuned path is a
 * writable station parameter — as one candidate, {@code tuned}, moved from the twin's current value toward the
 * recommended one by at most one {@code maxStep} (what one command may do). The what-if then proves it against the
 * line as it is on its own paired replications, like any other candidate (the tuner's own verdict compares with the
 * scenario file's values, which the live line may have left). Then the next tuning run starts from the newer state.
 *
 * <p>The tuner starts from the twin's state as it is; it takes the tuned parameters' current values as its
 * baseline rather than letting them pin every setting it tries.
 */
final class TuningCandidates implements CandidateSource, AutoCloseable {

    private final Scenario scenario;
    private final TuningSpec spec;
    private final double lookAheadSeconds;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "linetwin-live-tuning");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> skipped = new ArrayList<>();
    private volatile Tuner tuner;
    private Future<TuningResult> running;

    TuningCandidates(Scenario scenario, TuningSpec spec, double lookAheadSeconds) {
        this.scenario = scenario;
        this.spec = spec;
        this.lookAheadSeconds = lookAheadSeconds;
    }

    @Override
    public synchronized List<Candidate> candidates(CandidateContext context) {
        skipped.clear();
        Optional<TuningResult> done = Optional.empty();
        if (running != null && running.isDone()) {
            try {
                done = Optional.of(running.get());
            } catch (ExecutionException e) {
                skipped.add("tuned: the tuning run failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        if (running == null || running.isDone()) {
            start(context);
        }
        if (done.isEmpty()) {
            if (skipped.isEmpty()) {
                skipped.add("tuned: the tuning section runs in the background; its result joins a later what-if");
            }
            return List.of();
        }
        return candidate(done.get(), context);
    }

    private void start(CandidateContext context) {
        ExperimentSpec experiment = new ExperimentSpec(
                lookAheadSeconds,
                0,
                2,
                scenario.experiment().seed(),
                scenario.experiment().startSecondsOfWeek());
        Tuner next = new Tuner(
                scenario,
                spec,
                experiment,
                TuningOptions.defaults().withThreads(1).startingFrom(context.start()));
        tuner = next;
        running = worker.submit(() -> next.run(TuningListener.NONE));
    }

    private List<Candidate> candidate(TuningResult result, CandidateContext context) {
        if (result.stopped()) {
            skipped.add("tuned: " + result.verdict());
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> value : result.bestValues().entrySet()) {
            Optional<ParameterPath> path = ParameterPath.parse(value.getKey());
            Optional<ParameterLimit> limit = path.flatMap(p -> context.limits().limit(p.station(), p.parameter()));
            OptionalDouble current =
                    path.map(p -> context.current(p.station(), p.parameter())).orElse(OptionalDouble.empty());
            if (limit.isEmpty() || current.isEmpty() || !(value.getValue() instanceof Number target)) {
                skipped.add("tuned: " + value.getKey() + " is not a writable station parameter; no command sets it");
                return List.of();
            }
            double step = Math.max(
                    -limit.get().maxStep(),
                    Math.min(limit.get().maxStep(), target.doubleValue() - current.getAsDouble()));
            double to = Numbers.tidy(
                    Math.max(limit.get().min(), Math.min(limit.get().max(), current.getAsDouble() + step)));
            if (to != current.getAsDouble()) {
                changes.add(new Change(path.get().station(), path.get().parameter(), current.getAsDouble(), to));
            }
        }
        if (changes.isEmpty()) {
            skipped.add("tuned: the line already runs the tuned setting");
            return List.of();
        }
        return List.of(new Candidate("tuned", "tuning", changes));
    }

    @Override
    public synchronized List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Waits for the background run to finish (tests). */
    void awaitRun() throws Exception {
        Future<TuningResult> current;
        synchronized (this) {
            current = running;
        }
        if (current != null) {
            current.get();
        }
    }

    @Override
    public void close() {
        Tuner current = tuner;
        if (current != null) {
            current.stop();
        }
        worker.shutdownNow();
    }
}
