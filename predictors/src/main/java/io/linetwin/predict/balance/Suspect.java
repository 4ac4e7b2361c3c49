package io.linetwin.predict.balance;

import java.util.List;
import java.util.Objects;

/**
 * A measurement named by serial elimination as carrying a gross error: {@code standardised} is its measurement
 * test when it was taken out, {@code bias} the measured value minus the value the other measurements give it
 * (with that difference's sd), {@code indistinguishableFrom} the streams whose test was the same statistic then
 * (the data cannot tell which of them is wrong).
 */
public record Suspect(
        String stream, double standardised, double bias, double biasSd, List<String> indistinguishableFrom) {

    public Suspect {
        Objects.requireNonNull(stream, "stream");
        indistinguishableFrom = List.copyOf(indistinguishableFrom);
    }
}
