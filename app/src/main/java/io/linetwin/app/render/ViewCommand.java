package io.linetwin.app.render;

import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.LineView;
import io.linetwin.render.LineViewer;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code view}: an interactive window that plays the line back while a background thread simulates the state
 * at successive instants and hands each view to the render thread. Right-drag orbits, the wheel zooms, a click on a
 * machine shows its KPIs, space pauses, + and - change the speed.
 */
@Command(
        name = "view",
        mixinStandardHelpOptions = true,
        description = {
            "Open a window on the line: orbit (right-drag, wheel), click a machine for its KPIs, space pauses,",
            "+/- change speed. Plays the line's state at successive instants of one replication, or with --live",
            "follows the live twin (--kafka HOST:PORT [--topic T] [--kafka-config FILE], --replay FILE [--replay-speed X], or",
            "--twin-snapshot SNAPSHOT.json polled)."
        })
public final class ViewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to show (default: baseline).")
    String variant = Scenario.BASELINE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the replications (overrides the file).")
    Long seed;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "24",
            description = "Windows simulated across the horizon (default 24).")
    int steps;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "3600",
            description = "Sim seconds per real second at start (default 3600).")
    double speed;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280", description = "Window width.")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "720", description = "Window height.")
    int height;

    @Option(
            names = "--unit",
            paramLabel = "UNIT",
            description = "What the line's output is counted in, for the HUD (default: the scenario's output unit, "
                    + "else parts).")
    String unit;

    @Option(names = "--software-gl", description = "Draw with OSMesa and no display (nothing is shown; smoke tests).")
    boolean softwareGl;

    @Option(names = "--quit-after", paramLabel = "D", description = "Close the window after this wall time, e.g. 30s.")
    String quitAfter;

    @ArgGroup(exclusive = false)
    LiveOptions live;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return Exits.guarded(err, this::view);
    }

    private int view() throws Exception {
        RenderScenario input = RenderScenario.load(file, variant, seed);
        if (steps < 1 || steps > 1000) {
            throw new RenderInputException("--steps: expected 1..1000, got " + steps);
        }
        if (unit == null) {
            unit = OutputUnits.of(input.scenario()).line().plural();
        }
        if (unit.isBlank()) {
            throw new RenderInputException("--unit: expected a word like pallets, got \"" + unit + "\"");
        }
        if (!(speed > 0)) {
            throw new RenderInputException("--speed: expected > 0 sim seconds per second, got " + speed);
        }
        Double quitSeconds = quitAfter == null ? null : RenderScenario.seconds("--quit-after", quitAfter);
        if (live != null) {
            return follow(input, quitSeconds);
        }
        InstantViews views = new InstantViews(input.line(), input.experiment());
        double warmup = input.experiment().warmupSeconds();
        double step = input.experiment().horizonSeconds() / steps;
        InstantViews.Shown first = views.shown(warmup + step);
        LineViewer viewer = open(() -> LineViewer.open(
                input.line(),
                first.view(),
                input.title(variant),
                unit,
                new CalendarClock(input.experiment().startSecondsOfWeek()),
                speed,
                width,
                height,
                softwareGl));
        publishDetails(viewer, first.upTo());
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linetwin-view-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            background.execute(() -> {
                for (int i = 2; i <= steps && !Thread.currentThread().isInterrupted(); i++) {
                    InstantViews.Shown next = views.shown(warmup + step * i);
                    viewer.append(next.view());
                    publishDetails(viewer, next.upTo());
                }
            });
            if (quitSeconds != null) {
                background.schedule(viewer::close, Math.round(quitSeconds * 1000), TimeUnit.MILLISECONDS);
            }
            viewer.awaitClosed();
        } finally {
            background.shutdownNow();
        }
        return Exits.OK;
    }

    /** The window follows the live twin: every change the feed applies reaches the picture within --refresh. */
    private int follow(RenderScenario input, Double quitSeconds) throws Exception {
        TwinViews views = new TwinViews(input.line(), live.riskHorizonSeconds());
        java.time.Duration refresh = live.refreshEvery();
        live.checkFiles();
        requireDisplay();
        try (LiveTwin twin = live.twin(input.line())) {
            LineViewer viewer = open(() -> LineViewer.open(
                    input.line(),
                    views.next(twin.store().snapshot()),
                    input.title(variant) + " (live)",
                    unit,
                    new CalendarClock(input.experiment().startSecondsOfWeek()),
                    speed,
                    width,
                    height,
                    softwareGl));
            try (TwinFollower follower = new TwinFollower(twin.store(), snapshot -> {
                LineView view = views.next(snapshot);
                view.stations()
                        .forEach((id, state) -> viewer.details(
                                id,
                                id + ": " + state.json()
                                        + (view.healthRisk().containsKey(id)
                                                ? String.format(
                                                        Locale.ROOT,
                                                        ", failure risk %.0f%% within %s",
                                                        100 * view.healthRisk().get(id),
                                                        live.riskHorizon)
                                                : "")));
                viewer.follow(view);
            })) {
                twin.start();
                follower.start(refresh);
                if (quitSeconds != null) {
                    closeAfter(viewer, quitSeconds);
                }
                viewer.awaitClosed();
            }
        }
        return Exits.OK;
    }

    /**
     * Opens the window once the input is known to be good. No display, or a display that is set but unusable, is
     * said in one line (exit 2) instead of a native error and a log line.
     */
    private LineViewer open(Callable<LineViewer> opening) throws Exception {
        requireDisplay();
        try {
            return opening.call();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RenderInputException(Display.noWindow("the window could not open (" + cause.getMessage() + ")"));
        }
    }

    private void requireDisplay() throws RenderInputException {
        if (!softwareGl) {
            Optional<String> noDisplay = Display.missing(System.getenv(), System.getProperty("os.name", ""));
            if (noDisplay.isPresent()) {
                throw new RenderInputException(noDisplay.get());
            }
        }
    }

    private static void closeAfter(LineViewer viewer, double seconds) {
        Thread timer = new Thread(
                () -> {
                    try {
                        Thread.sleep(Math.round(seconds * 1000));
                        viewer.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "linetwin-view-quit");
        timer.setDaemon(true);
        timer.start();
    }

    private static void publishDetails(LineViewer viewer, ReplicationResult result) {
        for (StationResult s : result.stations()) {
            viewer.details(
                    s.id(),
                    String.format(
                            Locale.ROOT,
                            "%s: working %.0f%%  blocked %.0f%%  starved %.0f%%  down %.0f%%  setup %.0f%%  OEE %.2f"
                                    + "  good %,d  scrap %,d",
                            s.id(),
                            100 * s.states().working(),
                            100 * s.states().blocked(),
                            100 * s.states().starved(),
                            100 * s.states().down(),
                            100 * s.states().setup(),
                            s.oee(),
                            s.good(),
                            s.scrap()));
        }
    }
}
