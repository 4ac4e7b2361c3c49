package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.font.BitmapFont;
import com.jme3.font.BitmapText;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.FastMath;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Quad;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The station labels: screen-aligned plates (billboards that keep their size), placed by {@link LabelPlacer} so
 * they never overlap, most important first (bottleneck, machines that are down, machines, the line's ends), with
 * leader lines to their stations. Laid out again whenever the camera moves or the view asks for other labels.
 */
public final class LabelLayer extends BaseAppState {

    public static final float PAD = 4;
    public static final float BORDER = 2;
    /** Labels placed at most: beyond this an overview shows the most important ones only. */
    static final int MAX_LABELS = 200;

    private final Supplier<java.util.Optional<LineScene>> scene;
    private final Supplier<List<LabelPlacer.Rect>> reserved;
    private final Palette palette;
    private final Node layer = new Node("labels");
    private BitmapFont font;
    private float size;
    private Materials materials;
    private Material plate;
    private Material ink;
    private Material accent;
    private List<LineScene.Request> laidOutFor;
    private Vector3f cameraAt = new Vector3f();
    private Quaternion cameraTurn = new Quaternion();
    private List<LabelPlacer.Placed> placed = List.of();

    public LabelLayer(Supplier<java.util.Optional<LineScene>> scene, Supplier<List<LabelPlacer.Rect>> reserved,
            Palette palette) {
        this.scene = scene;
        this.reserved = reserved;
        this.palette = palette;
    }

    /** The plates as last placed (pixels, y up). */
    public List<LabelPlacer.Placed> placed() {
        return placed;
    }

    @Override
    protected void initialize(Application app) {
        font = app.getAssetManager().loadFont("Interface/Fonts/Default.fnt");
        size = font.getCharSet().getRenderedSize() * Math.max(0.75f, Math.min(1.2f, app.getCamera().getHeight() / 760f));
        materials = new Materials(app.getAssetManager(), palette);
        plate = materials.flat(palette.role(Palette.Role.PLATE));
        ink = materials.flat(palette.role(Palette.Role.LABEL));
        accent = materials.flat(palette.role(Palette.Role.BOTTLENECK));
    }

    @Override
    public void update(float tpf) {
        java.util.Optional<LineScene> current = scene.get();
        if (current.isEmpty()) {
            return;
        }
        Camera cam = getApplication().getCamera();
        List<LineScene.Request> requests = current.get().labels();
        if (requests == laidOutFor && cam.getLocation().equals(cameraAt) && cam.getRotation().equals(cameraTurn)) {
            return;
        }
        laidOutFor = requests;
        cameraAt = cam.getLocation().clone();
        cameraTurn = cam.getRotation().clone();
        layOut(cam, requests);
    }

    private float textWidth(String text) {
        return font.getLineWidth(text) * size / font.getCharSet().getRenderedSize();
    }

    private void layOut(Camera cam, List<LineScene.Request> requests) {
        List<LabelPlacer.Item> items = new ArrayList<>();
        java.util.Map<String, LineScene.Request> byId = new java.util.HashMap<>();
        for (LineScene.Request r : requests) {
            if (items.size() >= MAX_LABELS) {
                break;
            }
            Vector3f screen = cam.getScreenCoordinates(r.anchor());
            if (screen.z < 0 || screen.z > 1) {
                continue;
            }
            float w = textWidth(r.text()) + 2 * (PAD + BORDER);
            float h = size + 2 * BORDER + PAD;
            items.add(new LabelPlacer.Item(r.id(), screen.x, screen.y, w, h));
            byId.put(r.id(), r);
        }
        placed = LabelPlacer.place(items, cam.getWidth(), cam.getHeight(), reserved.get());
        layer.detachAllChildren();
        for (LabelPlacer.Placed p : placed) {
            LineScene.Request r = byId.get(p.id());
            boolean bottleneck = r.priority() == LineScene.Priority.BOTTLENECK;
            LabelPlacer.Rect rect = p.plate();
            if (p.leader()) {
                float tx = FastMath.clamp(p.anchorX(), rect.x() + 2, rect.x() + rect.w() - 2);
                float ty = p.anchorY() < rect.y() ? rect.y() : rect.y() + rect.h();
                line(p.anchorX(), p.anchorY(), tx, ty, bottleneck ? accent : ink);
                Geometry dot = quad("dot", 5, 5, bottleneck ? accent : ink);
                dot.setLocalTranslation(p.anchorX() - 2.5f, p.anchorY() - 2.5f, 0);
                layer.attachChild(dot);
            }
            Geometry border = quad("border:" + p.id(), rect.w(), rect.h(), bottleneck ? accent : ink);
            border.setLocalTranslation(rect.x(), rect.y(), 1);
            layer.attachChild(border);
            Geometry inside = quad("plate:" + p.id(), rect.w() - 2 * BORDER, rect.h() - 2 * BORDER,
                    bottleneck ? accent : plate);
            inside.setLocalTranslation(rect.x() + BORDER, rect.y() + BORDER, 2);
            layer.attachChild(inside);
            BitmapText text = new BitmapText(font);
            text.setSize(size);
            text.setText(r.text());
            text.setColor(bottleneck ? palette.role(Palette.Role.PLATE) : palette.role(Palette.Role.LABEL));
            text.setLocalTranslation(rect.x() + BORDER + PAD, rect.y() + rect.h() - BORDER - PAD / 2 + 1, 3);
            text.setName("label:" + p.id());
            layer.attachChild(text);
        }
    }

    private Geometry quad(String name, float w, float h, Material material) {
        Geometry g = new Geometry(name, new Quad(Math.max(w, 0.5f), Math.max(h, 0.5f)));
        g.setMaterial(material);
        return g;
    }

    private void line(float x0, float y0, float x1, float y1, Material material) {
        float length = FastMath.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        Geometry g = quad("leader", length, 2f, material);
        g.setLocalTranslation(x0, y0, 0);
        g.setLocalRotation(new Quaternion().fromAngleAxis(FastMath.atan2(y1 - y0, x1 - x0), Vector3f.UNIT_Z));
        g.move(new Vector3f(FastMath.sin(FastMath.atan2(y1 - y0, x1 - x0)), -FastMath.cos(FastMath.atan2(y1 - y0,
                x1 - x0)), 0));
        layer.attachChild(g);
    }

    @Override
    protected void onEnable() {
        ((SimpleApplication) getApplication()).getGuiNode().attachChild(layer);
    }

    @Override
    protected void onDisable() {
        layer.removeFromParent();
    }

    @Override
    protected void cleanup(Application app) {
        layer.detachAllChildren();
    }

    ColorRGBA ink() {
        return palette.role(Palette.Role.LABEL);
    }
}
