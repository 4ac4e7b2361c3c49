package io.linetwin.render.headless;

import com.jme3.post.SceneProcessor;
import com.jme3.profile.AppProfiler;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the finished frame back after the last viewport rendered. A capture is armed with a number of frames
 * to let pass first, so states attached in the same update have been initialised and drawn.
 */
final class FrameGrabber implements SceneProcessor {

    private final int width;
    private final int height;
    private final ByteBuffer pixels;
    private RenderManager renderManager;
    private CompletableFuture<BufferedImage> capture;
    private int framesToSkip;
    private long framesRendered;

    FrameGrabber(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = BufferUtils.createByteBuffer(width * height * 4);
    }

    /** Render thread only. */
    CompletableFuture<BufferedImage> arm(int skip) {
        capture = new CompletableFuture<>();
        framesToSkip = skip;
        return capture;
    }

    long framesRendered() {
        return framesRendered;
    }

    @Override
    public void initialize(RenderManager rm, ViewPort vp) {
        renderManager = rm;
    }

    @Override
    public void reshape(ViewPort vp, int w, int h) {
        // The picture size is fixed at start.
    }

    @Override
    public boolean isInitialized() {
        return renderManager != null;
    }

    @Override
    public void preFrame(float tpf) {
        // Nothing before the frame.
    }

    @Override
    public void postQueue(RenderQueue rq) {
        // Nothing between queueing and drawing.
    }

    @Override
    public void postFrame(FrameBuffer out) {
        framesRendered++;
        if (capture == null) {
            return;
        }
        if (framesToSkip > 0) {
            framesToSkip--;
            return;
        }
        pixels.clear();
        renderManager.getRenderer().readFrameBufferWithFormat(out, pixels, Image.Format.RGBA8);
        CompletableFuture<BufferedImage> done = capture;
        capture = null;
        done.complete(toImage());
    }

    /** GL rows run bottom-up; images top-down. */
    private BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int base = (height - 1 - y) * width * 4;
            for (int x = 0; x < width; x++) {
                int i = base + x * 4;
                row[x] = (pixels.get(i) & 0xff) << 16 | (pixels.get(i + 1) & 0xff) << 8 | (pixels.get(i + 2) & 0xff);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    @Override
    public void cleanup() {
        CompletableFuture<BufferedImage> pending = capture;
        if (pending != null) {
            pending.completeExceptionally(new IllegalStateException("renderer stopped before the frame was read"));
        }
    }

    @Override
    public void setProfiler(AppProfiler profiler) {
        // Not profiled.
    }
}
