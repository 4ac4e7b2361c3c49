package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.input.CameraInput;
import com.jme3.input.ChaseCamera;
import com.jme3.input.MouseInput;
import com.jme3.input.controls.MouseButtonTrigger;
import com.jme3.math.FastMath;
import com.jme3.scene.Node;
import io.linetwin.render.layout.FloorPlan;

/**
 * Orbits the camera around the middle of the line: right-drag turns, the wheel zooms. The left button stays
 * free for picking machines.
 */
public final class OrbitCameraState extends BaseAppState {

    private final FloorPlan plan;
    private final Node pivot = new Node("orbit-pivot");
    private ChaseCamera chase;

    public OrbitCameraState(FloorPlan plan) {
        this.plan = plan;
    }

    @Override
    protected void initialize(Application app) {
        pivot.setLocalTranslation((float) (plan.minX() + plan.maxX()) / 2, 0, (float) (plan.minZ() + plan.maxZ()) / 2);
        float span = (float) Math.max(plan.maxX() - plan.minX(), plan.maxZ() - plan.minZ());
        chase = new ChaseCamera(app.getCamera(), pivot, app.getInputManager());
        chase.setToggleRotationTrigger(new MouseButtonTrigger(MouseInput.BUTTON_RIGHT));
        chase.setMinDistance(5f);
        chase.setMaxDistance(span * 2 + 50);
        chase.setDefaultDistance(span * 0.9f + 10);
        chase.setDefaultVerticalRotation(50 * FastMath.DEG_TO_RAD);
        chase.setDefaultHorizontalRotation(FastMath.HALF_PI);
        chase.setZoomSensitivity(span / 20 + 2);
        chase.setInvertVerticalAxis(true);
        app.getInputManager()
                .deleteTrigger(CameraInput.CHASECAM_TOGGLEROTATE, new MouseButtonTrigger(MouseInput.BUTTON_LEFT));
        app.getCamera().setFrustumFar(span * 6 + 200);
    }

    @Override
    protected void onEnable() {
        ((SimpleApplication) getApplication()).getRootNode().attachChild(pivot);
        chase.setEnabled(true);
    }

    @Override
    protected void onDisable() {
        chase.setEnabled(false);
        pivot.removeFromParent();
    }

    @Override
    protected void cleanup(Application app) {
        chase.cleanupWithInput(app.getInputManager());
    }
}
