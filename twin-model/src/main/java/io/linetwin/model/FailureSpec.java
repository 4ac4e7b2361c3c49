package io.linetwin.model;

import java.util.Objects;

/** One failure mode of a machine: time between failures, time to repair, and the clock it runs on. */
public record FailureSpec(String name, Distribution mtbf, Distribution mttr, FailureBasis basis) {
    public FailureSpec {
        Checks.id("failure name", name);
        Objects.requireNonNull(mtbf, "mtbf");
        Objects.requireNonNull(mttr, "mttr");
        Objects.requireNonNull(basis, "basis");
        Checks.positive("failure " + name + " mtbf mean", mtbf.mean());
    }
}
