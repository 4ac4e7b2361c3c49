package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.state.BaseAppState;
import com.jme3.math.FastMath;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;

/** Puts the camera at a preset and keeps it there; the interactive orbit lives in {@link OrbitCameraState}. */
public final class CameraState extends BaseAppState {

    private static final float FOV_Y_DEGREES = 40f;
    private static final float ELEVATION = 52f * FastMath.DEG_TO_RAD;

    private final FloorPlan plan;
    private final CameraPreset preset;

    public CameraState(FloorPlan plan, CameraPreset preset) {
        this.plan = plan;
        this.preset = preset;
        if (preset instanceof CameraPreset.Station s) {
            plan.station(s.stationId());
        }
    }

    @Override
    protected void initialize(Application app) {
        // Nothing to load: the camera is placed when enabled.
    }

    @Override
    protected void onEnable() {
        place(getApplication().getCamera());
    }

    void place(Camera cam) {
        float aspect = cam.getWidth() / (float) cam.getHeight();
        if (preset instanceof CameraPreset.TopOrtho) {
            top(cam);
        } else if (preset instanceof CameraPreset.Station station) {
            Footprint at = plan.station(station.stationId());
            perspective(cam, new Vector3f((float) at.x(), 1f, (float) at.z()), 14f, aspect);
        } else {
            float cx = (float) (plan.minX() + plan.maxX()) / 2;
            float cz = (float) (plan.minZ() + plan.maxZ()) / 2;
            float halfW = (float) (plan.maxX() - plan.minX()) / 2 + 3;
            float halfD = (float) (plan.maxZ() - plan.minZ()) / 2 + 3;
            float tanY = FastMath.tan(FOV_Y_DEGREES * FastMath.DEG_TO_RAD / 2);
            // Fit the width across and the depth (foreshortened by the elevation) up the picture.
            float distance = Math.max(halfW / (tanY * aspect), halfD * FastMath.sin(ELEVATION) / tanY + halfD);
            perspective(cam, new Vector3f(cx, 0, cz + halfD * 0.1f), distance * 1.05f, aspect);
        }
    }

    private static void perspective(Camera cam, Vector3f target, float distance, float aspect) {
        cam.setParallelProjection(false);
        cam.setFrustumPerspective(FOV_Y_DEGREES, aspect, 0.5f, distance * 4 + 100);
        Vector3f offset = new Vector3f(0, FastMath.sin(ELEVATION), FastMath.cos(ELEVATION)).multLocal(distance);
        cam.setLocation(target.add(offset));
        cam.lookAt(target, Vector3f.UNIT_Y);
    }

    private void top(Camera cam) {
        TopView view = TopView.of(plan, cam.getWidth(), cam.getHeight());
        cam.setParallelProjection(true);
        float hw = (float) view.halfWidth();
        float hh = (float) view.halfHeight();
        cam.setFrustum(1f, 500f, -hw, hw, hh, -hh);
        cam.setLocation(new Vector3f((float) view.centreX(), 200f, (float) view.centreZ()));
        cam.lookAtDirection(new Vector3f(0, -1, 0), new Vector3f(0, 0, -1));
    }

    @Override
    protected void onDisable() {
        // The camera stays where it is; another state may take it over.
    }

    @Override
    protected void cleanup(Application app) {
        // Nothing to release.
    }
}
