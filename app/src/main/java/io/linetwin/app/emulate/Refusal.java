package io.linetwin.app.emulate;

import java.util.Locale;

/**
 * Why the emulated line refused a command. Each refusal goes back to the sender as a Ditto error response with
 * the command's correlation id, this HTTP status (Ditto's own for the error: 403 not modifiable, 404 not
 * accessible, 429 too many requests) and the reason's code in the {@value #HEADER} header.
 */
public enum Refusal {
    /** Not Ditto Protocol, or not a command at all. */
    NOT_A_COMMAND(403),
    /** A {@code things/live/...} command: the line takes commands to its twin channel only. */
    LIVE_CHANNEL(403),
    /** A Ditto command other than {@code modify} of one parameter property. */
    UNSUPPORTED(403),
    /** No station of this line has that thing id. */
    UNKNOWN_EQUIPMENT(404),
    /** The parameter is not declared with {@code min}, {@code max} and {@code maxStep}, or is not a parameter. */
    NOT_WRITABLE(403),
    /** The value is not a finite number. */
    NOT_A_NUMBER(403),
    /** Outside the parameter's {@code [min, max]}. */
    OUT_OF_RANGE(403),
    /** Further from the current value (or the last accepted one) than {@code maxStep}. */
    STEP_TOO_LARGE(403),
    /** The station accepted a command less than the line's command interval ago. */
    RATE_LIMITED(429);

    /** Header of the error response that carries {@link #code()}. */
    public static final String HEADER = "linetwin-refusal";

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The reason as it appears in the header: {@code outOfRange}, {@code stepTooLarge}, ... */
    public String code() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return s.toString();
    }
}
