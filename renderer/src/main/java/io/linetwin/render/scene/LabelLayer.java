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
    static final int MAX_LABELS = 60;

    private final Supplier<java.util.Optional<LineScene>> scene;
    private final Supplier<List<LabelPlacer.Rect>> reserved;
    private final Palette palette;
    private final Node layer = new Node("labels");
    private BitmapFont font;
    private float size;
    private Materials materials;
    private Material vertexColoured;
    private List<LineScene.Request> laidOutFor;
    private Vector3f cameraAt = new Vector3f();
    private Quaternion cameraTurn = new Quaternion();
    private List<LabelPlacer.Placed> placed = List.of();

    public LabelLayer(
            Supplier<java.util.Optional<LineScene>> scene, Supplier<List<LabelPlacer.Rect>> reserved, Palette palette) {
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
        size = font.getCharSet().getRenderedSize()
                * Math.max(0.75f, Math.min(1.2f, app.getCamera().getHeight() / 760f));
        materials = new Materials(app.getAssetManager(), palette);
        vertexColoured = new Material(app.getAssetManager(), "Common/MatDefs/Misc/Unshaded.j3md");
        vertexColoured.setBoolean("VertexColor", true);
        vertexColoured.getAdditionalRenderState().setFaceCullMode(com.jme3.material.RenderState.FaceCullMode.Off);
    }

    @Override
    public void update(float tpf) {
        java.util.Optional<LineScene> current = scene.get();
        if (current.isEmpty()) {
            return;
        }
        Camera cam = getApplication().getCamera();
        List<LineScene.Request> requests = current.get().labels();
        if (requests == laidOutFor
                && cam.getLocation().equals(cameraAt)
                && cam.getRotation().equals(cameraTurn)) {
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
        // Plates, borders and leader lines of every label in one mesh: one draw call, then one per text.
        Quads quads = new Quads();
        ColorRGBA inkColour = palette.role(Palette.Role.LABEL);
        ColorRGBA plateColour = palette.role(Palette.Role.PLATE);
        ColorRGBA accentColour = palette.role(Palette.Role.BOTTLENECK);
        // Triangles draw in order: every leader line first, so none crosses a plate drawn before it.
        for (LabelPlacer.Placed p : placed) {
            boolean bottleneck = byId.get(p.id()).priority() == LineScene.Priority.BOTTLENECK;
            ColorRGBA edge = bottleneck ? accentColour : inkColour;
            LabelPlacer.Rect rect = p.plate();
            if (p.leader()) {
                float tx = FastMath.clamp(p.anchorX(), rect.x() + 2, rect.x() + rect.w() - 2);
                float ty = p.anchorY() < rect.y() ? rect.y() : rect.y() + rect.h();
                quads.line(p.anchorX(), p.anchorY(), tx, ty, 2f, 0, edge);
                quads.rect(p.anchorX() - 2.5f, p.anchorY() - 2.5f, 5, 5, 0, edge);
            }
        }
        for (LabelPlacer.Placed p : placed) {
            LineScene.Request r = byId.get(p.id());
            boolean bottleneck = r.priority() == LineScene.Priority.BOTTLENECK;
            ColorRGBA edge = bottleneck ? accentColour : inkColour;
            LabelPlacer.Rect rect = p.plate();
            quads.rect(rect.x(), rect.y(), rect.w(), rect.h(), 1, edge);
            quads.rect(
                    rect.x() + BORDER,
                    rect.y() + BORDER,
                    rect.w() - 2 * BORDER,
                    rect.h() - 2 * BORDER,
                    2,
                    bottleneck ? accentColour : plateColour);
            BitmapText text = new BitmapText(font);
            text.setSize(size);
            text.setText(r.text());
            text.setColor(bottleneck ? plateColour : inkColour);
            text.setLocalTranslation(rect.x() + BORDER + PAD, rect.y() + rect.h() - BORDER - PAD / 2 + 1, 3);
            text.setName("label:" + p.id());
            layer.attachChild(text);
        }
        if (!placed.isEmpty()) {
            Geometry plates = new Geometry("label-plates", quads.build());
            plates.setMaterial(vertexColoured);
            layer.attachChild(plates);
        }
    }

    /** Flat quads coloured per vertex, in the GUI's pixel space. */
    private static final class Quads {
        private final List<Float> positions = new ArrayList<>();
        private final List<Float> colours = new ArrayList<>();

        void rect(float x, float y, float w, float h, float z, ColorRGBA c) {
            quad(new float[] {x, y, x + w, y, x + w, y + h, x, y + h}, z, c);
        }

        void line(float x0, float y0, float x1, float y1, float width, float z, ColorRGBA c) {
            float length = FastMath.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            if (length < 1e-3f) {
                return;
            }
            float nx = -(y1 - y0) / length * width / 2;
            float ny = (x1 - x0) / length * width / 2;
            quad(new float[] {x0 - nx, y0 - ny, x1 - nx, y1 - ny, x1 + nx, y1 + ny, x0 + nx, y0 + ny}, z, c);
        }

        private void quad(float[] xy, float z, ColorRGBA c) {
            for (int i : new int[] {0, 1, 2, 0, 2, 3}) {
                positions.add(xy[2 * i]);
                positions.add(xy[2 * i + 1]);
                positions.add(z);
                colours.add(c.r);
                colours.add(c.g);
                colours.add(c.b);
                colours.add(c.a);
            }
        }

        com.jme3.scene.Mesh build() {
            float[] p = new float[positions.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = positions.get(i);
            }
            float[] c = new float[colours.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = colours.get(i);
            }
            com.jme3.scene.Mesh mesh = new com.jme3.scene.Mesh();
            mesh.setBuffer(com.jme3.scene.VertexBuffer.Type.Position, 3, p);
            mesh.setBuffer(com.jme3.scene.VertexBuffer.Type.Color, 4, c);
            mesh.updateBound();
            return mesh;
        }
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
