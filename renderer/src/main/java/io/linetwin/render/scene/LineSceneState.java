package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.math.ColorRGBA;
import com.jme3.material.TechniqueDef;
import com.jme3.math.Vector3f;
import io.linetwin.model.LineSpec;
import io.linetwin.render.LineView;
import io.linetwin.render.layout.FloorPlan;
import java.util.Optional;

/**
 * The line's 3D scene: built once, attached while enabled, and recoloured from the latest view. Views may be
 * handed in before the state is initialised; the latest one is applied when the scene exists.
 */
public final class LineSceneState extends BaseAppState {

    private final LineSpec line;
    private final FloorPlan plan;
    private final Palette palette;
    private final boolean animated;
    private final boolean labelsBeside;
    private LineScene scene;
    private AmbientLight ambient;
    private DirectionalLight sun;
    private LineView pending;

    /** {@code animated}: machines that are down pulse; {@code labelsBeside}: see {@link LineSceneBuilder}. */
    public LineSceneState(LineSpec line, FloorPlan plan, Palette palette, boolean animated, boolean labelsBeside) {
        this.line = line;
        this.plan = plan;
        this.palette = palette;
        this.animated = animated;
        this.labelsBeside = labelsBeside;
    }

    /** Shows {@code view}; call on the render thread (other threads: {@code app.enqueue}). */
    public void show(LineView view) {
        pending = view;
        if (scene != null) {
            scene.apply(view);
        }
    }

    public Optional<LineScene> scene() {
        return Optional.ofNullable(scene);
    }

    @Override
    protected void initialize(Application app) {
        // One pass for both lights instead of one per light: halves the draw calls of lit geometry.
        app.getRenderManager().setPreferredLightMode(TechniqueDef.LightMode.SinglePass);
        app.getRenderManager().setSinglePassLightBatchSize(2);
        scene = new LineSceneBuilder(app.getAssetManager(), palette, animated, labelsBeside).build(line, plan);
        if (pending != null) {
            scene.apply(pending);
        }
        ambient = new AmbientLight(ColorRGBA.White.mult(0.75f));
        sun = new DirectionalLight(new Vector3f(-0.4f, -1f, -0.6f).normalizeLocal(), ColorRGBA.White.mult(0.7f));
    }

    @Override
    protected void onEnable() {
        SimpleApplication app = (SimpleApplication) getApplication();
        app.getRootNode().attachChild(scene.root());
        if (palette.lit()) {
            app.getRootNode().addLight(ambient);
            app.getRootNode().addLight(sun);
        }
        app.getViewPort().setBackgroundColor(palette.role(Palette.Role.BACKGROUND));
    }

    @Override
    protected void onDisable() {
        SimpleApplication app = (SimpleApplication) getApplication();
        scene.root().removeFromParent();
        app.getRootNode().removeLight(ambient);
        app.getRootNode().removeLight(sun);
    }

    @Override
    protected void cleanup(Application app) {
        scene = null;
    }
}
