package io.linetwin.render.bench;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationStatus;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.Lines;
import io.linetwin.render.TraceRecorder;
import io.linetwin.render.headless.OffscreenRenderer;
import io.linetwin.render.headless.Shot;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rendering benchmark (not a test). {@code fps [SECONDS]}: frames finished per second at 1280x720 on software
 * GL for lines of 20, 170 and 500 machines, overview camera, HUD on. {@code snapshot-once SCENARIO OUT}: the
 * split of one snapshot along the path of {@code linetwin render FILE --out PNG} (the command itself is timed
 * end to end by {@code bench/render/run.sh}).
 */
public final class RenderBench {

    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "fps";
        switch (mode) {
            case "fps" -> fps(args.length > 1 ? Double.parseDouble(args[1]) : 10);
            case "snapshot-once" -> snapshotOnce(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("mode must be fps or snapshot-once, got " + mode);
        }
    }

    private static void fps(double seconds) throws Exception {
        System.out.printf(
                Locale.ROOT, "machines  frames/s  CPU ms/frame  (1280x720, overview, shadows, %.0f s each)%n", seconds);
        try (OffscreenRenderer renderer = OffscreenRenderer.start(1280, 720)) {
            for (int machines : List.of(20, 170, 500)) {
                LineSpec line = Lines.chain(machines + 2);
                Shot shot = Shot.of(line, new CameraPreset.Overview(), "bench " + machines);
                OffscreenRenderer.FrameRate rate = renderer.frameRate(shot, busyView(line), seconds);
                System.out.printf(
                        Locale.ROOT, "%8d  %8.1f  %12.1f%n", machines, rate.perWallSecond(), rate.cpuMillisPerFrame());
            }
        }
    }

    /** Every state and every fill level on screen, so no material or bar is skipped. */
    private static LineView busyView(LineSpec line) {
        Map<String, StationStatus> states = new HashMap<>();
        Map<String, Double> risk = new HashMap<>();
        StationStatus[] all = StationStatus.values();
        for (int i = 0; i < line.stations().size(); i++) {
            states.put(line.stations().get(i).id(), all[i % all.length]);
            risk.put(line.stations().get(i).id(), (i % 10) / 10.0);
        }
        Map<String, Integer> levels = new HashMap<>();
        for (int i = 0; i < line.buffers().size(); i++) {
            levels.put(line.buffers().get(i).id(), i % (Lines.CAPACITY + 1));
        }
        return new LineView(3600, states, levels, risk, new Hud("bench", 1000, 10, Optional.of("m1")));
    }

    /** The split of one snapshot along the path {@code linetwin render FILE --out PNG} takes. */
    private static void snapshotOnce(Path file, Path out) throws Exception {
        long t0 = System.nanoTime();
        Scenario scenario = ScenarioLoader.load(file);
        long tLoaded = System.nanoTime();
        Shot shot = Shot.of(scenario.line(), new CameraPreset.Overview(), scenario.name());
        long t1 = System.nanoTime();
        java.util.concurrent.CompletableFuture<OffscreenRenderer> gl =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    OffscreenRenderer r = OffscreenRenderer.start(1280, 720);
                    r.prepare(shot);
                    return r;
                });
        double at = scenario.experiment().endSeconds();
        TraceRecorder recorder = new TraceRecorder(scenario.line());
        ReplicationResult upTo = new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek())
                .run(
                        scenario.experiment().warmupSeconds(),
                        scenario.experiment().horizonSeconds(),
                        scenario.experiment().seed(),
                        0,
                        recorder);
        LineView view = recorder.view(at, upTo);
        long t2 = System.nanoTime();
        try (OffscreenRenderer renderer = gl.join()) {
            long t3 = System.nanoTime();
            java.awt.image.BufferedImage image = renderer.render(shot, view);
            long t4 = System.nanoTime();
            OffscreenRenderer.writePng(image, out);
            long t5 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "load %.2f s, floor plan %.2f s, simulate (GL starting alongside) %.2f s, "
                            + "then wait for GL %.2f s, render %.2f s, write PNG %.2f s%n",
                    (tLoaded - t0) / 1e9,
                    (t1 - tLoaded) / 1e9,
                    (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9,
                    (t4 - t3) / 1e9,
                    (t5 - t4) / 1e9);
        }
    }
}
