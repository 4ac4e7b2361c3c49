package io.linetwin.app.emulate;

/** A parameter the emulated line was told to change: station {@code station}'s {@code name} to {@code value}. */
public record ParameterChange(String station, String name, double value) {}
