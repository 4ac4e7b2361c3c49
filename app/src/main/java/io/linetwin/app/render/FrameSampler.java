package io.linetwin.app.render;

import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.SimTime;
import io.linetwin.render.TraceRecorder;
import io.linetwin.sim.TraceEvent;
import io.linetwin.sim.TraceListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the views of a PNG sequence from one traced run: before the first event past a frame's instant reaches
 * the recorder, the line's state at that instant is captured, so every frame shows the same run and the run is
 * simulated once, not once per frame. The HUD's figures come from the trace itself: good parts leaving per hour
 * and the time-average of the parts in the line, over [warm-up, t] once t is past the warm-up, else over [0, t],
 * as a picture of that instant counts them.
 */
final class FrameSampler implements TraceListener {

    private final TraceRecorder recorder;
    private final double[] instants;
    private final double warmupSeconds;
    private final List<Captured> captured = new ArrayList<>();
    private int next;
    private double lastSeconds;
    private long inLine;
    private double wipAreaFromStart;
    private double wipAreaFromWarmup;
    private long goodFromStart;
    private long goodFromWarmup;

    /** What a frame needs once the run is over (its bottleneck comes from the whole run). */
    private record Captured(double at, LineView state, double throughputPerHour, double wip, double windowStart) {}

    FrameSampler(TraceRecorder recorder, double[] instants, double warmupSeconds) {
        this.recorder = recorder;
        this.instants = instants.clone();
        this.warmupSeconds = warmupSeconds;
    }

    @Override
    public void on(TraceEvent event) {
        captureBefore(event.timeSeconds());
        advance(event.timeSeconds());
        if (event instanceof TraceEvent.PartReleased) {
            inLine++;
        } else if (event instanceof TraceEvent.PartFinished) {
            inLine--;
            goodFromStart++;
            if (event.timeSeconds() >= warmupSeconds) {
                goodFromWarmup++;
            }
        } else if (event instanceof TraceEvent.PartScrapped || event instanceof TraceEvent.PartAssembled) {
            inLine--;
        }
        recorder.on(event);
    }

    /** Frames at instants before {@code seconds} see the line as it stands now. */
    private void captureBefore(double seconds) {
        while (next < instants.length && instants[next] < seconds) {
            double at = instants[next];
            advance(at);
            boolean pastWarmup = at > warmupSeconds;
            double start = pastWarmup ? warmupSeconds : 0;
            double hours = Math.max(1e-9, (at - start) / 3600);
            double good = pastWarmup ? goodFromWarmup : goodFromStart;
            double area = pastWarmup ? wipAreaFromWarmup : wipAreaFromStart;
            LineView state = new LineView(
                    at, recorder.stations(), recorder.levels(), java.util.Map.of(), Hud.none(), recorder.movers(at));
            captured.add(new Captured(at, state, good / hours, area / Math.max(1e-9, at - start), start));
            next++;
        }
    }

    private void advance(double seconds) {
        double dt = seconds - lastSeconds;
        if (dt > 0) {
            wipAreaFromStart += inLine * dt;
            double fromWarmup = Math.min(dt, Math.max(0, seconds - warmupSeconds));
            wipAreaFromWarmup += inLine * fromWarmup;
            lastSeconds = seconds;
        }
    }

    /** The frames, once the run has ended at {@code endSeconds}; {@code bottleneck}: the run's. */
    List<LineView> frames(double endSeconds, Optional<String> bottleneck) {
        captureBefore(Double.POSITIVE_INFINITY);
        List<LineView> views = new ArrayList<>();
        for (Captured c : captured) {
            String caption = "state at " + SimTime.format(c.at()) + "; KPIs over " + SimTime.format(c.windowStart())
                    + " .. " + SimTime.format(c.at()) + " (bottleneck: whole run to " + SimTime.format(endSeconds)
                    + ")";
            Hud hud = new Hud(caption, c.throughputPerHour(), c.wip(), bottleneck);
            LineView s = c.state();
            views.add(new LineView(s.simSeconds(), s.stations(), s.bufferLevels(), s.healthRisk(), hud, s.movers()));
        }
        return views;
    }
}
