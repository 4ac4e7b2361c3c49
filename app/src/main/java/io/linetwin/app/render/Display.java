package io.linetwin.app.render;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a window can open: on Linux and the BSDs a window needs an X or Wayland display. Checked before the GL
 * start-up, whose own failure is a native error and a JVM log line instead of a sentence.
 */
final class Display {

    private Display() {}

    /** Why no window can open here, or empty when one can (or the platform has no such variables). */
    static Optional<String> missing(Map<String, String> environment, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            return Optional.empty();
        }
        if (set(environment.get("DISPLAY")) || set(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(noWindow("no display (DISPLAY and WAYLAND_DISPLAY are not set)"));
    }

    /** The one line for a window that cannot open, {@code why} first, with what to do instead. */
    static String noWindow(String why) {
        return "linetwin view: " + why + "; for a picture use 'linetwin render FILE --out line.png', for a "
                + "window without a display 'linetwin view FILE --software-gl' (draws off screen, shows nothing)";
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
