package io.linetwin.render.scene;

import com.jme3.app.Application;
import com.jme3.app.SimpleApplication;
import com.jme3.app.state.BaseAppState;
import com.jme3.collision.CollisionResult;
import com.jme3.collision.CollisionResults;
import com.jme3.input.KeyInput;
import com.jme3.input.MouseInput;
import com.jme3.input.controls.ActionListener;
import com.jme3.input.controls.KeyTrigger;
import com.jme3.input.controls.MouseButtonTrigger;
import com.jme3.math.Ray;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import java.util.Optional;
import java.util.function.Function;

/**
 * The interactive controls of the window: a left click on a machine shows its details in the HUD's status
 * line; space pauses playback, + and - change its speed.
 */
public final class SelectionState extends BaseAppState {

    private static final String PICK = "linetwin.pick";
    private static final String PAUSE = "linetwin.pause";
    private static final String FASTER = "linetwin.faster";
    private static final String SLOWER = "linetwin.slower";

    private final Function<String, String> details;
    private final ActionListener listener = this::onAction;
    private String selected = "";

    /** {@code details}: what to say about a station (its KPIs), by station id. */
    public SelectionState(Function<String, String> details) {
        this.details = details;
    }

    @Override
    protected void initialize(Application app) {
        app.getInputManager().addMapping(PICK, new MouseButtonTrigger(MouseInput.BUTTON_LEFT));
        app.getInputManager().addMapping(PAUSE, new KeyTrigger(KeyInput.KEY_SPACE));
        app.getInputManager().addMapping(FASTER, new KeyTrigger(KeyInput.KEY_ADD), new KeyTrigger(KeyInput.KEY_EQUALS));
        app.getInputManager()
                .addMapping(SLOWER, new KeyTrigger(KeyInput.KEY_SUBTRACT), new KeyTrigger(KeyInput.KEY_MINUS));
    }

    private void onAction(String name, boolean pressed, float tpf) {
        if (!pressed) {
            return;
        }
        PlaybackState playback = getState(PlaybackState.class);
        switch (name) {
            case PICK -> pick().ifPresent(id -> selected = details.apply(id));
            case PAUSE -> playback.togglePause();
            case FASTER -> playback.setSpeed(playback.speed() * 2);
            case SLOWER -> playback.setSpeed(playback.speed() / 2);
            default -> {
                return;
            }
        }
        getState(HudState.class).status(playback.describe() + (selected.isEmpty() ? "" : "\n" + selected));
    }

    private Optional<String> pick() {
        SimpleApplication app = (SimpleApplication) getApplication();
        Vector2f cursor = app.getInputManager().getCursorPosition();
        Vector3f near = app.getCamera().getWorldCoordinates(cursor, 0f);
        Vector3f far = app.getCamera().getWorldCoordinates(cursor, 1f);
        CollisionResults hits = new CollisionResults();
        app.getRootNode().collideWith(new Ray(near, far.subtractLocal(near).normalizeLocal()), hits);
        Optional<LineScene> scene = getState(LineSceneState.class).scene();
        for (CollisionResult hit : hits) {
            Optional<String> station = scene.flatMap(s -> s.stationAt(hit));
            if (station.isPresent()) {
                return station;
            }
        }
        return Optional.empty();
    }

    @Override
    protected void onEnable() {
        getApplication().getInputManager().addListener(listener, PICK, PAUSE, FASTER, SLOWER);
        getState(HudState.class).status(getState(PlaybackState.class).describe());
    }

    @Override
    protected void onDisable() {
        getApplication().getInputManager().removeListener(listener);
    }

    @Override
    protected void cleanup(Application app) {
        for (String mapping : new String[] {PICK, PAUSE, FASTER, SLOWER}) {
            app.getInputManager().deleteMapping(mapping);
        }
    }
}
