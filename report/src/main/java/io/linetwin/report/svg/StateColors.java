package io.linetwin.report.svg;

import java.util.List;

/**
 * The colours of the engine's station states, the same as the 3D renderer's (working green, blocked amber,
 * starved blue, down red, setup violet, off-shift grey), so a picture and a chart read alike.
 */
public final class StateColors {

    /** The engine's state names, in the order of DESIGN.md §5. */
    public static final List<String> STATES = List.of("working", "blocked", "starved", "down", "setup", "offShift");

    private StateColors() {}

    public static String of(String state) {
        return switch (state) {
            case "working" -> "#33b852";
            case "blocked" -> "#f5b31a";
            case "starved" -> "#4d8cf2";
            case "down" -> "#e6241f";
            case "setup" -> "#9e5cdb";
            case "offShift" -> "#5c5c6b";
            default -> "#b0b4ba";
        };
    }
}
