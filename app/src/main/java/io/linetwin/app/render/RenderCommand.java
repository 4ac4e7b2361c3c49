package io.linetwin.app.render;

import io.linetwin.app.Failures;
import io.linetwin.app.OutputFiles;
import io.linetwin.app.SnapshotFile;
import io.linetwin.app.emulate.LineClocks;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.LineView;
import io.linetwin.render.headless.OffscreenRenderer;
import io.linetwin.render.headless.Shot;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import io.linetwin.twin.Snapshot;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.eclipse.ditto.things.model.ThingId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code render}: a PNG of the line at one instant, or a PNG sequence over an interval, headless (software GL,
 * no display): each machine in its state at that instant, each rack filled to its buffer's level, and the KPIs
 * of replication 0 up to the instant in the HUD.
 */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Render the line to a PNG (--out) or a PNG sequence (--frames), headless.",
            "Shows replication 0 at an instant: machine states, buffer levels, and the KPIs up to it."
        })
public final class RenderCommand implements Callable<Integer> {

    /** Frames of one sequence: ten thousand pictures are over a gigabyte already. */
    static final int MAX_FRAMES = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "PNG", description = "Write one picture here.")
        Path out;

        @Option(names = "--frames", paramLabel = "DIR", description = "Write frame-00000.png, ... here.")
        Path frames;
    }

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "Sim time since t = 0 to show, e.g. 8h (default: the end of the run, warm-up + horizon).")
    String at;

    @Option(
            names = "--from-twin",
            paramLabel = "SNAPSHOT.json",
            description = "Show this twin snapshot (linetwin/twin-snapshot/v1) instead of simulating; with --out.")
    Path fromTwin;

    @Option(names = "--from", paramLabel = "T0", description = "Frames: the first instant shown, e.g. 8h.")
    String from;

    @Option(names = "--to", paramLabel = "T1", description = "Frames: the last instant shown, e.g. 2d.")
    String to;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "10", description = "Frames: frames per second of video.")
    int fps;

    @Option(
            names = "--duration",
            paramLabel = "D",
            defaultValue = "4s",
            description = "Frames: length of the video; frames = fps x duration (default 4s).")
    String duration;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280", description = "Picture width in pixels.")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "720", description = "Picture height in pixels.")
    int height;

    @Option(
            names = "--camera",
            paramLabel = "overview|station:ID|bottleneck",
            defaultValue = "overview",
            description = "Camera preset: the whole line, one station, or the bottleneck at the instant shown.")
    String camera;

    @Option(
            names = "--unit",
            paramLabel = "UNIT",
            description = "What the line's output is counted in, for the HUD (default: the scenario's output unit, "
                    + "else parts).")
    String unit;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to show (default: baseline).")
    String variant = Scenario.BASELINE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the replication (overrides the file).")
    Long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return Exits.guarded(err, this::render);
    }

    private int render() throws Exception {
        RenderScenario input = RenderScenario.load(file, variant, seed);
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new RenderInputException("--width/--height: expected 16..8192 pixels, got " + width + "x" + height);
        }
        CameraPreset preset = cameraPreset(input);
        if (unit == null) {
            unit = OutputUnits.of(input.scenario()).line().plural();
        }
        if (unit.isBlank()) {
            throw new RenderInputException("--unit: expected a word like pallets, got \"" + unit + "\"");
        }
        Shot shot = shot(input, preset, input.experiment().startSecondsOfWeek());
        InstantViews views = new InstantViews(input.line(), input.experiment());
        PrintWriter out = spec.commandLine().getOut();
        if (target.out != null) {
            if (from != null || to != null) {
                throw new RenderInputException("--from/--to: only with --frames");
            }
            // Everything the user may have got wrong is checked before the GL context starts.
            Snapshot twinSnapshot = fromTwin != null ? SnapshotFile.read(requireTwinFile(input), input.line()) : null;
            LineView twin = twinSnapshot != null ? twinView(input, twinSnapshot) : null;
            // The HUD's clock shows when a snapshot was taken, not the scenario's start.
            Shot picture = twinSnapshot != null ? shot(input, preset, calendarStart(twinSnapshot)) : shot;
            double instant = at == null ? input.experiment().endSeconds() : positive("--at", at);
            if (twin == null) {
                input.requireSimulable("--at", at == null ? "(the end of the run)" : at, instant);
            }
            OutputFiles outputs = new OutputFiles()
                    .file("--out", target.out)
                    .input(file)
                    .input(fromTwin)
                    .check();
            // The GL context starts and the scene is built on the render thread while the line is simulated.
            // Its own thread: the common pool has one thread on a two-core machine, and may be busy.
            CompletableFuture<OffscreenRenderer> gl = new CompletableFuture<>();
            Thread starter = new Thread(
                    () -> {
                        try {
                            OffscreenRenderer renderer = OffscreenRenderer.start(width, height);
                            renderer.prepare(picture);
                            gl.complete(renderer);
                        } catch (RuntimeException | Error e) {
                            gl.completeExceptionally(e);
                        }
                    },
                    "linetwin-gl-start");
            starter.setDaemon(true);
            starter.start();
            LineView view;
            try {
                view = twin != null ? twin : views.at(instant);
            } catch (RuntimeException e) {
                gl.thenAccept(OffscreenRenderer::close);
                throw e;
            }
            try (OffscreenRenderer renderer = started(gl)) {
                BufferedImage image = renderer.render(picture, view);
                outputs.write(target.out, stream -> OffscreenRenderer.writePng(image, stream));
            }
            out.println("wrote " + target.out);
            return Exits.OK;
        }
        return frames(input, shot, views, out);
    }

    /** The context started beside the simulation, or the reason it could not start. */
    private static OffscreenRenderer started(CompletableFuture<OffscreenRenderer> gl) {
        try {
            return gl.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Checks what can be checked before the GL context starts. */
    private Path requireTwinFile(RenderScenario input) throws RenderInputException {
        if (at != null) {
            throw new RenderInputException("--at: not with --from-twin (the snapshot is the instant shown)");
        }
        if (!Files.isRegularFile(fromTwin)) {
            throw new RenderInputException("--from-twin " + fromTwin + ": no such file");
        }
        try {
            ThingId.of(input.line().id());
        } catch (RuntimeException e) {
            throw new RenderInputException("--from-twin: line.id must be a Ditto thing id like \"plant1:bottling\" "
                    + "to match the twin's things, got \"" + input.line().id() + "\"");
        }
        return fromTwin;
    }

    private Shot shot(RenderScenario input, CameraPreset preset, double calendarStartSecondsOfWeek) {
        return new Shot(
                input.line(),
                AutoLayout.plan(input.line()),
                Palette.standard(),
                preset,
                true,
                input.title(variant),
                unit,
                new CalendarClock(calendarStartSecondsOfWeek),
                true);
    }

    /**
     * Where a twin snapshot lies in the scenario's weekly calendar: its {@code takenAt} read in UTC, as {@code health
     * risk --from-twin} places it (the HUD showed the scenario's start, since a lone snapshot is view time 0).
     */
    static double calendarStart(Snapshot twin) {
        return LineClocks.secondsOfWeek(twin.takenAt());
    }

    private LineView twinView(RenderScenario input, Snapshot read) throws RenderInputException {
        try {
            return new TwinViews(input.line(), TwinViews.DEFAULT_RISK_HORIZON_SECONDS).next(read);
        } catch (RuntimeException e) {
            throw new RenderInputException("--from-twin " + fromTwin + ": " + Failures.describe(e));
        }
    }

    private int frames(RenderScenario input, Shot shot, InstantViews views, PrintWriter out) throws Exception {
        if (fromTwin != null) {
            throw new RenderInputException("--from-twin: only with --out");
        }
        if (from == null || to == null) {
            throw new RenderInputException("--frames: needs --from T0 and --to T1");
        }
        if (at != null) {
            throw new RenderInputException("--at: only with --out");
        }
        double t0 = RenderScenario.seconds("--from", from);
        double t1 = RenderScenario.seconds("--to", to);
        if (!(t1 > t0)) {
            throw new RenderInputException("--to: must be after --from (" + from + "), got " + to);
        }
        if (fps < 1 || fps > 120) {
            throw new RenderInputException("--fps: expected 1..120, got " + fps);
        }
        // In double: fps x a long duration overflows an int (4294967298 s once made 2 frames).
        double wanted = fps * positive("--duration", duration);
        if (wanted > MAX_FRAMES) {
            throw new RenderInputException(String.format(
                    Locale.ROOT,
                    "--duration %s: at most %d frames at --fps " + "%d, got %.0f",
                    duration,
                    MAX_FRAMES,
                    fps,
                    wanted));
        }
        int count = (int) Math.max(2, Math.round(wanted));
        input.requireSimulable("--to", to, t1);
        OutputFiles outputs =
                new OutputFiles().folder("--frames", target.frames).input(file).check();
        List<LineView> frames = views.between(t0, t1, count);
        try (OffscreenRenderer renderer = OffscreenRenderer.start(width, height)) {
            Path folder = outputs.makeFolder(target.frames);
            for (int i = 0; i < frames.size(); i++) {
                Path frame = folder.resolve(String.format(Locale.ROOT, "frame-%05d.png", i));
                BufferedImage image = renderer.render(shot, frames.get(i));
                outputs.write(frame, stream -> OffscreenRenderer.writePng(image, stream));
                outputs.created(frame);
            }
        } catch (Exception | Error e) {
            outputs.discard();
            throw e;
        }
        out.println(String.format(Locale.ROOT, "wrote %d frames to %s", count, target.frames));
        Optional<Path> ffmpeg = VideoEncoder.ffmpeg();
        if (ffmpeg.isEmpty()) {
            spec.commandLine().getErr().println(VideoEncoder.skipped(target.frames, fps));
        } else {
            Path video = target.frames.resolve("line.mp4");
            if (VideoEncoder.encode(ffmpeg.get(), target.frames, fps, video)) {
                out.println("wrote " + video);
            } else {
                spec.commandLine().getErr().println("linetwin: ffmpeg could not encode " + video + "; frames kept");
            }
        }
        return Exits.OK;
    }

    private CameraPreset cameraPreset(RenderScenario input) throws RenderInputException {
        CameraPreset preset;
        try {
            preset = CameraPreset.parse(camera);
        } catch (IllegalArgumentException e) {
            throw new RenderInputException("--camera: " + e.getMessage());
        }
        if (preset instanceof CameraPreset.Station s
                && input.line().station(s.stationId()).isEmpty()) {
            throw new RenderInputException("--camera: station must be one of "
                    + input.line().stations().stream().map(st -> st.id()).toList() + ", got " + s.stationId());
        }
        return preset;
    }

    private static double positive(String option, String text) throws RenderInputException {
        double seconds = RenderScenario.seconds(option, text);
        if (!(seconds > 0)) {
            throw new RenderInputException(option + ": expected a duration > 0, got " + text);
        }
        return seconds;
    }
}
