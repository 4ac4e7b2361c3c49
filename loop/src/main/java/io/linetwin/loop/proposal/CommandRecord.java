package io.linetwin.loop.proposal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One command a proposal needs: Ditto {@code modify} of {@code features/parameters/properties/<parameter>} of
 * {@code thingId}, with {@code commandId} as its correlation id. The intent is recorded (and forced to disk) before
 * the command leaves, the send after the line's transport acknowledged it: a process killed in between finds the
 * intent on restart and looks for the id on the commands topic before sending again, so the line never gets it
 * twice.
 *
 * @param sentAt     wall-clock instant the transport acknowledged it
 * @param sentAtLine line time then (the rate limit counts line time)
 */
public record CommandRecord(
        String commandId,
        String thingId,
        String station,
        String parameter,
        double value,
        double previous,
        Instant intentAt,
        Optional<Instant> sentAt,
        Optional<Instant> sentAtLine) {

    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(thingId, "thingId");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(intentAt, "intentAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(sentAtLine, "sentAtLine");
    }

    public boolean sent() {
        return sentAt.isPresent();
    }

    public CommandRecord sent(Instant wall, Instant line) {
        return new CommandRecord(
                commandId,
                thingId,
                station,
                parameter,
                value,
                previous,
                intentAt,
                Optional.of(wall),
                Optional.of(line));
    }
}
