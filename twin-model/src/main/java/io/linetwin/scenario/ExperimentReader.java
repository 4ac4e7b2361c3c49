package io.linetwin.scenario;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Limits;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code experiment} block; every key has a default, so the block itself is optional. */
final class ExperimentReader {

    static final double DEFAULT_HORIZON_SECONDS = 86_400;
    static final int DEFAULT_REPLICATIONS = 10;
    static final long DEFAULT_SEED = 1;

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern START = Pattern.compile("([A-Za-z]{3})\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern START_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{1,2}):(\\d{2})");

    private ExperimentReader() {}

    static ExperimentSpec defaults() {
        return new ExperimentSpec(DEFAULT_HORIZON_SECONDS, 0, DEFAULT_REPLICATIONS, DEFAULT_SEED, 0);
    }

    static Optional<ExperimentSpec> read(YamlCursor at) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("horizon", "warmup", "replications", "seed", "start"));
        int before = at.problems().count();
        double horizon = map.optional("horizon")
                .flatMap(YamlCursor::positiveDuration)
                .flatMap(h -> within(map.optional("horizon").orElseThrow(), h))
                .orElse(DEFAULT_HORIZON_SECONDS);
        double warmup = map.optional("warmup")
                .flatMap(c -> c.duration(Limits.MAX_RUN_SECONDS))
                .orElse(0.0);
        int replications = map.optional("replications")
                .flatMap(c -> c.integer(1, Limits.MAX_REPLICATIONS))
                .orElse(DEFAULT_REPLICATIONS);
        long seed = map.optional("seed").flatMap(YamlCursor::seed).orElse(DEFAULT_SEED);
        Optional<YamlCursor> startAt = map.optional("start");
        boolean dated = startAt.map(ExperimentReader::isDate).orElse(false);
        Optional<LocalDateTime> date = startAt.filter(c -> dated).flatMap(ExperimentReader::startDate);
        double start =
                startAt.filter(c -> !dated).flatMap(ExperimentReader::start).orElse(0.0);
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> date.isPresent()
                                ? ExperimentSpec.startingOn(horizon, warmup, replications, seed, date.get())
                                : new ExperimentSpec(horizon, warmup, replications, seed, start));
    }

    private static boolean isDate(YamlCursor at) {
        return at.isScalar()
                && !at.rawText().isEmpty()
                && Character.isDigit(at.rawText().strip().charAt(0));
    }

    /** "2026-12-07 06:00": a calendar date and time (its weekday places t = 0 in the shift calendar). */
    private static Optional<LocalDateTime> startDate(YamlCursor at) {
        Matcher matcher = START_DATE.matcher(at.rawText().strip());
        if (matcher.matches()) {
            try {
                return Optional.of(LocalDateTime.of(
                        Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)),
                        Integer.parseInt(matcher.group(4)),
                        Integer.parseInt(matcher.group(5))));
            } catch (DateTimeException e) {
                at.problem(
                        ProblemCode.VALUE_FORMAT,
                        "expected a valid date and time like \"2026-12-07 06:00\", got " + at.describe() + " ("
                                + e.getMessage() + ")");
                return Optional.empty();
            }
        }
        at.problem(
                ProblemCode.VALUE_FORMAT,
                "expected a date and time like \"2026-12-07 06:00\" or a weekday and time like \"mon 06:00\", got "
                        + at.describe());
        return Optional.empty();
    }

    private static Optional<Double> within(YamlCursor at, double seconds) {
        if (seconds < Limits.MIN_HORIZON_SECONDS) {
            at.problem(ProblemCode.VALUE_OUT_OF_RANGE, "expected a horizon of at least 1s, got " + at.describe());
            return Optional.empty();
        }
        if (seconds > Limits.MAX_RUN_SECONDS) {
            at.problem(
                    ProblemCode.VALUE_OVER_LIMIT,
                    String.format(
                            Locale.ROOT,
                            "expected a duration of at most %,.0fd (the limit of what runs), " + "got %s",
                            Limits.MAX_RUN_SECONDS / 86_400,
                            at.describe()));
            return Optional.empty();
        }
        return Optional.of(seconds);
    }

    /** "mon 06:00" as seconds since Monday 00:00. */
    private static Optional<Double> start(YamlCursor at) {
        Matcher matcher = START.matcher(at.rawText().strip());
        if (at.isScalar() && matcher.matches()) {
            int day = DAYS.indexOf(matcher.group(1).toLowerCase(Locale.ROOT));
            int hours = Integer.parseInt(matcher.group(2));
            int minutes = Integer.parseInt(matcher.group(3));
            if (day >= 0 && hours < 24 && minutes < 60) {
                return Optional.of(day * 86_400.0 + hours * 3600.0 + minutes * 60.0);
            }
        }
        at.problem(
                ProblemCode.VALUE_FORMAT,
                "expected a weekday and time like \"mon 06:00\" or a date and time like \"2026-12-07 06:00\", got "
                        + at.describe());
        return Optional.empty();
    }
}
