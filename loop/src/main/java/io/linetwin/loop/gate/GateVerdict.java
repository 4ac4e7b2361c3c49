package io.linetwin.loop.gate;

import java.util.List;

/** The gate's answer: passed, or every reason it refused. */
public record GateVerdict(List<String> refusals) {

    public GateVerdict {
        refusals = List.copyOf(refusals);
    }

    public boolean passed() {
        return refusals.isEmpty();
    }

    public String reason() {
        return String.join("; ", refusals);
    }
}
