package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.font.BitmapFont;
import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Quad;
import io.linetwin.model.StationStatus;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.LineView;
import io.linetwin.render.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heads-up display: a panel with the line's name, the scenario's calendar clock, throughput in the line's
 * output unit, WIP and the bottleneck; and a legend for every colour and symbol the scene draws, with a scale bar.
 * Both panels are kept free of labels ({@link #reserved()}).
 */
public final class HudState extends BaseAppState {

    private static final float PAD = 10f;

    /** What the scene draws, so the legend lists exactly that. */
    public record Legend(boolean racks, boolean conveyors, boolean agvs) {}

    private final String title;
    private final Palette palette;
    private final String unit;
    private final CalendarClock clock;
    private final Legend legend;
    private final Node hud = new Node("hud");
    private final Node legendNode = new Node("legend");
    private BitmapFont font;
    private float scale;
    private Materials materials;
    private BitmapText figures;
    private BitmapText status;
    private LineView pending;
    private String statusText = "";
    private final List<LabelPlacer.Rect> reserved = new ArrayList<>();
    private final List<String> legendEntries = new ArrayList<>();
    private boolean healthShown;
    private LabelPlacer.Rect panel = new LabelPlacer.Rect(0, 0, 0, 0);
    private LabelPlacer.Rect legendRect = new LabelPlacer.Rect(0, 0, 0, 0);

    /** {@code unit}: what the line's output is counted in ("parts", "pallets"). */
    public HudState(String title, Palette palette, String unit, CalendarClock clock, Legend legend) {
        this.title = title;
        this.palette = palette;
        this.unit = unit;
        this.clock = clock;
        this.legend = legend;
    }

    public HudState(String title, Palette palette) {
        this(title, palette, "parts", new CalendarClock(0), new Legend(true, true, true));
    }

    /**
     * Bottom and top of the band of the picture between the legend and the top panel (pixels, y up), as the
     * panels will take them: the camera frames the line inside it.
     */
    public static float[] bands(float width, float height) {
        float scale = Math.max(0.7f, Math.min(1.2f, height / 760f));
        float line = 17 * scale * 1.2f;
        float top = height - PAD - (line * 4 + 2 * PAD);
        float legendRows = width < 1100 ? 2 : 1;
        float bottom = PAD + legendRows * (Math.max(12 * scale, 17 * scale * 0.85f) + 6) + PAD;
        return new float[] {bottom, top};
    }

    /** Shows {@code view}'s figures; render thread only. */
    public void show(LineView view) {
        pending = view;
        if (figures != null) {
            figures.setText(text(view));
            boolean health = !view.healthRisk().isEmpty();
            if (health != healthShown) {
                healthShown = health;
                buildLegend();
            }
        }
    }

    /** A line under the figures (playback speed, selection); render thread only. */
    public void status(String text) {
        statusText = text;
        if (status != null) {
            status.setText(text);
        }
    }

    public String text() {
        return figures == null ? "" : figures.getText();
    }

    /** Areas of the picture the panels take (pixels, y up). */
    public List<LabelPlacer.Rect> reserved() {
        return List.copyOf(reserved);
    }

    /** The legend's rectangle (pixels, y up). */
    public LabelPlacer.Rect legendArea() {
        return legendRect;
    }

    /** The names of the legend's entries. */
    public List<String> legendEntries() {
        return List.copyOf(legendEntries);
    }

    String text(LineView view) {
        String bottleneck = view.kpis().bottleneck().orElse("-");
        double rate = view.kpis().throughputPerHour();
        String throughput =
                rate < 10 ? String.format(Locale.ROOT, "%.1f", rate) : String.format(Locale.ROOT, "%,.0f", rate);
        return String.format(
                Locale.ROOT,
                "%s%n%s   (t = %s)%nthroughput %s %s/h   WIP %,.1f   bottleneck: %s%n%s",
                title,
                clock.at(view.simSeconds()),
                SimTime.format(view.simSeconds()),
                throughput,
                unit,
                view.kpis().wip(),
                bottleneck,
                view.kpis().caption());
    }

    @Override
    protected void initialize(Application app) {
        font = app.getAssetManager().loadFont("Interface/Fonts/Default.fnt");
        float height = app.getCamera().getHeight();
        scale = Math.max(0.7f, Math.min(1.2f, height / 760f));
        materials = new Materials(app.getAssetManager(), palette);
        figures = new BitmapText(font);
        figures.setSize(font.getCharSet().getRenderedSize() * scale);
        figures.setColor(palette.role(Palette.Role.LABEL));
        figures.setText(pending == null ? title + "\n\n\n" : text(pending));
        float lines = 4;
        float panelH = figures.getLineHeight() * lines + 2 * PAD;
        float panelW = Math.min(app.getCamera().getWidth() - 2 * PAD, 560 * scale);
        panel = new LabelPlacer.Rect(PAD, height - PAD - panelH, panelW, panelH);
        Geometry back = new Geometry("hud-panel", new Quad(panelW, panelH));
        back.setMaterial(materials.flat(palette.role(Palette.Role.PLATE)));
        back.setLocalTranslation(panel.x(), panel.y(), -1);
        hud.attachChild(back);
        figures.setLocalTranslation(PAD * 2, height - PAD * 2, 0);
        hud.attachChild(figures);
        status = new BitmapText(font);
        status.setSize(font.getCharSet().getRenderedSize() * scale * 0.9f);
        status.setColor(palette.role(Palette.Role.LABEL));
        status.setLocalTranslation(PAD * 2, panel.y() - 4, 0);
        status.setText(statusText);
        hud.attachChild(status);
        hud.attachChild(legendNode);
        healthShown = pending != null && !pending.healthRisk().isEmpty();
        buildLegend();
    }

    /** One row (two if needed) along the bottom: a swatch and a name per colour or symbol drawn. */
    private void buildLegend() {
        legendNode.detachAllChildren();
        legendEntries.clear();
        List<Object[]> entries = new ArrayList<>();
        for (StationStatus state : StationStatus.values()) {
            entries.add(new Object[] {
                state == StationStatus.DOWN ? "down / belt stopped" : state.json(), palette.state(state), "box"
            });
        }
        entries.add(new Object[] {"no data", palette.role(Palette.Role.UNKNOWN), "box"});
        entries.add(new Object[] {"bottleneck", palette.role(Palette.Role.BOTTLENECK), "box"});
        if (legend.racks()) {
            entries.add(new Object[] {"parts waiting (rack)", palette.role(Palette.Role.FILL), "box"});
        }
        if (legend.conveyors() || legend.agvs()) {
            entries.add(new Object[] {"parts moving", palette.role(Palette.Role.PART), "box"});
        }
        if (legend.agvs()) {
            entries.add(new Object[] {"AGV", palette.role(Palette.Role.AGV), "box"});
            entries.add(new Object[] {"AGV lane", palette.role(Palette.Role.AGV_LANE), "bar"});
        }
        entries.add(new Object[] {"walkway", palette.role(Palette.Role.AISLE), "line"});
        if (healthShown) {
            entries.add(new Object[] {"health ok", palette.role(Palette.Role.HEALTHY), "box"});
            entries.add(new Object[] {"failure risk", palette.role(Palette.Role.AT_RISK), "box"});
        }
        Camera cam = getApplication().getCamera();
        float width = cam.getWidth();
        float sw = 12 * scale;
        float textSize = font.getCharSet().getRenderedSize() * scale * 0.85f;
        float rowH = Math.max(sw, textSize) + 6;
        String heading = "machine light & status lamp:";
        float barPixels = scalePixels(cam);
        float scaleWidth = barPixels > 0 ? barPixels + 8 + width(SCALE_TEXT, textSize) + PAD : 0;
        List<float[]> positions = new ArrayList<>();
        float x = PAD * 2 + width(heading, textSize) + 8;
        int row = 0;
        for (Object[] e : entries) {
            float w = sw + 4 + width((String) e[0], textSize) + 14;
            float limit = width - PAD * 2 - (row == 0 ? scaleWidth : 0);
            if (x + w > limit) {
                row++;
                x = PAD * 2;
            }
            positions.add(new float[] {x, row});
            x += w;
        }
        int rows = row + 1;
        float legendH = rows * rowH + PAD;
        legendRect = new LabelPlacer.Rect(PAD, PAD, width - 2 * PAD, legendH);
        Geometry back = new Geometry("legend-panel", new Quad(legendRect.w(), legendRect.h()));
        back.setMaterial(materials.flat(palette.role(Palette.Role.PLATE)));
        back.setLocalTranslation(legendRect.x(), legendRect.y(), -1);
        legendNode.attachChild(back);
        float top = legendRect.y() + legendRect.h() - PAD / 2;
        legendNode.attachChild(text(heading, PAD * 2, top, textSize));
        for (int i = 0; i < entries.size(); i++) {
            Object[] e = entries.get(i);
            float ex = positions.get(i)[0];
            float ey = top - positions.get(i)[1] * rowH;
            float sh = "box".equals(e[2]) ? sw : "bar".equals(e[2]) ? sw * 0.6f : 3;
            Geometry swatch = new Geometry("legend:" + e[0], new Quad(sw, sh));
            swatch.setMaterial(materials.flat((ColorRGBA) e[1]));
            swatch.setLocalTranslation(ex, ey - (rowH - 6) / 2 - sh / 2 - 1, 0);
            legendNode.attachChild(swatch);
            legendNode.attachChild(text((String) e[0], ex + sw + 4, ey, textSize));
            legendEntries.add((String) e[0]);
        }
        if (barPixels > 0) {
            scaleBar(barPixels, legendRect, top, textSize);
        }
        reserved.clear();
        reserved.add(panel);
        reserved.add(legendRect);
    }

    private static final String SCALE_TEXT = "5 m (grid 1 m)";

    private float width(String text, float size) {
        return font.getLineWidth(text) * size / font.getCharSet().getRenderedSize();
    }

    /** Pixels that five metres of floor take across the middle of the picture; 0 when that cannot be drawn. */
    private static float scalePixels(Camera cam) {
        Vector3f ground = CameraState.ground(cam, cam.getWidth() / 2f, cam.getHeight() / 2f);
        if (ground == null) {
            return 0;
        }
        Vector3f a = cam.getScreenCoordinates(ground);
        Vector3f b = cam.getScreenCoordinates(
                ground.add(cam.getLeft().negate().setY(0).normalizeLocal().mult(5)));
        float pixels = Math.abs(b.x - a.x);
        return pixels > 4 && pixels < 300 ? pixels : 0;
    }

    /** The scale bar at the right end of the legend's first row. */
    private void scaleBar(float pixels, LabelPlacer.Rect area, float top, float textSize) {
        float x0 = area.x() + area.w() - PAD - pixels;
        float y0 = top - textSize * 0.6f;
        Geometry bar = new Geometry("legend:scale", new Quad(pixels, 3));
        bar.setMaterial(materials.flat(palette.role(Palette.Role.LABEL)));
        bar.setLocalTranslation(x0, y0, 0);
        legendNode.attachChild(bar);
        legendNode.attachChild(text(SCALE_TEXT, x0 - 8 - width(SCALE_TEXT, textSize), top, textSize));
    }

    private BitmapText text(String s, float x, float y, float size) {
        BitmapText t = new BitmapText(font);
        t.setSize(size);
        t.setColor(palette.role(Palette.Role.LABEL));
        t.setText(s);
        t.setLocalTranslation(x, y, 0);
        return t;
    }

    @Override
    protected void onEnable() {
        ((SimpleApplication) getApplication()).getGuiNode().attachChild(hud);
    }

    @Override
    protected void onDisable() {
        hud.removeFromParent();
    }

    @Override
    protected void cleanup(Application app) {
        hud.detachAllChildren();
    }
}
