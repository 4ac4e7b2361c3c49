package io.linetwin.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --min-effect 1%}: the smallest relative change a comparison calls better or worse. */
final class MinEffect {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*%");

    private MinEffect() {}

    /** The share of {@code text} ("1%" → 0.01); a percent sign is required, so 0.01 is never read as 1 %. */
    static double parse(String text) throws BadInputException {
        Matcher matcher = PERCENT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new BadInputException("--min-effect: expected a percentage like 1% or 0.5%, got \"" + text + "\"");
        }
        double share = Double.parseDouble(matcher.group(1)) / 100;
        if (share > 10) {
            throw new BadInputException("--min-effect: expected a percentage up to 1000%, got \"" + text + "\"");
        }
        return share;
    }
}
