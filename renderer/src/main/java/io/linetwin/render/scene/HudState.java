package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.font.BitmapFont;
import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Quad;
import io.linetwin.render.LineView;
import io.linetwin.render.SimTime;
import io.linetwin.render.StationVisualState;
import java.util.Locale;

/** The heads-up display: sim time, throughput, WIP, bottleneck, an optional status line and a state legend. */
public final class HudState extends BaseAppState {

    private static final float PAD = 12f;

    private final String title;
    private final Palette palette;
    private final Node hud = new Node("hud");
    private BitmapText figures;
    private BitmapText status;
    private LineView pending;
    private String statusText = "";

    public HudState(String title, Palette palette) {
        this.title = title;
        this.palette = palette;
    }

    /** Shows {@code view}'s figures; render thread only. */
    public void show(LineView view) {
        pending = view;
        if (figures != null) {
            figures.setText(text(view));
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

    String text(LineView view) {
        String bottleneck = view.kpis().bottleneck().orElse("-");
        return String.format(Locale.ROOT, "%s   t = %s%n%s%nthroughput %,.0f /h   WIP %,.1f   bottleneck: %s",
                title, SimTime.format(view.simSeconds()), view.kpis().caption(), view.kpis().throughputPerHour(),
                view.kpis().wip(), bottleneck);
    }

    @Override
    protected void initialize(Application app) {
        BitmapFont font = app.getAssetManager().loadFont("Interface/Fonts/Default.fnt");
        float height = app.getCamera().getHeight();
        float scale = Math.max(0.8f, height / 720f);
        Materials materials = new Materials(app.getAssetManager(), palette);
        ColorRGBA ink = palette.lit() ? new ColorRGBA(0.08f, 0.09f, 0.12f, 1) : ColorRGBA.White;
        figures = new BitmapText(font);
        figures.setSize(font.getCharSet().getRenderedSize() * scale);
        figures.setColor(ink);
        figures.setLocalTranslation(PAD, height - PAD, 0);
        figures.setText(pending == null ? title : text(pending));
        hud.attachChild(figures);
        status = new BitmapText(font);
        status.setSize(font.getCharSet().getRenderedSize() * scale);
        status.setColor(ink);
        status.setLocalTranslation(PAD, height - PAD - figures.getLineHeight() * 3.3f, 0);
        status.setText(statusText);
        hud.attachChild(status);
        legend(font, materials, scale, ink);
    }

    private void legend(BitmapFont font, Materials materials, float scale, ColorRGBA ink) {
        float x = PAD;
        float size = 14 * scale;
        for (StationVisualState state : StationVisualState.values()) {
            Geometry swatch = new Geometry("legend:" + state.key(), new Quad(size, size));
            swatch.setMaterial(materials.flat(palette.state(state)));
            swatch.setLocalTranslation(x, PAD, 0);
            hud.attachChild(swatch);
            BitmapText name = new BitmapText(font);
            name.setSize(font.getCharSet().getRenderedSize() * scale * 0.9f);
            name.setColor(ink);
            name.setText(state.key());
            name.setLocalTranslation(x + size + 4, PAD + size, 0);
            hud.attachChild(name);
            x += size + 12 + name.getLineWidth();
        }
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
