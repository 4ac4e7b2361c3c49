package io.linetwin.model;

/**
 * One line of an assembly's bill of materials: {@code count} parts per output from {@code from}, which names
 * the upstream station or the buffer that brings them (one inbound buffer of the assembly per input).
 */
public record AssemblyInput(String from, int count) {

    public AssemblyInput {
        Checks.id("assembly input", from);
        Checks.inRange("assembly input " + from + " count", 1, Limits.MAX_INPUT_COUNT, count);
    }
}
