package io.linetwin.loop.live;

import io.linetwin.loop.Change;
import io.linetwin.loop.Numbers;
import io.linetwin.loop.proposal.Proposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approval without a person, only within limits the user wrote down explicitly ({@code filler.speed=0.9..1.1}, one per
 * parameter): a proposal is auto-approved when every change's target lies within its parameter's stated range. Others
 * wait for a person as usual. The gate still checks everything else.
 */
public final class AutoApprove {

    /** One stated range. */
    public record Range(double min, double max) {
        public Range {
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("expected min <= max, got " + min + ".." + max);
            }
        }
    }

    private static final Pattern LIMIT =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)\\.([A-Za-z0-9_.-]+)=(.+)\\.\\.(.+)");

    private final Map<String, Range> ranges;

    public AutoApprove(Map<String, Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("auto-approval needs >= 1 explicit limit, got none");
        }
        this.ranges = Map.copyOf(ranges);
    }

    /** Parses {@code station.parameter=min..max} limits. */
    public static AutoApprove parse(List<String> limits) {
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (String limit : limits) {
            Matcher m = LIMIT.matcher(limit.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "expected STATION.PARAMETER=MIN..MAX like filler.speed=0.9..1.1, got " + limit);
            }
            try {
                ranges.put(
                        m.group(1) + "." + m.group(2),
                        new Range(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected numbers in " + limit);
            }
        }
        return new AutoApprove(ranges);
    }

    /** Why {@code proposal} needs a person, or empty when the stated limits cover it. */
    public Optional<String> whyNot(Proposal proposal) {
        for (Change change : proposal.changes()) {
            Range range = ranges.get(change.station() + "." + change.parameter());
            if (range == null) {
                return Optional.of("no --auto-approve limit for " + change.station() + "." + change.parameter());
            }
            if (change.to() < range.min() || change.to() > range.max()) {
                return Optional.of(change.station() + "." + change.parameter() + " " + Numbers.plain(change.to())
                        + " outside the --auto-approve limit " + Numbers.plain(range.min()) + ".."
                        + Numbers.plain(range.max()));
            }
        }
        return Optional.empty();
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        ranges.forEach((name, r) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append('=')
                .append(Numbers.plain(r.min()))
                .append("..")
                .append(Numbers.plain(r.max())));
        return text.toString();
    }
}
