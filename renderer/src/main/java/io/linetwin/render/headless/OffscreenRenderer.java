package io.linetwin.render.headless;

import com.jme3.system.JmeContext;
import io.linetwin.render.LineView;
import io.linetwin.render.layout.Link;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.CameraState;
import io.linetwin.render.scene.HudState;
import io.linetwin.render.scene.LabelLayer;
import io.linetwin.render.scene.LabelPlacer;
import io.linetwin.render.scene.LineScene;
import io.linetwin.render.scene.LineSceneState;
import io.linetwin.render.scene.LineTwinApp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders lines to pictures with no display: one software-GL context (OSMesa) for the session, reused for
 * every picture. Callers on any thread hand the scene over to the render thread with {@code enqueue}, then
 * wait for the frame. Close it to release the context.
 */
public final class OffscreenRenderer implements AutoCloseable {

    /** Generous: the first frame on software GL takes seconds on a loaded machine; this only stops hangs. */
    private static final long WAIT_SECONDS = 120;
    /** Frames drawn before the captured one, so newly attached states are initialised and on screen. */
    private static final int SETTLE_FRAMES = 1;
    /**
     * Frames per second while no picture is wanted, with nothing drawn: software GL draws on every core, so a
     * busy idle loop would slow down a simulation running beside it. Captures and frame counts run unthrottled.
     */
    private static final int IDLE_FPS = 10;

    private static final int UNLIMITED_FPS = -1;
    /** ImageIO's PNG quality: 1 stores, 0 compresses hardest; this maps to a low deflate level. */
    private static final float PNG_QUALITY = 0.75f;

    private final LineTwinApp app;
    private final FrameGrabber grabber;
    private final int width;
    private final int height;
    private Shot current;
    private LineSceneState sceneState;
    private HudState hudState;
    private CameraState cameraState;
    private LabelLayer labelLayer;
    private CameraPreset placed;

    private OffscreenRenderer(LineTwinApp app, FrameGrabber grabber, int width, int height) {
        this.app = app;
        this.grabber = grabber;
        this.width = width;
        this.height = height;
    }

    /** Starts a context of {@code width} × {@code height} pixels; throws if software GL is unavailable. */
    public static OffscreenRenderer start(int width, int height) {
        HeadlessGl.prepare();
        LineTwinApp app = new LineTwinApp();
        app.setSettings(HeadlessGl.settings(width, height));
        app.setShowSettings(false);
        app.setPauseOnLostFocus(false);
        app.start(JmeContext.Type.OffscreenSurface);
        await(app.ready(), "the offscreen GL context to start (is libosmesa6 installed?)");
        FrameGrabber grabber = new FrameGrabber(width, height);
        OffscreenRenderer renderer = new OffscreenRenderer(app, grabber, width, height);
        await(
                app.enqueue(() -> {
                    app.getGuiViewPort().addProcessor(grabber);
                    renderer.idle();
                    return Boolean.TRUE; // jME's AppTask reads a null result as a timeout
                }),
                "the frame reader to attach");
        return renderer;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Builds {@code shot}'s scene and draws it empty, without waiting: the scene, materials, fonts and shaders
     * are ready by the time the caller has the view to show (snapshots start the GL side while simulating).
     */
    public void prepare(Shot shot) {
        app.enqueue(() -> {
            use(shot);
            busy();
            // One frame drawn and thrown away compiles the shaders; the loop then idles until a picture is wanted.
            grabber.arm(SETTLE_FRAMES).whenComplete((image, error) -> idle());
            return Boolean.TRUE;
        });
    }

    /** The picture of {@code view} in {@code shot}. */
    public BufferedImage render(Shot shot, LineView view) {
        CompletableFuture<BufferedImage> frame = await(
                app.enqueue(() -> {
                    use(shot);
                    aim(shot, view);
                    sceneState.show(view);
                    if (hudState != null) {
                        hudState.show(view);
                    }
                    busy();
                    return grabber.arm(SETTLE_FRAMES).whenComplete((image, error) -> idle());
                }),
                "the scene to be handed to the render thread");
        return await(frame, "the frame to render");
    }

    /** The scene graph currently shown (for checks on labels and controls); render thread state, read only. */
    public Optional<LineScene> scene() {
        return await(
                app.enqueue(() -> sceneState == null ? Optional.<LineScene>empty() : sceneState.scene()),
                "the scene graph");
    }

    /** The label plates as last placed (pixels, y up), or none without a HUD. */
    public List<LabelPlacer.Placed> labels() {
        return await(
                app.enqueue(() -> labelLayer == null ? List.<LabelPlacer.Placed>of() : labelLayer.placed()),
                "the labels");
    }

    /** The HUD's panels (pixels, y up) and its legend's entries, or none without a HUD. */
    public HudLayout hudLayout() {
        return await(
                app.enqueue(() -> hudState == null
                        ? new HudLayout(List.of(), null, List.of())
                        : new HudLayout(hudState.reserved(), hudState.legendArea(), hudState.legendEntries())),
                "the HUD");
    }

    /** Where the HUD's panels and legend are. */
    public record HudLayout(List<LabelPlacer.Rect> panels, LabelPlacer.Rect legend, List<String> entries) {}

    /** The camera as last placed: projects floor points to pixels (y up); render thread state, copied. */
    public com.jme3.renderer.Camera camera() {
        return await(app.enqueue(() -> app.getCamera().clone()), "the camera");
    }

    /** How the sun's shadows are drawn in the scene shown. */
    public LineSceneState.Shadows shadows() {
        return await(
                app.enqueue(() -> sceneState == null ? LineSceneState.Shadows.NONE : sceneState.shadows()),
                "the scene state");
    }

    /** Text of the HUD's figures, or empty without a HUD. */
    public String hudText() {
        return await(app.enqueue(() -> hudState == null ? "" : hudState.text()), "the HUD text");
    }

    /** Frames drawn and the wall and process CPU seconds they took. */
    public record FrameRate(long frames, double wallSeconds, double cpuSeconds) {
        public double perWallSecond() {
            return frames / wallSeconds;
        }

        /** Milliseconds of process CPU (every thread: Java and the software rasteriser's) per frame. */
        public double cpuMillisPerFrame() {
            return frames == 0 ? Double.NaN : 1000 * cpuSeconds / frames;
        }
    }

    /**
     * Frames finished while {@code view} of {@code shot} is shown for {@code seconds} of wall time, with the process
     * CPU they took: on a shared machine the CPU per frame says more than the frames per wall second.
     */
    public FrameRate frameRate(Shot shot, LineView view, double seconds) throws InterruptedException {
        render(shot, view);
        await(
                app.enqueue(() -> {
                    busy();
                    return Boolean.TRUE;
                }),
                "the frame limit to lift");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = grabber.framesRendered();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long frames = grabber.framesRendered() - before;
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        app.enqueue(() -> {
            idle();
            return Boolean.TRUE;
        });
        return new FrameRate(frames, wall, cpu);
    }

    /** Frames finished per second while {@code view} of {@code shot} is shown for {@code seconds} of wall time. */
    public double framesPerSecond(Shot shot, LineView view, double seconds) throws InterruptedException {
        return frameRate(shot, view, seconds).perWallSecond();
    }

    /** Render thread: frames drawn as fast as they come. The context's loop reads the limit after every frame. */
    private void busy() {
        app.getContext().getSettings().setFrameRate(UNLIMITED_FPS);
        app.getViewPort().setEnabled(true);
        app.getGuiViewPort().setEnabled(true);
    }

    /** Render thread: a few empty frames a second until the next picture. */
    private void idle() {
        app.getContext().getSettings().setFrameRate(IDLE_FPS);
        app.getViewPort().setEnabled(false);
        app.getGuiViewPort().setEnabled(false);
    }

    public static void writePng(BufferedImage image, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // A fresh, truncated file: ImageIO's file stream writes over an existing file in place, which leaves the
        // tail of a longer old picture behind. (The CLI writes through its atomic output files instead.)
        try (java.io.OutputStream stream = Files.newOutputStream(out)) {
            writePng(image, stream);
        }
    }

    /** Writes {@code image} as a PNG to {@code out}, which it flushes but does not close. */
    public static void writePng(BufferedImage image, java.io.OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            // Fast deflate: a flat-shaded picture compresses well anyway, and the default level costs a
            // noticeable share of a whole snapshot's time.
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
        }
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /** Writes {@code views} as {@code frame-00000.png}, ... into {@code dir}; returns the files in order. */
    public List<Path> writeFrames(Shot shot, List<LineView> views, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            Path file = dir.resolve(String.format(java.util.Locale.ROOT, "frame-%05d.png", i));
            writePng(render(shot, views.get(i)), file);
            files.add(file);
        }
        return files;
    }

