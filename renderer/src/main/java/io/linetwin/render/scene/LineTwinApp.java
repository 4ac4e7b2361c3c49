package io.linetwin.render.scene;

import com.jme3.app.SimpleApplication;
import com.jme3.app.state.AppState;
import java.util.concurrent.CompletableFuture;

/**
 * The jME application: no fly camera, stats or debug keys, only the states it is given. {@link #ready()}
 * completes once the GL context is up and the first states can be used, or fails if the context cannot be
 * created, so callers never wait forever on a machine without OpenGL.
 */
public final class LineTwinApp extends SimpleApplication {

    private final CompletableFuture<LineTwinApp> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public LineTwinApp(AppState... states) {
        super(states);
    }

    public CompletableFuture<LineTwinApp> ready() {
        return ready;
    }

    /** Completes when the context is gone and its thread has ended (window closed or {@link #stop()}). */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void destroy() {
        // The context thread releases the GL context only after destroy() returns. A second context started
        // before that (the next picture, the next test) crashed inside OSMesa, so "closed" waits for that thread.
        Thread contextThread = Thread.currentThread();
        try {
            super.destroy();
        } finally {
            Thread watcher = new Thread(
                    () -> {
                        try {
                            contextThread.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            closed.complete(null);
                        }
                    },
                    "linetwin-context-closed");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    @Override
    public void simpleInitApp() {
        setDisplayStatView(false);
        setDisplayFps(false);
        ready.complete(this);
    }

    @Override
    public void handleError(String errorMessage, Throwable t) {
        // No error dialog: there may be no display to show it on; the caller reports the failure.
        ready.completeExceptionally(new IllegalStateException(errorMessage, t));
        stop();
    }
}
