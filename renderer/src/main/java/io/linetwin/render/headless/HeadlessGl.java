package io.linetwin.render.headless;

import com.jme3.system.AppSettings;
import java.nio.file.Path;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.system.Configuration;

/**
 * Points LWJGL at software OpenGL with no display: GLFW's null platform, contexts from OSMesa (Debian's
 * libosmesa6), an OpenGL 2 renderer (OSMesa refuses the forward-compatible 3.x context jME asks for
 * otherwise) and no audio. Natives unpack under {@code target/} unless the caller chose a folder.
 */
public final class HeadlessGl {

    public static final String EXTRACT_PATH = "org.lwjgl.system.SharedLibraryExtractPath";
    public static final String OSMESA = "libOSMesa.so.8";

    private HeadlessGl() {}

    /** Call before any jME context starts in this JVM; later calls are harmless. */
    public static synchronized void prepare() {
        if (System.getProperty(EXTRACT_PATH) == null) {
            System.setProperty(
                    EXTRACT_PATH, Path.of("target", "natives").toAbsolutePath().toString());
        }
        Configuration.OPENGL_LIBRARY_NAME.set(OSMESA);
        GLFW.glfwInitHint(GLFW.GLFW_PLATFORM, GLFW.GLFW_PLATFORM_NULL);
    }

    public static AppSettings settings(int width, int height) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException(
                    "picture size must be 16..8192 pixels a side, got " + width + "x" + height);
        }
        AppSettings settings = new AppSettings(true);
        settings.setRenderer(AppSettings.LWJGL_OPENGL2);
        settings.setAudioRenderer(null);
        settings.setResolution(width, height);
        settings.setSamples(0);
        settings.setVSync(false);
        settings.setFrameRate(-1);
        settings.setGammaCorrection(false);
        settings.setUseJoysticks(false);
        return settings;
    }
}
