package io.linetwin.render;

import com.jme3.system.AppSettings;
import io.linetwin.model.LineSpec;
import io.linetwin.render.headless.HeadlessGl;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.scene.HudState;
import io.linetwin.render.scene.LabelLayer;
import io.linetwin.render.scene.LineSceneState;
import io.linetwin.render.scene.LineTwinApp;
import io.linetwin.render.scene.OrbitCameraState;
import io.linetwin.render.scene.Palette;
import io.linetwin.render.scene.PlaybackState;
import io.linetwin.render.scene.SelectionState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The interactive window: the line played back from a growing timeline of views, an orbit camera, machine
 * details on click, pause and speed keys. Producers on other threads add views and details through
 * {@link #append} and {@link #details}, which hand them to the render thread.
 */
public final class LineViewer {

    private final LineTwinApp app;
    private final PlaybackState playback;
    private final Map<String, String> details;

    private LineViewer(LineTwinApp app, PlaybackState playback, Map<String, String> details) {
        this.app = app;
        this.playback = playback;
        this.details = details;
    }

    /**
     * Opens the window (returns once it is up). {@code speed}: sim seconds per real second.
     * {@code softwareGl}: draw with OSMesa on GLFW's null platform, for machines without a display (nothing is
     * shown; useful to smoke-test the window mode).
     */
    public static LineViewer open(
            LineSpec line, LineView first, String title, double speed, int width, int height, boolean softwareGl)
            throws InterruptedException, ExecutionException {
        return open(line, first, title, "parts", new CalendarClock(0), speed, width, height, softwareGl);
    }

    /** As {@link #open(LineSpec, LineView, String, double, int, int, boolean)}, with the HUD's unit and calendar. */
    public static LineViewer open(
            LineSpec line,
            LineView first,
            String title,
            String unit,
            CalendarClock clock,
            double speed,
            int width,
            int height,
            boolean softwareGl)
            throws InterruptedException, ExecutionException {
        FloorPlan plan = AutoLayout.plan(line);
        Palette palette = Palette.standard();
        LineSceneState scene = new LineSceneState(line, plan, palette, true, !softwareGl);
        HudState hud = new HudState(
                title,
                palette,
                unit,
                clock,
                new HudState.Legend(
                        !plan.racks().isEmpty(),
                        plan.links().values().stream()
                                .anyMatch(l -> l.type() == io.linetwin.render.layout.Link.Type.CONVEYOR),
                        !plan.agvs().isEmpty()));
        LabelLayer labels = new LabelLayer(scene::scene, hud::reserved, palette);
        PlaybackState playback = new PlaybackState(new ViewTimeline(List.of(first)), speed, view -> {
            scene.show(view);
            hud.show(view);
        });
        Map<String, String> details = new ConcurrentHashMap<>();
        LineTwinApp app = new LineTwinApp(
                scene,
                hud,
                labels,
                new OrbitCameraState(plan),
                playback,
                new SelectionState(id -> details.getOrDefault(id, id + ": no figures yet")));
        AppSettings settings;
        if (softwareGl) {
            HeadlessGl.prepare();
            settings = HeadlessGl.settings(width, height);
        } else {
            settings = new AppSettings(true);
            settings.setResolution(width, height);
            settings.setAudioRenderer(null);
            settings.setSamples(4);
        }
        settings.setTitle("LineTwin - " + title);
        app.setSettings(settings);
        app.setShowSettings(false);
        app.setPauseOnLostFocus(false);
        app.start();
        app.ready().get();
        return new LineViewer(app, playback, details);
    }

    /** Adds a later view to the playback; any thread. */
    public void append(LineView view) {
        app.enqueue(() -> playback.append(view));
    }

    /** Shows {@code view} now and drops the views before it (a live twin); any thread. */
    public void follow(LineView view) {
        app.enqueue(() -> playback.follow(view));
    }

    /** What a click on {@code stationId} shows; any thread. */
    public void details(String stationId, String text) {
        details.put(stationId, text);
    }

    /** Closes the window; any thread. */
    public void close() {
        app.stop();
    }

    /** Waits until the window is closed. */
    public void awaitClosed() throws InterruptedException, ExecutionException {
        app.closed().get();
    }
}
