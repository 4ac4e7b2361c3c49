package io.linetwin.model;

/** A FIFO buffer between two stations; {@code capacity} counts waiting parts only (0 = direct hand-over). */
public record BufferSpec(String id, String from, String to, int capacity) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public BufferSpec {
        Checks.id("buffer id", id);
        Checks.id("buffer " + id + " from", from);
        Checks.id("buffer " + id + " to", to);
        if (capacity != UNLIMITED) {
            Checks.inRange("buffer " + id + " capacity", 0, Limits.MAX_BUFFER_CAPACITY, capacity);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "buffer " + id + " must join two different stations, got " + from + " twice");
        }
    }

    public boolean unlimited() {
        return capacity == UNLIMITED;
    }

    public BufferSpec withCapacity(int newCapacity) {
        return new BufferSpec(id, from, to, newCapacity);
    }
}
