package io.linetwin.loop;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scenario path that names a station parameter ({@code stations.press.parameters.speed}): what a command can set. */
public record ParameterPath(String station, String parameter) {

    private static final Pattern PATH = Pattern.compile("stations\\.([^.]+)\\.parameters\\.([^.]+)");

    /** The station and parameter of {@code path}, or empty when it names something else (a buffer, a mix). */
    public static Optional<ParameterPath> parse(String path) {
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(new ParameterPath(m.group(1), m.group(2))) : Optional.empty();
    }
}
