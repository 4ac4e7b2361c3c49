package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.material.TechniqueDef;
import com.jme3.math.ColorRGBA;
import com.jme3.shadow.DirectionalLightShadowRenderer;
import com.jme3.shadow.EdgeFilteringMode;
import io.linetwin.model.LineSpec;
import io.linetwin.render.LineView;
import io.linetwin.render.layout.FloorPlan;
import java.util.Optional;

/**
 * The line's 3D scene: built once, attached while enabled, and relit from the latest view. Lit palettes get a sun
 * and ambient light, soft ambient occlusion baked into the floor round every footprint (screen-space occlusion is
 * beyond software GL), and shadows: a shadow map every frame on hardware GL, or on software GL (OSMesa, llvmpipe)
 * the equipment's shadows painted onto the floor once, where a shadow map would cost several times the rest of
 * the frame. Views may be handed in before the state is initialised; the latest one is applied when the scene
 * exists.
 */
public final class LineSceneState extends BaseAppState {

    private static final int SHADOW_MAP = 2048;

    /** How the sun's shadows are drawn. */
    public enum Shadows {
        /** None (unlit palettes, or switched off). */
        NONE,
        /** Painted onto the floor once, with the scene (software GL). */
        BAKED,
        /** A shadow map drawn every frame (hardware GL). */
        MAPPED
    }

    private final LineSpec line;
    private final FloorPlan plan;
    private final Palette palette;
    private final boolean animated;
    private final boolean shadows;
    private LineScene scene;
    private AmbientLight ambient;
    private DirectionalLight sun;
    private DirectionalLightShadowRenderer shadowRenderer;
    private Shadows mode = Shadows.NONE;
    private LineView pending;

    /** {@code animated}: machines that are down pulse; {@code shadows}: the sun casts shadows (lit palettes). */
    public LineSceneState(LineSpec line, FloorPlan plan, Palette palette, boolean animated, boolean shadows) {
        this.line = line;
        this.plan = plan;
        this.palette = palette;
        this.animated = animated;
        this.shadows = shadows && palette.lit();
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

    /** How the sun's shadows are drawn in this scene. */
    public Shadows shadows() {
        return mode;
    }

    @Override
    protected void initialize(Application app) {
        app.getRenderManager().setPreferredLightMode(TechniqueDef.LightMode.SinglePass);
        app.getRenderManager().setSinglePassLightBatchSize(2);
        boolean software = SoftwareGl.detected();
        mode = !shadows ? Shadows.NONE : software ? Shadows.BAKED : Shadows.MAPPED;
        scene = new LineSceneBuilder(app.getAssetManager(), palette, animated, mode == Shadows.BAKED).build(line, plan);
        if (pending != null) {
            scene.apply(pending);
        }
        // The light is baked into the vertex colours (Sunlight); the sun stays for the shadow map on hardware GL.
        ambient = new AmbientLight(ColorRGBA.White.mult(Sunlight.AMBIENT));
        // From the left and a little in front: shadows fall to the right, where the three-quarter camera sees them.
        sun = new DirectionalLight(Sunlight.DIRECTION.clone(), Sunlight.SUN.clone());
        if (mode == Shadows.MAPPED) {
            shadowRenderer = new DirectionalLightShadowRenderer(app.getAssetManager(), SHADOW_MAP, 1);
            shadowRenderer.setLight(sun);
            shadowRenderer.setShadowIntensity(0.5f);
            shadowRenderer.setEdgeFilteringMode(EdgeFilteringMode.PCF4);
        }
    }

    @Override
    protected void onEnable() {
        SimpleApplication app = (SimpleApplication) getApplication();
        app.getRootNode().attachChild(scene.root());
        if (palette.lit()) {
            app.getRootNode().addLight(ambient);
            app.getRootNode().addLight(sun);
        }
        if (shadowRenderer != null) {
            app.getViewPort().addProcessor(shadowRenderer);
        }
        app.getViewPort().setBackgroundColor(palette.role(Palette.Role.BACKGROUND));
    }

    @Override
    protected void onDisable() {
        SimpleApplication app = (SimpleApplication) getApplication();
        scene.root().removeFromParent();
        app.getRootNode().removeLight(ambient);
        app.getRootNode().removeLight(sun);
        if (shadowRenderer != null) {
            app.getViewPort().removeProcessor(shadowRenderer);
        }
    }

    @Override
    protected void cleanup(Application app) {
        scene = null;
    }
}
