package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.state.BaseAppState;
import com.jme3.math.FastMath;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.layout.Link;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the camera at a preset and keeps it there: a three-quarter view from the front right, moved back until
 * everything it frames (equipment to its lamp tops, racks, links, AGV lanes and room for labels) projects inside
 * the picture between the HUD's top panel and the legend, and centred there. The interactive orbit lives in
 * {@link OrbitCameraState}.
 */
public final class CameraState extends BaseAppState {

    static final float FOV_Y_DEGREES = 35f;
    private static final float ELEVATION_DEGREES = 44f;
    private static final float YAW_DEGREES = 22f;
    private static final float EQUIPMENT_HEIGHT = 4.5f;
    private static final float MARGIN_PIXELS = 10f;

    private final FloorPlan plan;
    private CameraPreset preset;

    public CameraState(FloorPlan plan, CameraPreset preset) {
        this.plan = plan;
        this.preset = preset;
        if (preset instanceof CameraPreset.Station s) {
            plan.station(s.stationId());
        }
    }

    /** Moves the camera to another preset now, or when the state is first enabled (render thread). */
    public void use(CameraPreset newPreset) {
        preset = newPreset;
        if (isInitialized() && isEnabled()) {
            place(getApplication().getCamera());
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
        if (preset instanceof CameraPreset.TopOrtho) {
            top(cam);
            return;
        }
        List<Vector3f> points = new ArrayList<>();
        if (preset instanceof CameraPreset.Station station) {
            Footprint at = plan.station(station.stationId()).grown(1.5);
            corners(points, at, EQUIPMENT_HEIGHT);
            fit(cam, points, 0.2f);
        } else {
            plan.solids().forEach(f -> corners(points, f, EQUIPMENT_HEIGHT));
            for (Link link : plan.links().values()) {
                for (int i = 0; i < link.route().points(); i++) {
                    points.add(new Vector3f((float) link.route().xs()[i], 0, (float)
                            link.route().zs()[i]));
                }
            }
            plan.agvs().lanes().forEach(l -> {
                points.add(new Vector3f((float) l.xs()[0], 0, (float) l.zs()[0]));
                points.add(new Vector3f((float) l.xs()[1], 0, (float) l.zs()[1]));
            });
            fit(cam, points, 0f);
        }
    }

    private static void corners(List<Vector3f> points, Footprint f, float height) {
        for (double u : new double[] {-f.halfWidth(), f.halfWidth()}) {
            for (double v : new double[] {-f.halfDepth(), f.halfDepth()}) {
                for (float y : new float[] {0, height}) {
                    points.add(new Vector3f((float) f.worldX(u, v), y, (float) f.worldZ(u, v)));
                }
            }
        }
    }

    /** Finds the distance and aim at which every point falls inside the free band of the picture, centred. */
    private static void fit(Camera cam, List<Vector3f> points, float extraMargin) {
        float width = cam.getWidth();
        float height = cam.getHeight();
        float[] band = HudState.bands(width, height);
        float x0 = MARGIN_PIXELS + extraMargin * width / 2;
        float x1 = width - MARGIN_PIXELS - extraMargin * width / 2;
        float y0 = band[0] + MARGIN_PIXELS + extraMargin * height / 4;
        float y1 = band[1] - MARGIN_PIXELS - 30 - extraMargin * height / 4;
        Vector3f target = new Vector3f();
        for (Vector3f p : points) {
            target.addLocal(p.x, 0, p.z);
        }
        target.divideLocal(points.size());
        float span = 1;
        for (Vector3f p : points) {
            span = Math.max(span, p.distance(target));
        }
        float distance = span * 3;
        for (int round = 0; round < 5; round++) {
            float lo = 1;
            float hi = span * 20 + 20;
            for (int i = 0; i < 40; i++) {
                float mid = (lo + hi) / 2;
                aim(cam, target, mid);
                if (fits(cam, points, x0, x1, y0, y1)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            distance = hi;
            aim(cam, target, distance);
            float[] box = box(cam, points);
            float dx = (box[0] + box[1]) / 2 - (x0 + x1) / 2;
            float dy = (box[2] + box[3]) / 2 - (y0 + y1) / 2;
            Vector3f a = ground(cam, width / 2, height / 2);
            Vector3f b = ground(cam, width / 2 + dx, height / 2 + dy);
            if (a == null || b == null) {
                break;
            }
            target.addLocal(b.subtract(a));
        }
        aim(cam, target, distance);
        for (int i = 0; i < 40 && !fits(cam, points, x0, x1, y0, y1); i++) {
            distance *= 1.02f;
            aim(cam, target, distance);
        }
    }

    private static void aim(Camera cam, Vector3f target, float distance) {
        cam.setParallelProjection(false);
        float el = ELEVATION_DEGREES * FastMath.DEG_TO_RAD;
        float yaw = YAW_DEGREES * FastMath.DEG_TO_RAD;
        cam.setFrustumPerspective(
                FOV_Y_DEGREES,
                cam.getWidth() / (float) cam.getHeight(),
                Math.max(0.5f, distance / 200),
                distance * 4 + 200);
        Vector3f offset = new Vector3f(
                        FastMath.sin(yaw) * FastMath.cos(el), FastMath.sin(el), FastMath.cos(yaw) * FastMath.cos(el))
                .multLocal(distance);
        cam.setLocation(target.add(offset));
        cam.lookAt(target, Vector3f.UNIT_Y);
    }

    private static boolean fits(Camera cam, List<Vector3f> points, float x0, float x1, float y0, float y1) {
        float[] box = box(cam, points);
        return box[0] >= x0 && box[1] <= x1 && box[2] >= y0 && box[3] <= y1 && box[4] > 0;
    }

    /** min x, max x, min y, max y of the projections, and 1 if all lie in front of the camera. */
    private static float[] box(Camera cam, List<Vector3f> points) {
        float[] box = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1};
        Vector3f s = new Vector3f();
        for (Vector3f p : points) {
            cam.getScreenCoordinates(p, s);
            if (s.z < 0 || s.z > 1) {
                box[4] = 0;
            }
            box[0] = Math.min(box[0], s.x);
            box[1] = Math.max(box[1], s.x);
            box[2] = Math.min(box[2], s.y);
            box[3] = Math.max(box[3], s.y);
        }
        return box;
    }

    /** Where the ray through a pixel meets the floor, or null. */
    static Vector3f ground(Camera cam, float px, float py) {
        Vector3f near = cam.getWorldCoordinates(new com.jme3.math.Vector2f(px, py), 0f);
        Vector3f far = cam.getWorldCoordinates(new com.jme3.math.Vector2f(px, py), 1f);
        Vector3f dir = far.subtract(near);
        if (dir.y > -1e-6f) {
            return null;
        }
        return near.add(dir.mult(-near.y / dir.y));
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
