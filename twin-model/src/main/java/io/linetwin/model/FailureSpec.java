package io.linetwin.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One failure mode of a machine, assembly or conveyor: time between failures, time to repair, and the clock it
 * runs on.
 * {@code firstFailure}, when present, replaces {@code mtbf} for the first failure of a run only: a look-ahead
 * from a health prediction ("this machine fails in about 30 h") while later failures follow the usual MTBF.
 * It is set by predictors, not by scenario files.
 */
public record FailureSpec(
        String name, Distribution mtbf, Distribution mttr, FailureBasis basis, Optional<Distribution> firstFailure) {

    public FailureSpec {
        Checks.id("failure name", name);
        Objects.requireNonNull(mtbf, "mtbf");
        Objects.requireNonNull(mttr, "mttr");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(firstFailure, "firstFailure");
        Checks.positive("failure " + name + " mtbf mean", mtbf.mean());
    }

    public FailureSpec(String name, Distribution mtbf, Distribution mttr, FailureBasis basis) {
        this(name, mtbf, mttr, basis, Optional.empty());
    }

    /** The time to the first failure: {@code firstFailure} if set, else the MTBF distribution. */
    public Distribution firstFailureOrMtbf() {
        return firstFailure.orElse(mtbf);
    }
}
