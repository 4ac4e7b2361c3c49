package io.linetwin.model;

import java.util.Map;
import java.util.Objects;

/** A named change to the line: the {@code set} paths as written, and the line with them applied. */
public record Variant(String name, Map<String, String> set, LineSpec line) {
    public Variant {
        Checks.id("variant name", name);
        set = Checks.orderedCopy(set);
        Objects.requireNonNull(line, "line");
    }
}
