package io.linetwin.render.scene;

import java.util.Locale;
import org.lwjgl.opengl.GL11;

/** Whether the current GL context rasterises on the CPU (Mesa's llvmpipe or softpipe, OSMesa, swrast). */
final class SoftwareGl {

    private SoftwareGl() {}

    /** Render thread only (needs the current context). */
    static boolean detected() {
        String renderer = GL11.glGetString(GL11.GL_RENDERER);
        return isSoftware(renderer);
    }

    static boolean isSoftware(String renderer) {
        if (renderer == null) {
            return true;
        }
        String r = renderer.toLowerCase(Locale.ROOT);
        return r.contains("llvmpipe")
                || r.contains("softpipe")
                || r.contains("swrast")
                || r.contains("software")
                || r.contains("osmesa");
    }
}
