package io.linetwin.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A time-ordered series of views and the view at any time between them. Discrete things (station states,
 * KPIs) step: they hold the value of the latest view at or before the time, because a machine is never
 * "half down". Continuous things (buffer levels, health risk) are interpolated linearly, so playback glides.
 */
public final class ViewTimeline {

    private final List<LineView> views;

    public ViewTimeline(List<LineView> views) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one view, got none");
        }
        for (int i = 1; i < views.size(); i++) {
            if (views.get(i).simSeconds() < views.get(i - 1).simSeconds()) {
                throw new IllegalArgumentException(
                        "views must be in time order, got " + views.get(i).simSeconds() + " s after "
                                + views.get(i - 1).simSeconds() + " s");
            }
        }
        this.views = List.copyOf(views);
    }

    public double startSeconds() {
        return views.get(0).simSeconds();
    }

    public double endSeconds() {
        return views.get(views.size() - 1).simSeconds();
    }

    public int size() {
        return views.size();
    }

    /** A longer timeline with {@code next} appended; it must not be earlier than the last view. */
    public ViewTimeline append(LineView next) {
        List<LineView> longer = new ArrayList<>(views);
        longer.add(next);
        return new ViewTimeline(longer);
    }

    public LineView at(double simSeconds) {
        if (simSeconds <= startSeconds()) {
            return views.get(0);
        }
        if (simSeconds >= endSeconds()) {
            return views.get(views.size() - 1);
        }
        int after = 1;
        while (views.get(after).simSeconds() <= simSeconds) {
            after++;
        }
        LineView a = views.get(after - 1);
        LineView b = views.get(after);
        double span = b.simSeconds() - a.simSeconds();
        double f = span > 0 ? (simSeconds - a.simSeconds()) / span : 0;
        return new LineView(
                simSeconds,
                a.stations(),
                blendLevels(a.bufferLevels(), b.bufferLevels(), f),
                blendRisk(a.healthRisk(), b.healthRisk(), f),
                a.kpis(),
                a.movers());
    }

    private static Map<String, Integer> blendLevels(Map<String, Integer> a, Map<String, Integer> b, double f) {
        Map<String, Integer> out = new HashMap<>(a);
        b.forEach((id, to) -> {
            Integer from = a.get(id);
            out.put(id, from == null ? to : (int) Math.round(from + (to - from) * f));
        });
        return out;
    }

    private static Map<String, Double> blendRisk(Map<String, Double> a, Map<String, Double> b, double f) {
        Map<String, Double> out = new HashMap<>(a);
        b.forEach((id, to) -> {
            Double from = a.get(id);
            out.put(id, from == null ? to : from + (to - from) * f);
        });
        return out;
    }
}
