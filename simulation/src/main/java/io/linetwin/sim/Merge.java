package io.linetwin.sim;

/**
 * Several inbound buffers of one station: when the station has room, each buffer in declaration order may
 * offer its parts, so the first buffer has priority (a rework loop's return buffer, written first, goes
 * before new parts).
 */
final class Merge implements Upstream {

    private final Upstream[] inbound;

    Merge(Upstream[] inbound) {
        this.inbound = inbound.clone();
    }

    @Override
    public void roomAvailable() {
        for (Upstream buffer : inbound) {
            buffer.roomAvailable();
        }
    }
}