    /** Render thread: swaps the scene, HUD and camera states when the shot changes. */
    private void use(Shot shot) {
        if (shot.equals(current)) {
            return;
        }
        if (sceneState != null) {
            app.getStateManager().detach(sceneState);
        }
        if (hudState != null) {
            app.getStateManager().detach(hudState);
            hudState = null;
        }
        if (cameraState != null) {
            app.getStateManager().detach(cameraState);
        }
        if (labelLayer != null) {
            app.getStateManager().detach(labelLayer);
            labelLayer = null;
        }
        sceneState = new LineSceneState(shot.line(), shot.plan(), shot.palette(), false, shot.shadows());
        placed = shot.camera() instanceof CameraPreset.Bottleneck ? new CameraPreset.Overview() : shot.camera();
        cameraState = new CameraState(shot.plan(), placed);
        app.getStateManager().attach(sceneState);
        app.getStateManager().attach(cameraState);
        if (shot.hud()) {
            hudState = new HudState(
                    shot.title(),
                    shot.palette(),
                    shot.unit(),
                    shot.clock(),
                    new HudState.Legend(
                            !shot.plan().racks().isEmpty(),
                            shot.plan().links().values().stream().anyMatch(l -> l.type() == Link.Type.CONVEYOR),
                            !shot.plan().agvs().isEmpty()));
            app.getStateManager().attach(hudState);
            HudState hud = hudState;
            LineSceneState scene = sceneState;
            labelLayer = new LabelLayer(scene::scene, hud::reserved, shot.palette());
            app.getStateManager().attach(labelLayer);
        }
        current = shot;
    }

    /** Render thread: the bottleneck preset follows the view's bottleneck. */
    private void aim(Shot shot, LineView view) {
        if (!(shot.camera() instanceof CameraPreset.Bottleneck)) {
            return;
        }
        CameraPreset wanted = view.kpis()
                .bottleneck()
                .filter(id -> shot.plan().stations().containsKey(id))
                .<CameraPreset>map(CameraPreset.Station::new)
                .orElse(new CameraPreset.Overview());
        if (!wanted.equals(placed)) {
            placed = wanted;
            cameraState.use(wanted);
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "failed waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up after " + WAIT_SECONDS + " s waiting for " + what, e);
        }
    }

    /** Stops the context; does not hang if the render thread already died of an error. */
    @Override
    public void close() {
        app.stop(false);
        try {
            app.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The context is gone or going; nothing left to release from this side.
        }
    }
}
