package io.linetwin.scenario;

import io.linetwin.model.ShiftSpec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code line.shifts}: {@code [{days: mon-fri, start: "06:00", end: "22:00", breaks: [{start: "12:00",
 * duration: 30m}]}]}. An end at or before the start runs past midnight; {@code "24:00"} is midnight at the end
 * of the day. A break starts at a time of day inside its shift and must end inside it.
 */
final class ShiftReader {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final double DAY = ShiftSpec.DAY_SECONDS;

    private ShiftReader() {}

    static List<ShiftSpec> read(YamlCursor at) {
        List<ShiftSpec> shifts = new ArrayList<>();
        at.items("").ifPresent(items -> items.forEach(item -> shift(item).ifPresent(shifts::add)));
        return shifts;
    }

    private static Optional<ShiftSpec> shift(YamlCursor at) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("days", "start", "end", "breaks"));
        int before = at.problems().count();
        Optional<Set<DayOfWeek>> days = map.required("days").flatMap(ShiftReader::days);
        Optional<Double> start = map.required("start").flatMap(c -> timeOfDay(c, false));
        Optional<Double> end = map.required("end").flatMap(c -> timeOfDay(c, true));
        if (start.isEmpty() || end.isEmpty()) {
            map.optional("breaks").ifPresent(c -> c.items(""));
            return Optional.empty();
        }
        double length = end.get() > start.get() ? end.get() - start.get() : end.get() + DAY - start.get();
        List<ShiftSpec.Break> breaks = new ArrayList<>();
        map.optional("breaks")
                .flatMap(c -> c.items(""))
                .ifPresent(items ->
                        items.forEach(item -> pause(item, start.get(), length).ifPresent(breaks::add)));
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(), () -> new ShiftSpec(days.get(), start.get(), length, breaks));
    }

    private static Optional<ShiftSpec.Break> pause(YamlCursor at, double shiftStart, double shiftLength) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("start", "duration"));
        Optional<YamlCursor> startAt = map.required("start");
        Optional<Double> start = startAt.flatMap(c -> timeOfDay(c, false));
        Optional<Double> duration = map.required("duration").flatMap(YamlCursor::positiveDuration);
        if (start.isEmpty() || duration.isEmpty()) {
            return Optional.empty();
        }
        double offset = ((start.get() - shiftStart) % DAY + DAY) % DAY;
        if (offset + duration.get() > shiftLength) {
            at.problem(
                    ProblemCode.VALUE_OUT_OF_RANGE,
                    "expected a break that ends within its shift (" + clock(shiftStart) + " for "
                            + minutes(shiftLength) + " min), got " + clock(start.get()) + " for "
                            + minutes(duration.get())
                            + " min");
            return Optional.empty();
        }
        return Optional.of(new ShiftSpec.Break(offset, duration.get()));
    }

    /** "mon-fri", "sat,sun", "mon,wed-fri"; a range may wrap over the week's end ("fri-mon"). */
    private static Optional<Set<DayOfWeek>> days(YamlCursor at) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String text = at.isScalar() ? at.rawText().strip().toLowerCase(Locale.ROOT) : "";
        for (String part : text.split("\\s*,\\s*")) {
            String[] range = part.split("\\s*-\\s*");
            int from = DAYS.indexOf(range[0]);
            int to = range.length == 2 ? DAYS.indexOf(range[1]) : from;
            if (range.length > 2 || from < 0 || to < 0) {
                at.problem(
                        ProblemCode.VALUE_FORMAT,
                        "expected days like \"mon-fri\" or \"sat,sun\" (mon tue wed thu fri sat sun), got "
                                + at.describe());
                return Optional.empty();
            }
            for (int day = from; ; day = (day + 1) % 7) {
                days.add(DayOfWeek.of(day + 1));
                if (day == to) {
                    break;
                }
            }
        }
        return Optional.of(days);
    }

    private static Optional<Double> timeOfDay(YamlCursor at, boolean endOfDayAllowed) {
        Matcher matcher = TIME.matcher(at.isScalar() ? at.rawText().strip() : "");
        if (matcher.matches()) {
            int hours = Integer.parseInt(matcher.group(1));
            int minutes = Integer.parseInt(matcher.group(2));
            if (hours < 24 && minutes < 60) {
                return Optional.of(hours * 3600.0 + minutes * 60.0);
            }
            if (endOfDayAllowed && hours == 24 && minutes == 0) {
                return Optional.of(DAY);
            }
        }
        at.problem(
                ProblemCode.VALUE_FORMAT,
                "expected a time of day like \"06:00\"" + (endOfDayAllowed ? " (or \"24:00\")" : "") + ", got "
                        + at.describe());
        return Optional.empty();
    }

    private static String minutes(double seconds) {
        double minutes = seconds / 60;
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
    }

    private static String clock(double secondsOfDay) {
        long minutes = Math.round(secondsOfDay / 60);
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
