package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.state.BaseAppState;
import io.linetwin.render.LineView;
import io.linetwin.render.ViewTimeline;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Plays a timeline of views: sim time advances by real time × speed (sim seconds per real second), and the
 * view at the playhead goes to the scene and HUD each frame. Views may keep arriving while it plays (from a
 * simulation thread through {@code app.enqueue}); at the end it holds the last view.
 */
public final class PlaybackState extends BaseAppState {

    private final Consumer<LineView> target;
    private ViewTimeline timeline;
    private double playhead;
    private double speed;
    private boolean paused;
    private LineView shown;
    /** The latest live view that arrived while paused. */
    private LineView held;

    /** {@code speed}: sim seconds per real second, > 0. */
    public PlaybackState(ViewTimeline timeline, double speed, Consumer<LineView> target) {
        this.timeline = timeline;
        this.target = target;
        this.playhead = timeline.startSeconds();
        setSpeed(speed);
    }

    public void append(LineView view) {
        timeline = timeline.append(view);
    }

    /**
     * Live: {@code latest} replaces the timeline and shows at once. The past is dropped, so a twin that runs for
     * days costs no memory here; while paused the picture holds and the latest view shows on resume.
     */
    public void follow(LineView latest) {
        if (paused) {
            held = latest;
            return;
        }
        timeline = new ViewTimeline(List.of(latest));
        playhead = latest.simSeconds();
        push();
    }

    public void setSpeed(double newSpeed) {
        if (!(newSpeed > 0) || Double.isInfinite(newSpeed)) {
            throw new IllegalArgumentException("playback speed must be > 0 sim seconds per second, got " + newSpeed);
        }
        speed = newSpeed;
    }

    public double speed() {
        return speed;
    }

    public void togglePause() {
        paused = !paused;
        if (!paused && held != null) {
            LineView latest = held;
            held = null;
            follow(latest);
        }
    }

    public boolean paused() {
        return paused;
    }

    public double playhead() {
        return playhead;
    }

    public void seek(double simSeconds) {
        playhead = Math.max(timeline.startSeconds(), Math.min(timeline.endSeconds(), simSeconds));
        push();
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s  x%,.0f  (space: pause, +/-: speed, click: machine KPIs)",
                paused ? "paused" : "playing",
                speed);
    }

    @Override
    public void update(float tpf) {
        if (!paused) {
            playhead = Math.min(timeline.endSeconds(), playhead + tpf * speed);
        }
        push();
    }

    private void push() {
        LineView view = timeline.at(playhead);
        if (!view.equals(shown)) {
            shown = view;
            target.accept(view);
        }
    }

    @Override
    protected void initialize(Application app) {
        push();
    }

    @Override
    protected void onEnable() {
        // Playback resumes from the playhead.
    }

    @Override
    protected void onDisable() {
        // The scene keeps the last view shown.
    }

    @Override
    protected void cleanup(Application app) {
        shown = null;
    }
}
